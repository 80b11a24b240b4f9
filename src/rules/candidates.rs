//! Who the candidates of a review are (contract §4, IV.1).
//!
//! Units send the council their nominations (IV.1); those are the
//! candidates. Before any nomination is recorded for a review, every subject
//! with achievement rows in it is a candidate, so that a clerk can see early
//! who would qualify.

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

/// The candidates of a review, each once, in subject order (units, then
/// people, each in file order).
pub fn candidates(data: &Dataset, review: Review) -> (Vec<Subject>, CandidateSource) {
    let mut marked = vec![false; data.dense_len()];
    let mut any = false;
    for n in data.nominations.iter().filter(|n| n.review == review) {
        marked[data.dense(n.subject)] = true;
        any = true;
    }
    let source = if any {
        CandidateSource::Nominations
    } else {
        for a in data.achievements.iter().filter(|a| a.review == review) {
            marked[data.dense(a.subject)] = true;
        }
        CandidateSource::Achievements
    };
    let subjects = marked
        .iter()
        .enumerate()
        .filter(|(_, m)| **m)
        .map(|(i, _)| data.from_dense(i))
        .collect();
    (subjects, source)
}
