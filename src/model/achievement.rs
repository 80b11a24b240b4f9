//! A subject's result on one criterion in one review (achievements.csv).

use crate::model::{Score, Source, Subject};
use crate::plan::CriterionId;
use crate::review::Review;

/// One row of achievements. Its evidence, needed only to explain a subject,
/// is read again from the file when asked for ([`crate::load::details`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Achievement {
    /// The review, one of the plan's.
    pub review: Review,
    /// Whose result it is.
    pub subject: Subject,
    /// Which criterion.
    pub criterion: CriterionId,
    /// Met, not met, or not yet assessed (`None`, which counts as not met).
    pub result: Option<bool>,
    /// The council's points, if given.
    pub score: Option<Score>,
    /// Where the row is.
    pub source: Source,
}

impl Achievement {
    /// Whether the criterion is met (an empty result is not).
    pub fn is_met(&self) -> bool {
        self.result == Some(true)
    }
}
