//! `awards.csv`: awards actually granted, the history of the final review.
//!
//! Reviews here may lie outside the plan (awards of earlier plans are
//! history too); whether an award counts is the rule of
//! [`crate::rules::history`].

use rustc_hash::FxHashMap;

use crate::diag::{Diagnostic, Problem};
use crate::load::content::CsvFile;
use crate::load::csv_table::{Column, REVIEW_COLUMN, Row, SUBJECT_COLUMN, read_table};
use crate::load::{Known, review_cell, values};
use crate::model::{GrantedAward, Subject};
use crate::plan::AwardKind;
use crate::review::Review;
use crate::text::{fold, nfc, suggest};

const REVIEW: usize = 0;
const SUBJECT: usize = 1;
const AWARD: usize = 2;
const FIELD: usize = 3;
const DECISION: usize = 4;
const DATE: usize = 5;
const REVOKED: usize = 6;

/// The columns of awards.csv.
pub const COLUMNS: [Column; 7] = [
    REVIEW_COLUMN,
    SUBJECT_COLUMN,
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
    Column {
        key: "revoked",
        vi: "thu hồi",
        aliases: &["huybo", "dahuy", "bihuy", "thuhoi"],
        required: false,
    },
];

/// Reads one row of awards.csv into `out`, unless it repeats an earlier
/// row's review × subject × award × field (`first` holds their lines).
fn read(
    row: &Row<'_>,
    known: &Known<'_>,
    file_index: u16,
    first: &mut FxHashMap<(Option<Review>, Subject, AwardKind, String), u32>,
    out: &mut Vec<GrantedAward>,
    problems: &mut Vec<Diagnostic>,
) {
    // The review the award was for; empty leaves the decision's date to
    // decide (NĐ 98/2023, khoản 9 Điều 30).
    let review = if row.raw(REVIEW).is_empty() {
        Some(None)
    } else {
        review_cell(row, REVIEW, None, problems).map(Some)
    };
    let subject = known.registry.subject_cell(row, SUBJECT, problems);
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
    let date = values::date_cell(row, DATE, problems);
    let revoked_text = row.raw(REVOKED);
    let revoked = match revoked_text {
        "" => Ok(None),
        "x" | "X" => Ok(Some(None)),
        text => values::date(text).map(|day| Some(Some(day))).map_err(|_| {
            problems.push(row.error(
                REVOKED,
                Problem::BadCode {
                    column: "revoked",
                    value: nfc(text).into_owned(),
                    expected: vec!["x", "YYYY-MM-DD", "DD/MM/YYYY"],
                    suggestion: None,
                },
            ))
        }),
    };
    let (Some(review), Some(subject), Some(award), Ok(date), Ok(revoked), false) =
        (review, subject, award, date, revoked, field.is_empty())
    else {
        return;
    };
    let key = (review, subject, award, field.clone());
    if let Some(line) = first.get(&key) {
        let shown = format!(
            "{} × {} × {} × {field}",
            review.map(|r| r.code()).unwrap_or_default(),
            known.id(subject),
            award.code(),
        );
        let first = format!("{}:{line}", row.file().display());
        problems.push(row.row_error(Problem::DuplicateRow { key: shown, first }));
        return;
    }
    first.insert(key, row.line);
    let decision = Some(row.get(DECISION).into_owned()).filter(|d| !d.is_empty());
    out.push(GrantedAward {
        review,
        subject,
        award,
        field,
        decision,
        date,
        revoked,
        source: row.source(file_index),
    });
}

/// Reads granted awards into `out`; `true` when the file was decoded in
/// memory.
pub fn parse_awards(
    file: CsvFile,
    file_index: u16,
    known: Known<'_>,
    out: &mut Vec<GrantedAward>,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    read_table(file, &COLUMNS, diags, out, |first, row, out, problems| {
        read(row, &known, file_index, first, out, problems)
    })
}
