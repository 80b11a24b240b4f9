//! Ranking among the eligible (IV.1, contract §4).
//!
//! The council "xem xét, bình chọn": among the eligible of one category, the
//! council's vote share comes first (a candidate not voted on ranks below any
//! vote), then the total score of the review, then the id, so that the order
//! never depends on the order of the files.

use std::cmp::Ordering;

use rustc_hash::FxHashMap;

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

/// The order of `items` by [`compare`] of their standings, best first, as
/// indexes.
///
/// The same order as sorting by [`compare`], found faster for many
/// candidates: a council gives few distinct vote shares, so each is ranked
/// once, and a candidate's share and score become one integer, its id a
/// rank.
pub fn order<'a, T>(items: &[T], standing: impl Fn(&T) -> &Standing<'a>) -> Vec<usize> {
    let mut distinct: Vec<Share> = Vec::new();
    let mut seen: FxHashMap<(u64, u64), u64> = FxHashMap::default();
    for share in items.iter().filter_map(|s| standing(s).share) {
        seen.entry((share.in_favour, share.of)).or_insert_with(|| {
            distinct.push(share);
            0
        });
    }
    distinct.sort_unstable();
    // Equal fractions (6/8, 9/12) share a rank; no vote ranks below any
    // vote (rank 0).
    let mut rank = 0u64;
    for (i, share) in distinct.iter().enumerate() {
        if i == 0 || distinct[i - 1] != *share {
            rank += 1;
        }
        seen.insert((share.in_favour, share.of), rank);
    }
    let key = |s: &Standing<'_>| -> u64 {
        let share = s
            .share
            .and_then(|x| seen.get(&(x.in_favour, x.of)).copied())
            .unwrap_or(0);
        (share << 32) | u64::from(s.score.0)
    };
    // Ids as ranks: candidates usually come in id order already (one
    // pass tells); otherwise their ids are sorted once.
    let id = |i: usize| standing(&items[i]).id;
    let mut id_rank: Vec<u32> = (0..items.len()).map(|i| i as u32).collect();
    if (1..items.len()).any(|i| id(i - 1) >= id(i)) {
        let mut by_id: Vec<usize> = (0..items.len()).collect();
        by_id.sort_unstable_by(|&a, &b| id(a).cmp(id(b)));
        for (rank, i) in by_id.into_iter().enumerate() {
            id_rank[i] = rank as u32;
        }
    }
    // One number per candidate, sorted as a number: the better share and
    // score first (their key turned over), then the smaller id rank, then
    // the index (never reached: id ranks differ).
    let mut keyed: Vec<u128> = items
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (u128::from(!key(standing(s))) << 64)
                | (u128::from(id_rank[i]) << 32)
                | u128::from(i as u32)
        })
        .collect();
    keyed.sort_unstable();
    keyed
        .into_iter()
        .map(|k| (k & u128::from(u32::MAX)) as usize)
        .collect()
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

    proptest::proptest! {
        #[test]
        fn order_is_sorting_by_compare(
            cands in proptest::collection::vec(
                (proptest::option::of((0u64..13, 1u64..13)), 0u32..6),
                0..60,
            ),
        ) {
            let ids: Vec<String> = (0..cands.len()).map(|i| format!("S{:02}", (i * 7) % 60)).collect();
            let standings: Vec<Standing<'_>> = cands
                .iter()
                .zip(&ids)
                .map(|(&(votes, score), id)| Standing {
                    share: votes.map(|(in_favour, of)| Share { in_favour: in_favour.min(of), of }),
                    score: Score(score * 500),
                    id,
                })
                .collect();
            let mut expected: Vec<usize> = (0..standings.len()).collect();
            expected.sort_by(|&a, &b| compare(&standings[a], &standings[b]));
            proptest::prop_assert_eq!(super::order(&standings, |s| s), expected);
        }
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
