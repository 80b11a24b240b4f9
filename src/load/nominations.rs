//! `nominations.csv`: who is proposed in each review, the dossier, and the
//! council's vote.

use chrono::NaiveDate;

use crate::diag::problem::Absence;
use crate::diag::{Diagnostic, Problem};
use crate::load::content::CsvFile;
use crate::load::csv_table::{Column, REVIEW_COLUMN, Row, SUBJECT_COLUMN, Visit, read_rows};
use crate::load::first_rows::{FirstRows, Seen};
use crate::load::{Keep, Known, Resolver, Reviews, values};
use crate::model::{Document, Nomination, Votes};
use crate::plan::{Denominator, Plan};
use crate::review::Review;

const REVIEW: usize = 0;
const SUBJECT: usize = 1;
const RECEIVED: usize = 2;
const TO_TRINH: usize = 3;
const BIEN_BAN: usize = 4;
const BAO_CAO: usize = 5;
const VOTES_FOR: usize = 6;
const VOTES_TOTAL: usize = 7;

/// The column of a dossier document.
pub fn column(document: Document) -> usize {
    match document {
        Document::ToTrinh => TO_TRINH,
        Document::BienBan => BIEN_BAN,
        Document::BaoCao => BAO_CAO,
    }
}

/// The columns of nominations.csv.
pub const COLUMNS: [Column; 8] = [
    REVIEW_COLUMN,
    SUBJECT_COLUMN,
    Column {
        key: "received",
        vi: "ngày nhận",
        aliases: &["ngaynhanhoso"],
        required: false,
    },
    Column {
        key: "to_trinh",
        vi: "tờ trình",
        aliases: &[],
        required: false,
    },
    Column {
        key: "bien_ban",
        vi: "biên bản",
        aliases: &["bienbanhopxet"],
        required: false,
    },
    Column {
        key: "bao_cao",
        vi: "báo cáo",
        aliases: &["baocaothanhtich"],
        required: false,
    },
    Column {
        key: "votes_for",
        vi: "phiếu đồng ý",
        aliases: &["sophieudongy"],
        required: false,
    },
    Column {
        key: "votes_total",
        vi: "tổng số phiếu",
        aliases: &["tongphieu", "sophieu"],
        required: false,
    },
];

/// The council's size when the plan counts votes against it.
fn members(plan: Option<&Plan>) -> Option<u32> {
    match plan?.votes.as_ref()?.denominator {
        Denominator::Members(n) => Some(n),
        Denominator::Present => None,
    }
}

fn votes(
    row: &Row<'_>,
    members: Option<u32>,
    problems: &mut Vec<Diagnostic>,
) -> Result<Option<Votes>, ()> {
    let (f, t) = (row.raw(VOTES_FOR), row.raw(VOTES_TOTAL));
    match (f.is_empty(), t.is_empty()) {
        (true, true) => return Ok(None),
        (false, true) => {
            problems.push(row.error(VOTES_TOTAL, Problem::VotesIncomplete));
            return Err(());
        }
        (true, false) => {
            problems.push(row.error(VOTES_FOR, Problem::VotesIncomplete));
            return Err(());
        }
        (false, false) => {}
    }
    let in_favour = values::count(f).map_err(|p| problems.push(row.error(VOTES_FOR, p)));
    let total = values::count(t).map_err(|p| problems.push(row.error(VOTES_TOTAL, p)));
    let (in_favour, total) = (in_favour?, total?);
    if total == 0 {
        problems.push(row.error(VOTES_TOTAL, Problem::ZeroVotes));
        return Err(());
    }
    if in_favour > total {
        problems.push(row.error(VOTES_FOR, Problem::VotesOutOfRange { in_favour, total }));
        return Err(());
    }
    // More votes than members would make a share above 100 %.
    if let Some(members) = members.filter(|&m| total > m) {
        problems.push(row.error(VOTES_TOTAL, Problem::VotesAboveMembers { total, members }));
        return Err(());
    }
    Ok(Some(Votes { in_favour, total }))
}

/// The first day a dossier of a review can plausibly be dated: the review's
/// first day.
fn review_start(review: Review, plan: Option<&Plan>) -> Option<NaiveDate> {
    match review {
        Review::Annual(y) => NaiveDate::from_ymd_opt(y, 1, 1),
        Review::Final(..) => plan
            .map(|p| p.start)
            .or_else(|| NaiveDate::from_ymd_opt(review_year(review), 1, 1)),
    }
}

fn review_year(review: Review) -> i32 {
    match review {
        Review::Annual(y) | Review::Final(y, _) => y,
    }
}

/// What reading nominations.csv keeps: the rows `keep` wants, the first
/// row of each review × subject, the problems, and what the last rows named.
struct NominationRows<'o> {
    keep: Keep,
    out: &'o mut Vec<Nomination>,
    first_rows: FirstRows,
    problems: Vec<Diagnostic>,
    subjects: Resolver,
    reviews: Reviews,
}

impl NominationRows<'_> {
    /// Reads one row.
    fn read(&mut self, row: &Row<'_>, known: &Known<'_>, file_index: u16) {
        let before = self.problems.len();
        let review = self
            .reviews
            .cell(row, REVIEW, known.plan, &mut self.problems);
        self.read_cells(row, review, known, file_index);
        self.keep.defer(review, &mut self.problems[before..]);
    }

    /// Reads the cells of a row after its review.
    fn read_cells(
        &mut self,
        row: &Row<'_>,
        review: Option<Review>,
        known: &Known<'_>,
        file_index: u16,
    ) {
        let plan = known.plan;
        let problems = &mut self.problems;
        let subject = self.subjects.subject(known, row, SUBJECT, problems);
        let received_text = row.raw(RECEIVED);
        let received = values::date_cell(row, RECEIVED, problems);
        let votes = votes(row, members(plan), problems);
        let (Some(review), Some(subject), Ok(received), Ok(votes)) =
            (review, subject, received, votes)
        else {
            return;
        };
        if let Some(day) = received
            && review_start(review, plan).is_some_and(|start| day < start)
        {
            problems.push(
                row.error(
                    RECEIVED,
                    Problem::DateBeforeReview {
                        value: received_text.to_string(),
                        review: review.code(),
                    },
                )
                .warning(),
            );
        }
        let source = row.source(file_index);
        match self.first_rows.first(review, subject, 0, source) {
            Seen::First => {}
            // Told when the file is read again with a map.
            Seen::Before => return,
            Seen::At(_, line) => {
                let id = known.id(subject);
                problems.push(row.row_error(Problem::DuplicateRow {
                    key: format!("{review} × {id}"),
                    first: format!("{}:{line}", row.file().display()),
                }));
                return;
            }
        }
        if !self.keep.wants(review) {
            return;
        }
        let document = |column| !row.raw(column).is_empty();
        self.out.push(Nomination {
            review,
            subject,
            received,
            documents: [document(TO_TRINH), document(BIEN_BAN), document(BAO_CAO)],
            votes,
            source,
        });
    }
}

/// How reading nominations.csv went.
pub struct Read {
    /// Whether the file was decoded in memory.
    pub decoded: bool,
    /// Whether a duplicate was met that only a map can place: the file is
    /// to be read again with [`FirstRows::map`].
    pub again: bool,
}

/// Reads nominations into `out`, keeping the rows `keep` wants (every row
/// is checked), duplicates told by `first_rows`. Of the rows of one review
/// × subject the first is kept, the others reported.
pub fn parse_nominations(
    file: CsvFile,
    file_index: u16,
    known: Known<'_>,
    keep: Keep,
    first_rows: FirstRows,
    out: &mut Vec<Nomination>,
    diags: &mut Vec<Diagnostic>,
) -> Read {
    let before = out.len();
    let mut rows = NominationRows {
        keep,
        out,
        first_rows,
        problems: Vec::new(),
        subjects: Resolver::default(),
        reviews: Reviews::default(),
    };
    let parsed = read_rows(file, &COLUMNS, diags, |visit| match visit {
        Visit::Row { row, whole: true } => rows.read(row, &known, file_index),
        Visit::Row { .. } => {}
        Visit::Restart => {
            rows.out.truncate(before);
            rows.first_rows.forget_file(file_index);
            rows.problems.clear();
        }
    });
    if let Some(parsed) = &parsed {
        let table = &parsed.table;
        diags.extend(table.absent(RECEIVED, Absence::Received));
        for document in [TO_TRINH, BIEN_BAN, BAO_CAO] {
            diags.extend(table.absent(document, Absence::Document));
        }
        // Both vote columns or neither: one alone is an error of the header.
        diags.extend(table.absent(VOTES_FOR, Absence::Votes));
    }
    rows.problems.sort_by_key(|d| d.line);
    diags.extend(rows.problems);
    Read {
        decoded: parsed.is_some_and(|p| p.decoded),
        again: rows.first_rows.read_again(),
    }
}
