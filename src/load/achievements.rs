//! `achievements.csv` and `achievements/*.csv`: each subject's result on each
//! criterion in each review.

use rustc_hash::FxHashSet;

use crate::diag::{Diagnostic, Problem};
use crate::load::content::CsvFile;
use crate::load::csv_table::{Column, Parsed, Row, ShiftLines, read_rows, shift_rows, with_room};
use crate::load::seen::{Seen, SeenBits};
use crate::load::{Keep, Known, Resolver, ReviewIndex, Reviews, values};
use crate::model::{Achievement, Rows, Score, Source, Subject};
use crate::plan::{CriterionId, Plan, SubjectKind};
use crate::review::{Review, ReviewType};
use crate::rules::applicability::applicable;
use crate::text::{nfc, suggest};

const REVIEW: usize = 0;
const SUBJECT: usize = 1;
const CRITERION: usize = 2;
const RESULT: usize = 3;
const SCORE: usize = 4;
/// Column of the evidence, read again only to explain a subject.
pub const EVIDENCE: usize = 5;

/// The columns of an achievements file.
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
        key: "criterion",
        vi: "tiêu chí",
        aliases: &["matieuchi"],
        required: true,
    },
    Column {
        key: "result",
        vi: "kết quả",
        aliases: &["danhgia"],
        required: true,
    },
    Column {
        key: "score",
        vi: "điểm",
        aliases: &["sodiem"],
        required: false,
    },
    Column {
        key: "evidence",
        vi: "minh chứng",
        aliases: &[],
        required: false,
    },
];

/// Achievements read so far, across files, with what is needed to find
/// duplicates cheaply: for each subject and review of the plan, the set of
/// criteria seen, as bits (a plan has few criteria). The threads that read
/// a file set the bits as they go: when none finds a bit already set, the
/// file has no duplicate and its rows are kept as they are; otherwise the
/// bits are worked out again in file order, so that the first row of a key
/// is the one kept. That needs every row: when only some are kept, the
/// files must be read again keeping all ([`Achievements::must_redo`]).
pub struct Achievements<'p> {
    plan: Option<&'p Plan>,
    keep: Keep,
    rows: Rows<Achievement>,
    reviews: Vec<Review>,
    seen: SeenBits,
    seen_wide: FxHashSet<(Review, Subject, CriterionId)>,
    files: Vec<String>,
    searches_left: usize,
    redo: bool,
}

/// The plan's criterion codes as integers: a code of up to eight bytes is
/// found by comparing whole numbers, not strings, once per row.
#[derive(Default)]
struct Codes {
    packed: Vec<Option<(u64, usize)>>,
}

impl Codes {
    fn new(plan: Option<&Plan>) -> Self {
        let criteria = plan.map_or(&[][..], |p| &p.criteria[..]);
        Codes {
            packed: criteria.iter().map(|c| pack(&c.code)).collect(),
        }
    }

    /// The criterion written exactly `code`, if any.
    fn find(&self, plan: &Plan, code: &str) -> Option<CriterionId> {
        match pack(code) {
            Some(key) => self
                .packed
                .iter()
                .position(|k| *k == Some(key))
                .and_then(|i| u16::try_from(i).ok())
                .map(CriterionId),
            None => plan.criterion_id(code),
        }
    }
}

/// A text of up to eight bytes as a number, with its length.
fn pack(text: &str) -> Option<(u64, usize)> {
    let bytes = text.as_bytes();
    let mut word = [0u8; 8];
    word.get_mut(..bytes.len())?.copy_from_slice(bytes);
    Some((u64::from_le_bytes(word), bytes.len()))
}

/// What one thread reads of a file: its rows, where they start, and the
/// problems of their values.
#[derive(Default)]
struct ChunkRows {
    codes: Codes,
    rows: Vec<Achievement>,
    problems: Vec<Diagnostic>,
    /// The criteria that apply to each kind of subject in each type of
    /// review met so far, and which was used last (rows of a kind usually
    /// follow each other).
    applicable: Vec<((SubjectKind, ReviewType), Vec<CriterionId>)>,
    last_applicable: usize,
    subjects: Resolver,
    reviews: Reviews,
    /// The index of a row's review among the plan's.
    review_index: ReviewIndex,
    /// Whether a row's key was seen before, or could not be marked: the
    /// file needs the pass in file order.
    clash: bool,
    /// [`key_width`].
    key_width: usize,
}

impl ChunkRows {
    fn read(&mut self, row: &Row<'_>, known: &Known<'_>, file_index: u16, seen: &Seen<'_>) {
        let Known {
            plan,
            units,
            people,
            ..
        } = *known;
        let problems = &mut self.problems;
        let review = self.reviews.cell(row, REVIEW, plan, problems);
        let subject = self.subjects.subject(known, row, SUBJECT, problems);
        let code = row.raw(CRITERION);
        let criterion = match plan {
            _ if code.is_empty() => {
                problems.push(row.error(
                    CRITERION,
                    Problem::Required {
                        column: "criterion",
                    },
                ));
                None
            }
            Some(plan) => {
                let id = self
                    .codes
                    .find(plan, code)
                    .or_else(|| plan.criterion_id(&nfc(code)));
                if id.is_none() {
                    let known: Vec<String> = plan.criteria.iter().map(|c| c.code.clone()).collect();
                    let suggestion =
                        suggest(code, known.iter().map(String::as_str)).map(str::to_string);
                    problems.push(row.error(
                        CRITERION,
                        Problem::UnknownCriterion {
                            value: nfc(code).into_owned(),
                            known,
                            suggestion,
                        },
                    ));
                }
                id
            }
            None => None,
        };
        let result = values::result(row.raw(RESULT))
            .map_err(|p| problems.push(row.error(RESULT, p)))
            .ok();
        let score_text = row.raw(SCORE);
        let score = if score_text.is_empty() {
            Some(None)
        } else {
            match Score::parse(score_text) {
                Some(s) => Some(Some(s)),
                None => {
                    problems.push(row.error(
                        SCORE,
                        Problem::BadScore {
                            value: nfc(score_text).into_owned(),
                        },
                    ));
                    None
                }
            }
        };
        let (Some(plan), Some(review), Some(subject), Some(criterion), Some(result), Some(score)) =
            (plan, review, subject, criterion, result, score)
        else {
            return;
        };
        let kind = match subject {
            Subject::Unit(i) => SubjectKind::Unit(units[i as usize].kind),
            Subject::Person(i) => SubjectKind::Person(people[i as usize].kind),
        };
        let review_type = review.review_type();
        let key = (kind, review_type);
        if self.applicable.get(self.last_applicable).map(|(k, _)| *k) != Some(key) {
            self.last_applicable = match self.applicable.iter().position(|(k, _)| *k == key) {
                Some(i) => i,
                None => {
                    self.applicable
                        .push((key, applicable(plan, kind, review_type)));
                    self.applicable.len() - 1
                }
            };
        }
        let applies = &self.applicable[self.last_applicable].1;
        if !applies.contains(&criterion) {
            problems.push(
                row.error(
                    CRITERION,
                    Problem::NotApplicable {
                        code: plan.criterion(criterion).code.clone(),
                        subject: row.get(SUBJECT).into_owned(),
                        kind: kind.code(),
                        review: review.code(),
                        applicable: applies
                            .iter()
                            .map(|c| plan.criterion(*c).code.clone())
                            .collect(),
                    },
                ),
            );
            return;
        }
        let index = self.review_index.of(review, seen.reviews);
        let layout = (units.len(), seen.reviews.len(), self.key_width);
        let key = seen_key(index, subject, criterion, layout);
        if key.and_then(|k| seen.bits.mark(k)) != Some(true) {
            self.clash = true;
        }
        if seen.keep.wants(review) {
            self.rows.push(Achievement {
                review,
                subject,
                criterion,
                result,
                score,
                source: row.source(file_index),
            });
        }
    }
}

/// The key of a subject's criterion in a review (by the review's index
/// among the plan's): `width` per subject and review. `None` when it has
/// none (not a review of the plan, or a criterion past the width).
fn seen_key(
    review: Option<usize>,
    subject: Subject,
    criterion: CriterionId,
    (units, reviews, width): (usize, usize, usize),
) -> Option<usize> {
    let dense = match subject {
        Subject::Unit(i) => i as usize,
        Subject::Person(i) => units + i as usize,
    };
    let criterion = usize::from(criterion.0);
    (criterion < width)
        .then_some(review?)
        .map(|r| (dense * reviews + r) * width + criterion)
}

/// Keys a subject has in each review: the plan's criteria, rounded up to a
/// power of two (a plan has a dozen; past 64 they are kept in a set).
fn key_width(plan: Option<&Plan>) -> usize {
    plan.map_or(1, |p| p.criteria.len())
        .next_power_of_two()
        .clamp(1, 64)
}

impl ShiftLines for ChunkRows {
    fn shift_lines(&mut self, by: u32) {
        shift_rows(&mut self.rows, &mut self.problems, by, |a| &mut a.source);
    }
}

/// The first row with the same key, for a duplicate's message; only for the
/// first many duplicates, as it scans the rows read so far.
fn first_of(rows: &[Achievement], key: (Review, Subject, CriterionId)) -> Option<Source> {
    rows.iter()
        .find(|a| (a.review, a.subject, a.criterion) == key)
        .map(|a| a.source)
}

impl<'p> Achievements<'p> {
    /// Starts with no rows; the rows `keep` wants will be kept.
    pub fn new(plan: Option<&'p Plan>, keep: Keep) -> Self {
        Achievements {
            plan,
            keep,
            rows: Rows::default(),
            reviews: plan.map(Plan::reviews).unwrap_or_default(),
            seen: SeenBits::default(),
            seen_wide: FxHashSet::default(),
            files: Vec::new(),
            searches_left: 1000,
            redo: false,
        }
    }

    /// Whether a key turned up twice while only some rows were kept: the
    /// duplicates can only be told in file order among every row, so the
    /// files must be read again with [`Keep::All`]. What was read is then
    /// of no use.
    pub fn must_redo(&self) -> bool {
        self.redo
    }

    /// Marks a key seen; `false` if it already was. `review` is the
    /// review's index in the plan's, if it is one of them.
    fn first_time(
        &mut self,
        key: (Review, Subject, CriterionId),
        review: Option<usize>,
        units: usize,
    ) -> bool {
        let (_, subject, criterion) = key;
        let layout = (units, self.reviews.len(), key_width(self.plan));
        let bit = seen_key(review, subject, criterion, layout);
        match bit.and_then(|k| self.seen.mark(k)) {
            Some(first) => first,
            None => self.seen_wide.insert(key),
        }
    }

    /// Reads one file; `true` when it was decoded in memory.
    pub fn parse(
        &mut self,
        file: CsvFile,
        file_index: u16,
        known: Known<'_>,
        diags: &mut Vec<Diagnostic>,
    ) -> bool {
        let Known {
            units,
            people,
            split,
            ..
        } = known;
        while self.files.len() <= usize::from(file_index) {
            self.files.push(String::new());
        }
        self.files[usize::from(file_index)] = file.shown.display().to_string();
        let plan = self.plan;
        if self.redo {
            // The files are read again anyway.
            return false;
        }
        self.seen
            .grow((units.len() + people.len()) * self.reviews.len() * key_width(plan));
        let seen = Seen {
            bits: &self.seen,
            reviews: &self.reviews,
            keep: self.keep,
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
                codes: Codes::new(plan),
                key_width: key_width(plan),
                rows: with_room(rows),
                ..ChunkRows::default()
            },
            |chunk, row| chunk.read(row, &known, file_index, &seen),
            |_, _| {},
        )
        else {
            return false;
        };
        let clash = chunks.iter().any(|c| c.clash);
        // The threads' rows stay in their pieces (not copied into one).
        let first_new = self.rows.len();
        let mut problems = Vec::new();
        for chunk in chunks {
            self.rows.push_part(chunk.rows);
            problems.extend(chunk.problems);
        }
        if !clash {
            // No key met twice: every row stays, and its bit is set.
            problems.sort_by_key(|d| d.line);
            diags.extend(problems);
            return decoded;
        }
        if self.keep != Keep::All {
            self.redo = true;
            return decoded;
        }
        // Duplicates, in file order: the first row of a key stays. The bits
        // set by the threads are set again from the rows kept before. The
        // rows are joined into one vector for this pass.
        let mut rows = std::mem::take(&mut self.rows).into_vec();
        self.seen.clear();
        self.seen_wide.clear();
        let mut index = ReviewIndex::default();
        for a in &rows[..first_new] {
            let key = (a.review, a.subject, a.criterion);
            let review = index.of(a.review, &self.reviews);
            self.first_time(key, review, units.len());
        }
        let mut index = ReviewIndex::default();
        let mut kept = first_new;
        for read in first_new..rows.len() {
            let a = &rows[read];
            let key = (a.review, a.subject, a.criterion);
            let line = a.source.line;
            let review = index.of(a.review, &self.reviews);
            if self.first_time(key, review, units.len()) {
                if kept != read {
                    rows.swap(kept, read);
                }
                kept += 1;
                continue;
            }
            let first = match self.searches_left.checked_sub(1) {
                Some(left) => {
                    self.searches_left = left;
                    first_of(&rows[..kept], key)
                        .map(|f| format!("{}:{}", self.files[usize::from(f.file)], f.line))
                }
                None => None,
            };
            let (review, subject, criterion) = key;
            let id = match subject {
                Subject::Unit(i) => units[i as usize].id.as_str(),
                Subject::Person(i) => people[i as usize].id.as_str(),
            };
            let code = plan
                .map(|p| p.criterion(criterion).code.as_str())
                .unwrap_or("");
            let byte = rows[read].source.byte as usize;
            problems.push(table.row_error_at(
                byte,
                line,
                Problem::DuplicateRow {
                    key: format!("{review} × {id} × {code}"),
                    first: first.unwrap_or_else(|| "?".into()),
                },
            ));
        }
        rows.truncate(kept);
        self.rows = rows.into();
        problems.sort_by_key(|d| d.line);
        diags.extend(problems);
        decoded
    }

    /// The rows read, in file order.
    pub fn finish(self) -> Rows<Achievement> {
        self.rows
    }
}
