//! `registrations.csv`: who registered for the movement in which review
//! (VI.1, "đăng ký thực hiện phong trào thi đua này gắn với việc đăng ký thi
//! đua hàng năm"). Read and checked like the other files; a review × subject
//! registered twice is a duplicate row.

use chrono::Datelike;
use rustc_hash::FxHashMap;

use crate::diag::{Diagnostic, Problem};
use crate::load::content::CsvFile;
use crate::load::csv_table::{Column, REVIEW_COLUMN, Row, SUBJECT_COLUMN, read_table};
use crate::load::{Known, review_cell, values};
use crate::model::{Registration, Subject};
use crate::review::Review;

const REVIEW: usize = 0;
const SUBJECT: usize = 1;
const DATE: usize = 2;
const PLEDGE: usize = 3;

/// The columns of registrations.csv.
pub const COLUMNS: [Column; 4] = [
    REVIEW_COLUMN,
    SUBJECT_COLUMN,
    Column {
        key: "date",
        vi: "ngày đăng ký",
        aliases: &["ngay"],
        required: false,
    },
    Column {
        key: "pledge",
        vi: "nội dung đăng ký",
        aliases: &["noidung", "camket", "dangky"],
        required: false,
    },
];

/// Reads one row into `out`, unless it repeats an earlier row's review ×
/// subject (`first` holds their lines).
fn read(
    row: &Row<'_>,
    known: &Known<'_>,
    file_index: u16,
    first: &mut FxHashMap<(Review, Subject), u32>,
    out: &mut Vec<Registration>,
    problems: &mut Vec<Diagnostic>,
) {
    // Registration is yearly: any year of the period (2025 too, which the
    // final review judges) or the final review itself.
    let in_period = |y: i32| {
        known
            .plan
            .is_some_and(|p| (p.start.year()..=p.end.year()).contains(&y))
    };
    let review = match row.raw(REVIEW).parse::<Review>() {
        Ok(Review::Annual(y)) if in_period(y) => Some(Review::Annual(y)),
        _ => review_cell(row, REVIEW, known.plan, problems),
    };
    let before = problems.len();
    let subject = known.registry.subject_cell(row, SUBJECT, problems);
    let date = values::date_cell(row, DATE, problems);
    known.keep.defer(review, &mut problems[before..]);
    let (Some(review), Some(subject), Ok(date)) = (review, subject, date) else {
        return;
    };
    if let Some(line) = first.get(&(review, subject)) {
        problems.push(row.row_error(Problem::DuplicateRow {
            key: format!("{review} × {}", known.id(subject)),
            first: format!("{}:{line}", row.file().display()),
        }));
        known.keep.defer(Some(review), &mut problems[before..]);
        return;
    }
    first.insert((review, subject), row.line);
    let pledge = Some(row.get(PLEDGE).into_owned()).filter(|p| !p.is_empty());
    out.push(Registration {
        review,
        subject,
        date,
        pledge,
        source: row.source(file_index),
    });
}

/// Reads registrations into `out`; `true` when the file was decoded in
/// memory.
pub fn parse_registrations(
    file: CsvFile,
    file_index: u16,
    known: Known<'_>,
    out: &mut Vec<Registration>,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    read_table(file, &COLUMNS, diags, out, |first, row, out, problems| {
        read(row, &known, file_index, first, out, problems)
    })
}
