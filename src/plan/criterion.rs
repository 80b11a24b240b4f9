//! Criteria of the plan (III.2): what a subject must have achieved.

use crate::plan::kind::SubjectKind;
use crate::review::ReviewType;

/// Index of a criterion in [`crate::plan::Plan::criteria`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CriterionId(pub u16);

/// One criterion: a code (`TT1`), its text, its clause, the review it is
/// judged in and the kinds of subject it applies to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Criterion {
    /// Short code, unique in the plan (`TT1`, `CN2`, `XS`).
    pub code: String,
    /// The clause of the plan that sets it (`III.2.a`).
    pub clause: String,
    /// Annual or final review.
    pub review: ReviewType,
    /// The kinds of subject it applies to.
    pub applies_to: Vec<SubjectKind>,
    /// Its text, in the plan's words.
    pub text: String,
}

impl Criterion {
    /// Whether the criterion is judged for this kind of subject in this type
    /// of review.
    pub fn applies(&self, kind: SubjectKind, review: ReviewType) -> bool {
        self.review == review && self.applies_to.contains(&kind)
    }
}
