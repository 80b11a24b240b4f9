//! Who the candidates of a review are (contract §4, IV.1).
//!
//! Units send the council their nominations (IV.1); those are the
//! candidates. Before any nomination is recorded for a review, every subject
//! with achievement rows in it is a candidate, so that a clerk can see early
//! who would qualify.

use crate::model::{ByReview, Subject};
use crate::review::Review;

/// Where the candidates of a review came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CandidateSource {
    /// nominations.csv has rows for the review.
    Nominations,
    /// It has none: every subject with achievements in the review.
    Achievements,
}

/// Where [`candidates_in`] works and puts the candidates: vectors kept from
/// one review to the next by a caller that goes through several.
#[derive(Default)]
pub struct Room {
    /// Per dense subject index: 0 for no candidate, else 1 + its row (or
    /// `usize::MAX` for a candidate by its achievements).
    marked: Vec<usize>,
    /// The candidates.
    pub subjects: Vec<Subject>,
    /// Each one's nomination row.
    pub nominations: Vec<Option<usize>>,
}

/// The candidates of a review, each once, in subject order (units, then
/// people, each in file order), with each one's row in
/// [`crate::model::Dataset::nominations`] (the last, if a subject had
/// several), into `room` (what it held is forgotten).
pub fn candidates_in(rows: &ByReview<'_>, review: Review, room: &mut Room) -> CandidateSource {
    let data = rows.data();
    let marked = &mut room.marked;
    marked.clear();
    marked.resize(data.dense_len(), 0);
    let mut any = false;
    for (start, stretch) in rows.nomination_slices(review) {
        for (n, row) in (start..).zip(stretch) {
            if row.review == review {
                marked[data.dense(row.subject)] = n + 1;
                any = true;
            }
        }
    }
    let source = if any {
        CandidateSource::Nominations
    } else {
        for (_, stretch) in rows.achievement_slices(review) {
            for a in stretch.iter().filter(|a| a.review == review) {
                marked[data.dense(a.subject)] = usize::MAX;
            }
        }
        CandidateSource::Achievements
    };
    // Counted first: a hundred thousand candidates are not gathered into
    // vectors that grow by copying.
    let n = marked.iter().filter(|m| **m != 0).count();
    let (subjects, nominations) = (&mut room.subjects, &mut room.nominations);
    subjects.clear();
    nominations.clear();
    subjects.reserve(n);
    nominations.reserve(n);
    for (i, &m) in marked.iter().enumerate().filter(|(_, m)| **m != 0) {
        subjects.push(data.from_dense(i));
        nominations.push((m != usize::MAX).then(|| m - 1));
    }
    source
}
