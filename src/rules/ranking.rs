//! Ranking among the eligible (IV.1, contract §4).
//!
//! The council "xem xét, bình chọn": among the eligible of one category, the
//! council's vote share comes first (a candidate not voted on ranks below any
//! vote), then the total score of the review, then the id, so that the order
//! never depends on the order of the files.

use std::cmp::Ordering;

use crate::model::Score;
use crate::rules::votes::Share;

/// What a candidate is ranked by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing<'a> {
    /// Vote share, if voted on.
    pub share: Option<Share>,
    /// Total score in the review.
    pub score: Score,
    /// Id, the last tie-breaker.
    pub id: &'a str,
}

/// Orders two candidates, the better first.
pub fn compare(a: &Standing<'_>, b: &Standing<'_>) -> Ordering {
    b.share
        .cmp(&a.share)
        .then_with(|| b.score.cmp(&a.score))
        .then_with(|| a.id.cmp(b.id))
}

/// Whether two candidates are level on everything but their id: a tie the
/// council must settle if it falls across a quota line.
pub fn level(a: &Standing<'_>, b: &Standing<'_>) -> bool {
    a.share == b.share && a.score == b.score
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(votes: Option<(u64, u64)>, score: u32, id: &str) -> Standing<'_> {
        Standing {
            share: votes.map(|(in_favour, of)| Share { in_favour, of }),
            score: Score(score * 1000),
            id,
        }
    }

    fn order<'a>(mut v: Vec<Standing<'a>>) -> Vec<&'a str> {
        v.sort_by(compare);
        v.into_iter().map(|s| s.id).collect()
    }

    #[test]
    fn iv_1_vote_share_comes_first() {
        let v = vec![s(Some((6, 9)), 99, "A"), s(Some((8, 9)), 10, "B")];
        assert_eq!(order(v), ["B", "A"]);
    }

    #[test]
    fn iv_1_no_vote_ranks_below_any_vote() {
        let v = vec![s(None, 100, "A"), s(Some((0, 9)), 0, "B")];
        assert_eq!(order(v), ["B", "A"]);
    }

    #[test]
    fn iv_1_score_then_id_break_ties() {
        let v = vec![
            s(Some((6, 8)), 80, "C"),
            s(Some((9, 12)), 90, "B"),
            s(Some((3, 4)), 80, "A"),
        ];
        assert_eq!(order(v), ["B", "A", "C"]);
        assert!(level(&s(Some((6, 8)), 80, "C"), &s(Some((3, 4)), 80, "A")));
        assert!(!level(&s(Some((6, 8)), 80, "C"), &s(Some((3, 4)), 81, "A")));
        assert!(!level(&s(None, 80, "C"), &s(Some((0, 4)), 80, "A")));
    }
}
