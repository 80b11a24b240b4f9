//! `achievements.csv` and `achievements/*.csv`: each subject's result on each
//! criterion in each review.

use std::collections::HashMap;

use crate::diag::{Diagnostic, Problem};
use crate::load::csv_table::{Column, Table};
use crate::load::source::TextFile;
use crate::load::{Registry, review_cell, values};
use crate::model::{Achievement, Person, Score, Source, Subject, Unit};
use crate::plan::{CriterionId, Plan, SubjectKind};
use crate::review::Review;
use crate::rules::applicability::applicable;
use crate::text::suggest;

const REVIEW: usize = 0;
const SUBJECT: usize = 1;
const CRITERION: usize = 2;
const RESULT: usize = 3;
const SCORE: usize = 4;
const EVIDENCE: usize = 5;

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
/// duplicates.
pub struct Achievements<'p> {
    plan: Option<&'p Plan>,
    rows: Vec<Achievement>,
    seen: HashMap<(Review, Subject, CriterionId), Source>,
    applicable: HashMap<(SubjectKind, bool), Vec<CriterionId>>,
    files: Vec<String>,
}

impl<'p> Achievements<'p> {
    /// Starts with no rows.
    pub fn new(plan: Option<&'p Plan>) -> Self {
        Achievements {
            plan,
            rows: Vec::new(),
            seen: HashMap::new(),
            applicable: HashMap::new(),
            files: Vec::new(),
        }
    }

    /// Reads one file.
    pub fn parse(
        &mut self,
        file: &TextFile,
        file_index: u16,
        units: &[Unit],
        people: &[Person],
        registry: &mut Registry,
        diags: &mut Vec<Diagnostic>,
    ) {
        while self.files.len() <= usize::from(file_index) {
            self.files.push(String::new());
        }
        self.files[usize::from(file_index)] = file.shown.display().to_string();
        let Some(table) = Table::open(file, &COLUMNS, diags) else {
            return;
        };
        let mut problems = Vec::new();
        let plan = self.plan;
        table.for_each_row(diags, |row| {
            let review = review_cell(row, REVIEW, plan, &mut problems);
            let subject = registry.subject_cell(row, SUBJECT, &mut problems);
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
                    let id = plan.criterion_id(&code);
                    if id.is_none() {
                        let known: Vec<String> =
                            plan.criteria.iter().map(|c| c.code.clone()).collect();
                        let suggestion =
                            suggest(&code, known.iter().map(String::as_str)).map(str::to_string);
                        problems.push(row.error(
                            CRITERION,
                            Problem::UnknownCriterion {
                                value: code.clone().into_owned(),
                                known,
                                suggestion,
                            },
                        ));
                    }
                    id
                }
                None => None,
            };
            let result = values::result(&row.get(RESULT))
                .map_err(|p| problems.push(row.error(RESULT, p)))
                .ok();
            let score_text = row.get(SCORE);
            let score = if score_text.is_empty() {
                Some(None)
            } else {
                match Score::parse(&score_text) {
                    Some(s) => Some(Some(s)),
                    None => {
                        problems.push(row.error(
                            SCORE,
                            Problem::BadScore {
                                value: score_text.into_owned(),
                            },
                        ));
                        None
                    }
                }
            };
            let (
                Some(plan),
                Some(review),
                Some(subject),
                Some(criterion),
                Some(result),
                Some(score),
            ) = (plan, review, subject, criterion, result, score)
            else {
                return;
            };
            let kind = match subject {
                Subject::Unit(i) => SubjectKind::Unit(units[i as usize].kind),
                Subject::Person(i) => SubjectKind::Person(people[i as usize].kind),
            };
            let review_type = review.review_type();
            let applies = self
                .applicable
                .entry((kind, review_type == crate::review::ReviewType::Final))
                .or_insert_with(|| applicable(plan, kind, review_type));
            if !applies.contains(&criterion) {
                problems.push(
                    row.error(
                        CRITERION,
                        Problem::NotApplicable {
                            code: code.into_owned(),
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
            let source = Source {
                file: file_index,
                line: row.line,
            };
            if let Some(first) = self.seen.get(&(review, subject, criterion)) {
                let first = format!("{}:{}", self.files[usize::from(first.file)], first.line);
                let key = format!("{review} × {} × {code}", row.get(SUBJECT));
                problems.push(row.row_error(Problem::DuplicateRow { key, first }));
                return;
            }
            self.seen.insert((review, subject, criterion), source);
            let evidence = row.get(EVIDENCE);
            self.rows.push(Achievement {
                review,
                subject,
                criterion,
                result,
                score,
                evidence: (!evidence.is_empty()).then(|| evidence.into()),
                source,
            });
        });
        diags.extend(problems);
    }

    /// The rows read, in file order.
    pub fn finish(self) -> Vec<Achievement> {
        self.rows
    }
}
