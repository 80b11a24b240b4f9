//! `achievements.csv` and `achievements/*.csv`: each subject's result on each
//! criterion in each review.

use rustc_hash::FxHashMap;

use crate::diag::problem::Absence;
use crate::diag::{Diagnostic, Problem};
use crate::load::content::CsvFile;
use crate::load::csv_table::{Column, REVIEW_COLUMN, Row, SUBJECT_COLUMN, Visit, read_rows};
use crate::load::first_rows::{FirstRows, Seen};
use crate::load::{Keep, Known, Resolver, Reviews, values};
use crate::model::{Achievement, Citation, Score, Subject};
use crate::plan::{CriterionId, SubjectKind};
use crate::review::Review;
use crate::review::ReviewType;
use crate::rules::applicability::applicable;
use crate::text::{nfc, suggest};

const REVIEW: usize = 0;
const SUBJECT: usize = 1;
const CRITERION: usize = 2;
const RESULT: usize = 3;
const SCORE: usize = 4;
/// Column of the evidence, read again only to explain a subject.
pub const EVIDENCE: usize = 5;
const INITIATIVE: usize = 6;

/// The columns of an achievements file.
pub const COLUMNS: [Column; 7] = [
    REVIEW_COLUMN,
    SUBJECT_COLUMN,
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
    Column {
        key: "initiative",
        vi: "sáng kiến",
        aliases: &["masangkien", "sangkienso"],
        required: false,
    },
];

/// Achievements read so far, across files, and the first row of each
/// review × subject × criterion, to tell a duplicate from the row it
/// repeats (the first is kept).
pub struct Achievements {
    keep: Keep,
    rows: Vec<Achievement>,
    first_rows: FirstRows,
    /// The files read, by index, for "first at file:line".
    files: Vec<String>,
    subjects: Resolver,
    reviews: Reviews,
    /// The criteria that apply to each kind of subject in each type of
    /// review, worked out when first needed.
    applicable: Vec<((SubjectKind, ReviewType), Vec<CriterionId>)>,
    /// The initiatives rows cite, of every review.
    citations: Vec<Citation>,
    /// The plan's criteria by code, as [`crate::plan::Plan::criterion_id`]
    /// finds them, made at the first row: searching the plan's list code
    /// by code cost about 180 instructions a row (callgrind).
    codes: FxHashMap<String, CriterionId>,
}

impl Achievements {
    /// Starts with no rows; the rows `keep` wants will be kept (every row
    /// is checked), duplicates told by `first_rows`.
    pub fn new(keep: Keep, first_rows: FirstRows) -> Self {
        Achievements {
            keep,
            rows: Vec::new(),
            first_rows,
            files: Vec::new(),
            subjects: Resolver::default(),
            reviews: Reviews::default(),
            applicable: Vec::new(),
            citations: Vec::new(),
            codes: FxHashMap::default(),
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
        let slot = usize::from(file_index);
        if self.files.len() <= slot {
            self.files.resize(slot + 1, String::new());
        }
        self.files[slot] = file.shown.display().to_string();
        let rows_before = self.rows.len();
        let citations_before = self.citations.len();
        let mut problems = Vec::new();
        let parsed = read_rows(file, &COLUMNS, diags, |visit| match visit {
            Visit::Row { row, whole: true } => self.read(row, &known, file_index, &mut problems),
            Visit::Row { .. } => {}
            Visit::Restart => {
                self.rows.truncate(rows_before);
                self.citations.truncate(citations_before);
                self.first_rows.forget_file(file_index);
                problems.clear();
            }
        });
        let Some(parsed) = parsed else {
            return false;
        };
        diags.extend(parsed.table.absent(SCORE, Absence::Score));
        problems.sort_by_key(|d| d.line);
        diags.extend(problems);
        parsed.decoded
    }

    /// Reads one row.
    fn read(
        &mut self,
        row: &Row<'_>,
        known: &Known<'_>,
        file_index: u16,
        problems: &mut Vec<Diagnostic>,
    ) {
        let before = problems.len();
        let review = self.reviews.cell(row, REVIEW, known.plan, problems);
        self.read_cells(row, review, known, file_index, problems);
        self.keep.defer(review, &mut problems[before..]);
    }

    /// Reads the cells of a row after its review.
    fn read_cells(
        &mut self,
        row: &Row<'_>,
        review: Option<Review>,
        known: &Known<'_>,
        file_index: u16,
        problems: &mut Vec<Diagnostic>,
    ) {
        let Known {
            plan,
            units,
            people,
            ..
        } = *known;
        let subject = self.subjects.subject(known, row, SUBJECT, problems);
        let code = row.get(CRITERION);
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
                if self.codes.is_empty() {
                    for (i, c) in plan.criteria.iter().enumerate() {
                        if let Ok(i) = u16::try_from(i) {
                            self.codes.entry(c.code.clone()).or_insert(CriterionId(i));
                        }
                    }
                }
                let id = self.codes.get(code.as_ref()).copied();
                if id.is_none() {
                    let known: Vec<String> = plan.criteria.iter().map(|c| c.code.clone()).collect();
                    let suggestion =
                        suggest(&code, known.iter().map(String::as_str)).map(str::to_string);
                    problems.push(row.error(
                        CRITERION,
                        Problem::UnknownCriterion {
                            value: code.into_owned(),
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
        let key = (kind, review.review_type());
        let at = match self.applicable.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                self.applicable
                    .push((key, applicable(plan, kind, review.review_type())));
                self.applicable.len() - 1
            }
        };
        let applies = &self.applicable[at].1;
        if !applies.contains(&criterion) {
            // A clerk may fill a whole grid: a criterion that does not apply
            // is ignored, with a warning, never an error (spec §2).
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
                )
                .warning(),
            );
            return;
        }
        let source = row.source(file_index);
        match self.first_rows.first(review, subject, criterion.0, source) {
            Seen::First => {}
            // Told when the files are read again with a map.
            Seen::Before => return,
            Seen::At(file, line) => {
                let id = known.id(subject);
                let code = &plan.criterion(criterion).code;
                problems.push(row.row_error(Problem::DuplicateRow {
                    key: format!("{review} × {id} × {code}"),
                    first: FirstRows::place(file, line, &self.files),
                }));
                return;
            }
        }
        let cited = row.get(INITIATIVE);
        // Most rows cite nothing: splitting their empty cell cost about 70
        // instructions a row.
        if !cited.is_empty() {
            for initiative in cited.split(';').map(str::trim).filter(|i| !i.is_empty()) {
                self.citations.push(Citation {
                    review,
                    subject,
                    initiative: initiative.into(),
                    source,
                });
            }
        }
        if self.keep.wants(review) {
            self.rows.push(Achievement {
                review,
                subject,
                criterion,
                result,
                score,
                source,
            });
        }
    }

    /// Whether a duplicate was met that only a map can place: the files
    /// are to be read again with [`FirstRows::map`].
    pub fn read_again(&self) -> bool {
        self.first_rows.read_again()
    }

    /// The rows read, in file order, and the initiatives they cite.
    pub fn finish(self) -> (Vec<Achievement>, Vec<Citation>) {
        (self.rows, self.citations)
    }
}
