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

/// A candidate: who, and its row in [`Dataset::nominations`] when it was
/// nominated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Who.
    pub subject: Subject,
    /// Its nomination row.
    pub nomination: Option<usize>,
}

/// The candidates of a review, each once, in subject order (units, then
/// people, each in file order).
pub fn candidates(data: &Dataset, review: Review) -> (CandidateSource, Vec<Candidate>) {
    // Per dense subject index: whether it is a candidate, and its row.
    let mut marked: Vec<Option<Option<usize>>> = vec![None; data.dense_len()];
    let mut source = CandidateSource::Achievements;
    for (n, row) in data.nominations.iter().enumerate() {
        if row.review == review {
            marked[data.dense(row.subject)] = Some(Some(n));
            source = CandidateSource::Nominations;
        }
    }
    if source == CandidateSource::Achievements {
        for a in data.achievements.iter().filter(|a| a.review == review) {
            marked[data.dense(a.subject)] = Some(None);
        }
    }
    let candidates = marked
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            m.map(|nomination| Candidate {
                subject: data.from_dense(i),
                nomination,
            })
        })
        .collect();
    (source, candidates)
}
