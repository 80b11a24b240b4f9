//! `awards.csv`: awards actually granted, the history of the final review.
//!
//! Reviews here may lie outside the plan (awards of earlier plans are
//! history too); whether an award counts is the rule of
//! [`crate::rules::history`].

use std::collections::HashMap;

use crate::diag::{Diagnostic, Problem};
use crate::load::csv_table::{Column, Table};
use crate::load::source::TextFile;
use crate::load::{Registry, review_cell, values};
use crate::model::{GrantedAward, Source, Subject};
use crate::plan::AwardKind;
use crate::review::Review;
use crate::text::{fold, suggest};

const REVIEW: usize = 0;
const SUBJECT: usize = 1;
const AWARD: usize = 2;
const FIELD: usize = 3;
const DECISION: usize = 4;
const DATE: usize = 5;

/// The columns of awards.csv.
pub const COLUMNS: [Column; 6] = [
    Column {
        key: "review",
        vi: "đợt xét",
        aliases: &["nam", "dot", "namxet"],
        required: true,
    },
    Column {
        key: "subject",
        vi: "mã",
        aliases: &["ma", "madoituong", "doituong", "id"],
        required: true,
    },
    Column {
        key: "award",
        vi: "hình thức",
        aliases: &["hinhthuckhenthuong", "khenthuong"],
        required: true,
    },
    Column {
        key: "field",
        vi: "lĩnh vực",
        aliases: &[],
        required: true,
    },
    Column {
        key: "decision",
        vi: "quyết định",
        aliases: &["soquyetdinh"],
        required: false,
    },
    Column {
        key: "date",
        vi: "ngày",
        aliases: &["ngayquyetdinh", "ngayky"],
        required: false,
    },
];

/// Reads granted awards into `out`.
pub fn parse_awards(
    file: &TextFile,
    file_index: u16,
    registry: &mut Registry,
    out: &mut Vec<GrantedAward>,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(table) = Table::open(file, &COLUMNS, diags) else {
        return;
    };
    let mut problems = Vec::new();
    let mut seen: HashMap<(Review, Subject, AwardKind, String), u32> = HashMap::new();
    table.for_each_row(diags, |row| {
        let review = review_cell(row, REVIEW, None, &mut problems);
        let subject = registry.subject_cell(row, SUBJECT, &mut problems);
        let award_text = row.get(AWARD);
        let award = AwardKind::parse(&award_text);
        if award.is_none() {
            let expected: Vec<&'static str> = AwardKind::ALL.iter().map(|a| a.code()).collect();
            let suggestion = suggest(&award_text, expected.iter().copied());
            problems.push(row.error(
                AWARD,
                Problem::BadCode {
                    column: "award",
                    value: award_text.into_owned(),
                    expected,
                    suggestion,
                },
            ));
        }
        let field = fold(&row.get(FIELD));
        if field.is_empty() {
            problems.push(row.error(FIELD, Problem::Required { column: "field" }));
        }
        let date_text = row.get(DATE);
        let date = if date_text.is_empty() {
            Ok(None)
        } else {
            values::date(&date_text)
                .map(Some)
                .map_err(|p| problems.push(row.error(DATE, p)))
        };
        let (Some(review), Some(subject), Some(award), Ok(date), false) =
            (review, subject, award, date, field.is_empty())
        else {
            return;
        };
        let key = (review, subject, award, field.clone());
        if let Some(first) = seen.get(&key) {
            let shown = format!(
                "{review} × {} × {} × {field}",
                row.get(SUBJECT),
                award.code()
            );
            let first = format!("{}:{first}", row.file().display());
            problems.push(row.row_error(Problem::DuplicateRow { key: shown, first }));
            return;
        }
        seen.insert(key, row.line);
        let decision = Some(row.get(DECISION).into_owned()).filter(|d| !d.is_empty());
        out.push(GrantedAward {
            review,
            subject,
            award,
            field,
            decision,
            date,
            source: Source {
                file: file_index,
                line: row.line,
            },
        });
    });
    diags.extend(problems);
}
