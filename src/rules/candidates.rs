//! Who the candidates of a review are (contract §4, IV.1).
//!
//! Units send the council their nominations (IV.1); those are the
//! candidates. Before any nomination is recorded for a review, every subject
//! with achievement rows in it is a candidate, so that a clerk can see early
//! who would qualify.

use std::collections::BTreeSet;

use crate::model::{Dataset, Subject};
use crate::review::Review;

/// Where the candidates of a review came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CandidateSource {
    /// nominations.csv has rows for the review.
    Nominations,
    /// It has none: every subject with achievements in the review.
    Achievements,
}

/// The candidates of a review, each once, in subject order.
pub fn candidates(data: &Dataset, review: Review) -> (Vec<Subject>, CandidateSource) {
    let nominated: BTreeSet<Subject> = data
        .nominations
        .iter()
        .filter(|n| n.review == review)
        .map(|n| n.subject)
        .collect();
    if !nominated.is_empty() {
        return (
            nominated.into_iter().collect(),
            CandidateSource::Nominations,
        );
    }
    let assessed: BTreeSet<Subject> = data
        .achievements
        .iter()
        .filter(|a| a.review == review)
        .map(|a| a.subject)
        .collect();
    (
        assessed.into_iter().collect(),
        CandidateSource::Achievements,
    )
}
