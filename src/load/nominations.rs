//! `nominations.csv`: who is proposed in each review, the dossier, and the
//! council's vote.

use rustc_hash::FxHashSet;

use chrono::{Datelike, NaiveDate};

use crate::diag::{Diagnostic, Problem};
use crate::load::content::CsvFile;
use crate::load::csv_table::{Column, Parsed, Row, ShiftLines, read_rows, shift_rows, with_room};
use crate::load::seen::{Seen, SeenBits};
use crate::load::{Keep, Known, Registry, Resolver, ReviewIndex, Reviews, values};
use crate::model::{Document, Nomination, Rows, Subject, Votes};
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

/// What one thread reads of nominations.csv.
#[derive(Default)]
struct ChunkRows {
    subjects: Resolver,
    reviews: Reviews,
    rows: Vec<Nomination>,
    problems: Vec<Diagnostic>,
    /// The index of a row's review among the plan's.
    review_index: ReviewIndex,
    /// The days dossiers were received, each read once.
    dates: values::Dates,
    /// Whether a row's (review, subject) was seen before, or could not be
    /// marked: the file needs the pass in file order.
    clash: bool,
}

impl ChunkRows {
    fn read(&mut self, row: &Row<'_>, known: &Known<'_>, file_index: u16, seen: &Seen<'_>) {
        let plan = known.plan;
        let problems = &mut self.problems;
        let review = self.reviews.cell(row, REVIEW, plan, problems);
        let subject = self.subjects.subject(known, row, SUBJECT, problems);
        let received_text = row.raw(RECEIVED);
        let received = if received_text.is_empty() {
            Ok(None)
        } else {
            self.dates
                .read(received_text)
                .map(Some)
                .map_err(|p| problems.push(row.error(RECEIVED, p)))
        };
        let votes = votes(row, members(plan), problems);
        let (Some(review), Some(subject), Ok(received), Ok(votes)) =
            (review, subject, received, votes)
        else {
            return;
        };
        // The year first: the review's start is worked out only for a
        // dossier dated before its year.
        if let Some(day) = received.filter(|day| day.year() < review_year(review)) {
            if review_start(review, plan).is_some_and(|start| day < start) {
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
        }
        let index = self.review_index.of(review, seen.reviews);
        let key = seen_key(index, subject, known.registry, seen.reviews.len());
        if key.and_then(|k| seen.bits.mark(k)) != Some(true) {
            self.clash = true;
        }
        if !seen.keep.wants(review) {
            return;
        }
        let document = |column| !row.raw(column).is_empty();
        self.rows.push(Nomination {
            review,
            subject,
            received,
            documents: [document(TO_TRINH), document(BIEN_BAN), document(BAO_CAO)],
            votes,
            source: row.source(file_index),
        });
    }
}

/// The key of a (review, subject) pair, by the review's index among the
/// plan's: one per subject and review. `None` for a review not the plan's.
fn seen_key(
    review: Option<usize>,
    subject: Subject,
    registry: &Registry,
    reviews: usize,
) -> Option<usize> {
    review.map(|r| registry.dense(subject) * reviews + r)
}

impl ShiftLines for ChunkRows {
    fn shift_lines(&mut self, by: u32) {
        shift_rows(&mut self.rows, &mut self.problems, by, |n| &mut n.source);
    }
}

/// How reading a nominations file went.
pub struct Read {
    /// Whether the file was decoded in memory.
    pub decoded: bool,
    /// Whether a (review, subject) turned up twice while only some rows were
    /// kept: duplicates can only be told in file order among every row, so
    /// the file must be read again with [`Keep::All`]; what was read is then
    /// of no use.
    pub must_redo: bool,
}

/// Reads nominations into `out`, keeping the rows `keep` wants. Duplicate
/// (review, subject) pairs are found by the threads that read the file
/// (as bits); only when one turns up are the rows gone through in file
/// order, so that the first of each pair is the one kept.
pub fn parse_nominations(
    file: CsvFile,
    file_index: u16,
    known: Known<'_>,
    keep: Keep,
    out: &mut Rows<Nomination>,
    diags: &mut Vec<Diagnostic>,
) -> Read {
    let Known {
        plan,
        registry,
        split,
        ..
    } = known;
    let reviews = plan.map(Plan::reviews).unwrap_or_default();
    let mut bits = SeenBits::new(registry.dense_len() * reviews.len());
    let shared = Seen {
        bits: &bits,
        reviews: &reviews,
        keep,
    };
    let Some(Parsed {
        table,
        states: chunks,
        decoded,
        ..
    }) = read_rows(
        file,
        &COLUMNS,
        split,
        diags,
        |rows| ChunkRows {
            rows: with_room(rows),
            ..ChunkRows::default()
        },
        |chunk, row| chunk.read(row, &known, file_index, &shared),
        |_, _| {},
    )
    else {
        return Read {
            decoded: false,
            must_redo: false,
        };
    };
    let clash = chunks.iter().any(|c| c.clash);
    // The threads' rows stay in their pieces (not copied into one).
    let first_new = out.len();
    let mut problems = Vec::new();
    for chunk in chunks {
        out.push_part(chunk.rows);
        problems.extend(chunk.problems);
    }
    if clash && keep != Keep::All {
        return Read {
            decoded,
            must_redo: true,
        };
    }
    if !clash {
        problems.sort_by_key(|d| d.line);
        diags.extend(problems);
        return Read {
            decoded,
            must_redo: false,
        };
    }
    // Duplicates, in file order: the first row of a (review, subject) stays.
    // The bits the threads set are set again, in that order. The rows are
    // joined into one vector for this pass.
    let mut rows = std::mem::take(out).into_vec();
    bits.clear();
    let mut seen_other: FxHashSet<(Review, Subject)> = FxHashSet::default();
    let mut searches_left = 1000usize;
    let mut kept = first_new;
    let mut review_index = ReviewIndex::default();
    for read in first_new..rows.len() {
        let (review, subject, line) = (
            rows[read].review,
            rows[read].subject,
            rows[read].source.line,
        );
        let index = review_index.of(review, &reviews);
        let key = seen_key(index, subject, registry, reviews.len());
        let first_time = match key.and_then(|k| bits.mark(k)) {
            Some(first) => first,
            None => seen_other.insert((review, subject)),
        };
        if first_time {
            if kept != read {
                rows.swap(kept, read);
            }
            kept += 1;
            continue;
        }
        // The first row's line, for the first many duplicates only: it scans
        // the rows kept so far.
        searches_left = searches_left.saturating_sub(1);
        let first = rows[first_new..kept]
            .iter()
            .take(if searches_left > 0 { usize::MAX } else { 0 })
            .find(|n| n.review == review && n.subject == subject)
            .map(|n| format!("{}:{}", table.shown().display(), n.source.line))
            .unwrap_or_else(|| "?".into());
        let id = known.id(subject);
        problems.push(table.row_error_at(
            rows[read].source.byte as usize,
            line,
            Problem::DuplicateRow {
                key: format!("{review} × {id}"),
                first,
            },
        ));
    }
    rows.truncate(kept);
    *out = rows.into();
    problems.sort_by_key(|d| d.line);
    diags.extend(problems);
    Read {
        decoded,
        must_redo: false,
    }
}
