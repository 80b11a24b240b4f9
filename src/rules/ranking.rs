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
/// once, and a candidate's share, score and id become one integer, sorted
/// as a number.
pub fn order<'a, T>(items: &[T], standing: impl Fn(&T) -> &Standing<'a>) -> Vec<usize> {
    order_in(items, standing, u64::BITS)
}

/// [`order`], with keys packed in one 64-bit word when they fit in
/// `word_bits` bits (share rank, score and id rank side by side; a
/// hundred thousand candidates need about 40), in 128 bits otherwise.
fn order_in<'a, T>(
    items: &[T],
    standing: impl Fn(&T) -> &Standing<'a>,
    word_bits: u32,
) -> Vec<usize> {
    let n = items.len();
    let shares = share_ranks(items, &standing);
    // Ids as ranks: candidates usually come in id order already (one
    // pass tells); otherwise their ids are sorted once. `by_id` lists the
    // candidates in id order (none: in their own order).
    let id = |i: usize| standing(&items[i]).id;
    let by_id: Option<Vec<usize>> = (1..n).any(|i| id(i - 1) >= id(i)).then(|| {
        let mut by_id: Vec<usize> = (0..n).collect();
        by_id.sort_unstable_by(|&a, &b| id(a).cmp(id(b)));
        by_id
    });
    let mut id_rank: Vec<u32> = Vec::new();
    if let Some(by_id) = &by_id {
        id_rank.resize(n, 0);
        for (rank, &i) in by_id.iter().enumerate() {
            id_rank[i] = rank as u32;
        }
    }
    let id_rank = |i: usize| id_rank.get(i).map_or(i as u64, |r| u64::from(*r));
    let score = |i: usize| u64::from(standing(&items[i]).score.0);
    let top_share = u64::from(shares.iter().copied().max().unwrap_or(0));
    let top_score = (0..n).map(score).max().unwrap_or(0);
    let bits = |x: u64| u64::BITS - x.leading_zeros();
    let (score_bits, id_bits) = (bits(top_score), bits(n as u64));
    if bits(top_share) + score_bits + id_bits <= word_bits {
        // The better share and score first (their distance from the top),
        // then the smaller id rank: one word each, its low bits the id
        // rank, which tells the candidate.
        let mut keyed: Vec<u64> = (0..n)
            .map(|i| {
                (top_share - u64::from(shares[i])) << (score_bits + id_bits)
                    | (top_score - score(i)) << id_bits
                    | id_rank(i)
            })
            .collect();
        keyed.sort_unstable();
        let mask = (1u64 << id_bits) - 1;
        return keyed
            .into_iter()
            .map(|k| {
                let rank = (k & mask) as usize;
                by_id.as_ref().map_or(rank, |by_id| by_id[rank])
            })
            .collect();
    }
    // The same, wider: share and score turned over in the high half, id
    // rank and index in the low.
    let mut keyed: Vec<u128> = (0..n)
        .map(|i| {
            let key = u64::from(shares[i]) << 32 | score(i);
            u128::from(!key) << 64 | u128::from(id_rank(i)) << 32 | i as u128
        })
        .collect();
    keyed.sort_unstable();
    keyed
        .into_iter()
        .map(|k| (k & u128::from(u32::MAX)) as usize)
        .collect()
}

/// Each item's vote share as a rank among the shares given: 0 for no vote,
/// 1 for the smallest share, equal fractions (6/8, 9/12) alike.
fn share_ranks<'a, T>(items: &[T], standing: &impl Fn(&T) -> &Standing<'a>) -> Vec<u32> {
    // Each item's share found once among the distinct ones (by its two
    // numbers), which are then sorted as fractions.
    let mut distinct: Vec<Share> = Vec::new();
    let mut found: FxHashMap<(u64, u64), u32> = FxHashMap::default();
    let slots: Vec<u32> = items
        .iter()
        .map(|item| match standing(item).share {
            None => u32::MAX,
            Some(share) => *found.entry((share.in_favour, share.of)).or_insert_with(|| {
                distinct.push(share);
                (distinct.len() - 1) as u32
            }),
        })
        .collect();
    let mut sorted: Vec<u32> = (0..distinct.len() as u32).collect();
    sorted.sort_unstable_by_key(|&d| distinct[d as usize]);
    let mut rank_of = vec![0u32; distinct.len()];
    let mut rank = 0u32;
    for (k, &d) in sorted.iter().enumerate() {
        if k == 0 || distinct[sorted[k - 1] as usize] != distinct[d as usize] {
            rank += 1;
        }
        rank_of[d as usize] = rank;
    }
    slots
        .into_iter()
        .map(|slot| rank_of.get(slot as usize).copied().unwrap_or(0))
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
            proptest::prop_assert_eq!(super::order(&standings, |s| s), expected.clone());
            // Keys too wide for one word take the 128-bit path.
            proptest::prop_assert_eq!(super::order_in(&standings, |s| s, 0), expected);
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
