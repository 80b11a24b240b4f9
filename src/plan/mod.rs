//! The plan as data: period, reviews, criteria, history tiers, quotas,
//! deadlines and the optional vote threshold.
//!
//! A [`Plan`] is built by [`crate::load`] from `plan.toml` and validated
//! there; nothing in this module knows the figures of any particular plan.

pub mod award;
pub mod criterion;
pub mod deadline;
pub mod documents;
pub mod history;
pub mod kind;
pub mod quota;
pub mod votes;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

pub use award::AwardKind;
pub use criterion::{Criterion, CriterionId};
pub use deadline::{Deadline, Event};
pub use documents::{Documents, Prize};
pub use history::{HistoryRule, Tier};
pub use kind::{Category, PersonKind, SubjectKind, UnitKind};
pub use quota::{GiayKhenRule, Quota};
pub use votes::{Denominator, VotePolicy};

use crate::lang::Lang;
use crate::review::{Review, ReviewType};

/// A validated plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// Full name of the movement.
    pub name: String,
    /// Short name for titles.
    pub short_name: String,
    /// Who issued the plan.
    pub issuer: String,
    /// First day of the movement (II.3).
    pub start: NaiveDate,
    /// Last day of the movement (II.3).
    pub end: NaiveDate,
    /// The years of the annual reviews (IV.3).
    pub annual_reviews: Vec<i32>,
    /// The field whose awards count as history (`cchc`).
    pub field: String,
    /// Every criterion, in the order of the plan.
    pub criteria: Vec<Criterion>,
    /// The final review's history tiers (III.2.b).
    pub history: HistoryRule,
    /// The Director's Giấy khen quotas (III.1.b).
    pub giay_khen: GiayKhenRule,
    /// The province's allocation of Bằng khen per review (III.1.b).
    pub provincial_quota: BTreeMap<Review, Quota>,
    /// Every deadline of every review, in date order.
    pub deadlines: Vec<Deadline>,
    /// How many days before a deadline incomplete dossiers are flagged.
    pub warn_days: u32,
    /// The minimum vote share, if the plan sets one.
    pub votes: Option<VotePolicy>,
    /// What the clerk's documents print (`[documents]`), if set.
    pub documents: Option<Documents>,
    /// The prize money of each award (`[prize]`), if set.
    pub prize: Option<Prize>,
}

/// Why a review cannot be checked under this plan.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReviewError {
    /// Not a year nor a period.
    #[error("not a review: {0:?}")]
    NotAReview(String),
    /// A year the plan judges in its final review, not on its own (2025).
    #[error("year {year} has no annual review; it is judged in the final review {final_review}")]
    InFinalReview {
        /// The year asked for.
        year: i32,
        /// The final review to use instead.
        final_review: Review,
    },
    /// A year outside the plan.
    #[error("year {year} is not a review of the plan")]
    NotInPlan {
        /// The year asked for.
        year: i32,
        /// The plan's reviews.
        reviews: Vec<Review>,
    },
    /// A period other than the plan's.
    #[error("the period {asked} is not the plan's period {final_review}")]
    OtherPeriod {
        /// The period asked for.
        asked: Review,
        /// The plan's final review.
        final_review: Review,
    },
}

impl ReviewError {
    /// The review to ask for instead, when there is one obvious one (the
    /// final review, for its last year).
    pub fn instead(&self) -> Option<Review> {
        match self {
            ReviewError::InFinalReview { final_review, .. }
            | ReviewError::OtherPeriod { final_review, .. } => Some(*final_review),
            _ => None,
        }
    }

    /// The message in the given language.
    pub fn message(&self, lang: Lang) -> String {
        let list = |reviews: &[Review]| {
            reviews
                .iter()
                .map(|r| r.code())
                .collect::<Vec<_>>()
                .join(", ")
        };
        match (self, lang) {
            (ReviewError::NotAReview(t), Lang::Vi) => format!(
                "\"{t}\" không phải là một đợt xét: cần một năm (vd. 2023) hoặc cả giai đoạn (vd. 2021-2025)"
            ),
            (ReviewError::NotAReview(t), Lang::En) => format!(
                "\"{t}\" is not a review: expected a year (e.g. 2023) or the whole period (e.g. 2021-2025)"
            ),
            (ReviewError::InFinalReview { year, final_review }, Lang::Vi) => format!(
                "năm {year} không có đợt xét hằng năm: kết quả năm {year} được xét trong đợt tổng kết giai đoạn {final_review} (IV.3)"
            ),
            (ReviewError::InFinalReview { year, final_review }, Lang::En) => format!(
                "{year} has no annual review: it is judged in the final review of the period, {final_review} (IV.3)"
            ),
            (ReviewError::NotInPlan { year, reviews }, Lang::Vi) => format!(
                "năm {year} không thuộc kế hoạch; các đợt xét của kế hoạch: {}",
                list(reviews)
            ),
            (ReviewError::NotInPlan { year, reviews }, Lang::En) => format!(
                "{year} is not a review of the plan; its reviews are: {}",
                list(reviews)
            ),
            (
                ReviewError::OtherPeriod {
                    asked,
                    final_review,
                },
                Lang::Vi,
            ) => format!(
                "giai đoạn {asked} không phải giai đoạn của kế hoạch; đợt tổng kết là {final_review}"
            ),
            (
                ReviewError::OtherPeriod {
                    asked,
                    final_review,
                },
                Lang::En,
            ) => format!("{asked} is not the plan's period; its final review is {final_review}"),
        }
    }
}

impl Plan {
    /// The final review of the whole period (`2021-2025`).
    pub fn final_review(&self) -> Review {
        Review::Final(self.start.year(), self.end.year())
    }

    /// Every review of the plan: the annual ones in order, then the final one.
    pub fn reviews(&self) -> Vec<Review> {
        self.annual_reviews
            .iter()
            .map(|&y| Review::Annual(y))
            .chain(std::iter::once(self.final_review()))
            .collect()
    }

    /// Checks that a review belongs to the plan (§1 of the contract, IV.3).
    pub fn review(&self, review: Review) -> Result<Review, ReviewError> {
        match review {
            Review::Annual(year) if self.annual_reviews.contains(&year) => Ok(review),
            Review::Annual(year) if (self.start.year()..=self.end.year()).contains(&year) => {
                Err(ReviewError::InFinalReview {
                    year,
                    final_review: self.final_review(),
                })
            }
            Review::Annual(year) => Err(ReviewError::NotInPlan {
                year,
                reviews: self.reviews(),
            }),
            Review::Final(..) if review == self.final_review() => Ok(review),
            Review::Final(..) => Err(ReviewError::OtherPeriod {
                asked: review,
                final_review: self.final_review(),
            }),
        }
    }

    /// Reads a review from text and checks it belongs to the plan.
    pub fn parse_review(&self, text: &str) -> Result<Review, ReviewError> {
        let review: Review = text
            .parse()
            .map_err(|_| ReviewError::NotAReview(text.trim().to_string()))?;
        self.review(review)
    }

    /// The criterion with this code.
    pub fn criterion_id(&self, code: &str) -> Option<CriterionId> {
        self.criteria
            .iter()
            .position(|c| c.code == code)
            .and_then(|i| u16::try_from(i).ok())
            .map(CriterionId)
    }

    /// The criterion behind an id.
    pub fn criterion(&self, id: CriterionId) -> &Criterion {
        &self.criteria[usize::from(id.0)]
    }

    /// The Giấy khen quota of a review type.
    pub fn giay_khen_quota(&self, review: ReviewType) -> Quota {
        match review {
            ReviewType::Annual => self.giay_khen.annual,
            ReviewType::Final => self.giay_khen.final_review,
        }
    }

    /// The province's Bằng khen allocation for a review (0 when absent).
    pub fn bang_khen_quota(&self, review: Review) -> Quota {
        self.provincial_quota
            .get(&review)
            .copied()
            .unwrap_or_default()
    }

    /// The deadline of one event of one review, if the plan sets it.
    pub fn deadline(&self, review: Review, event: Event) -> Option<&Deadline> {
        self.deadlines
            .iter()
            .find(|d| d.review == review && d.event == event)
    }

    /// Whether an award's decision date falls in the period of the plan.
    pub fn in_period(&self, date: NaiveDate) -> bool {
        (self.start..=self.end).contains(&date)
    }
}
