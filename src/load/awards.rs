//! `awards.csv`: awards actually granted, the history of the final review.
//!
//! Reviews here may lie outside the plan (awards of earlier plans are
//! history too); whether an award counts is the rule of
//! [`crate::rules::history`].

use rustc_hash::FxHashMap;

use crate::diag::{Diagnostic, Problem};
use crate::load::content::CsvFile;
use crate::load::csv_table::{Column, Parsed, Row, ShiftLines, read_rows, shift_rows, with_room};
use crate::load::{Known, Registry, review_cell, values};
use crate::model::{GrantedAward, Subject};
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

/// What is read of awards.csv, before duplicates are looked for.
#[derive(Default)]
struct Rows {
    rows: Vec<GrantedAward>,
    problems: Vec<Diagnostic>,
    /// The last field cell and its folded form: rows of one field usually
    /// follow each other, and folding Vietnamese text is not free.
    last_field: (String, String),
    /// The days of the decisions, each read once.
    dates: values::Dates,
}

impl ShiftLines for Rows {
    fn shift_lines(&mut self, by: u32) {
        shift_rows(&mut self.rows, &mut self.problems, by, |a| &mut a.source);
    }
}

impl Rows {
    fn read(&mut self, row: &Row<'_>, registry: &Registry, file_index: u16) {
        let problems = &mut self.problems;
        let review = review_cell(row, REVIEW, None, problems);
        let subject = registry.subject_cell(row, SUBJECT, problems);
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
        let raw_field = row.raw(FIELD);
        if raw_field != self.last_field.0 {
            self.last_field = (raw_field.to_string(), fold(&row.get(FIELD)));
        }
        let field = self.last_field.1.clone();
        if field.is_empty() {
            problems.push(row.error(FIELD, Problem::Required { column: "field" }));
        }
        let date_text = row.raw(DATE);
        let date = if date_text.is_empty() {
            Ok(None)
        } else {
            self.dates
                .read(date_text)
                .map(Some)
                .map_err(|p| problems.push(row.error(DATE, p)))
        };
        let (Some(review), Some(subject), Some(award), Ok(date), false) =
            (review, subject, award, date, field.is_empty())
        else {
            return;
        };
        let decision = Some(row.get(DECISION).into_owned()).filter(|d| !d.is_empty());
        let award = GrantedAward {
            review,
            subject,
            award,
            field,
            decision,
            date,
            source: row.source(file_index),
        };
        self.rows.push(award);
    }
}

/// Reads granted awards into `out`.
pub fn parse_awards(
    file: CsvFile,
    file_index: u16,
    known: Known<'_>,
    out: &mut Vec<GrantedAward>,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let Some(Parsed {
        table,
        states,
        decoded,
        ..
    }) = read_rows(
        file,
        &COLUMNS,
        known.split,
        diags,
        |rows| Rows {
            rows: with_room(rows),
            ..Rows::default()
        },
        |rows, row| rows.read(row, known.registry, file_index),
        |_, _| {},
    )
    else {
        return false;
    };
    let mut problems = Vec::new();
    let mut seen: FxHashMap<(Review, Subject, AwardKind, String), u32> = FxHashMap::default();
    for Rows {
        rows,
        problems: found,
        ..
    } in states
    {
        problems.extend(found);
        for award in rows {
            let byte = award.source.byte as usize;
            let key = (
                award.review,
                award.subject,
                award.award,
                award.field.clone(),
            );
            if let Some(first) = seen.get(&key) {
                let shown = format!(
                    "{} × {} × {} × {}",
                    award.review,
                    known.id(award.subject),
                    award.award.code(),
                    award.field
                );
                let first = format!("{}:{first}", table.shown().display());
                problems.push(table.row_error_at(
                    byte,
                    award.source.line,
                    Problem::DuplicateRow { key: shown, first },
                ));
                continue;
            }
            seen.insert(key, award.source.line);
            out.push(award);
        }
    }
    problems.sort_by_key(|d| d.line);
    diags.extend(problems);
    decoded
}
