//! The council's vote (IV.1): "Hội đồng Thi đua - Khen thưởng Sở xem xét, bình
//! chọn". Its share ranks the eligible; a plan may also set a minimum share,
//! below which a candidate is not eligible (the default plan sets none).

use std::cmp::Ordering;

use crate::model::Votes;
use crate::plan::{Denominator, VotePolicy};

/// A vote share kept as a fraction, compared exactly.
#[derive(Clone, Copy, Debug)]
pub struct Share {
    /// Votes in favour.
    pub in_favour: u64,
    /// What they are counted against (never 0).
    pub of: u64,
}

impl PartialEq for Share {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Share {}

impl PartialOrd for Share {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Share {
    /// 9/12 equals 6/8: fractions are compared by cross-multiplication.
    fn cmp(&self, other: &Self) -> Ordering {
        (self.in_favour * other.of).cmp(&(other.in_favour * self.of))
    }
}

/// The share of a vote, against the members who voted or, when the plan
/// counts against the whole council, against its members.
pub fn share(votes: Votes, policy: Option<&VotePolicy>) -> Share {
    let of = match policy.map(|p| p.denominator) {
        Some(Denominator::Members(members)) => members.max(1),
        _ => votes.total.max(1),
    };
    Share {
        in_favour: u64::from(votes.in_favour),
        of: u64::from(of),
    }
}

/// Whether a candidate's vote reaches the plan's minimum share. A candidate
/// not yet voted on does not, while a minimum is set.
pub fn passes(votes: Option<Votes>, policy: &VotePolicy) -> bool {
    let Some(votes) = votes else { return false };
    let s = share(votes, Some(policy));
    s.in_favour * 100 >= u64::from(policy.min_percent) * s.of
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(in_favour: u32, total: u32) -> Votes {
        Votes { in_favour, total }
    }

    #[test]
    fn iv_1_shares_compare_as_fractions() {
        assert_eq!(share(v(9, 12), None), share(v(6, 8), None));
        assert!(share(v(7, 9), None) > share(v(6, 8), None));
    }

    #[test]
    fn iv_1_minimum_share_is_inclusive() {
        let policy = VotePolicy {
            min_percent: 50,
            denominator: Denominator::Present,
        };
        assert!(passes(Some(v(5, 10)), &policy));
        assert!(!passes(Some(v(4, 10)), &policy));
        assert!(!passes(None, &policy));
    }

    #[test]
    fn iv_1_minimum_share_of_all_members() {
        let policy = VotePolicy {
            min_percent: 50,
            denominator: Denominator::Members(11),
        };
        // 5 of the 6 present is 83 % of those present but 45 % of the council.
        assert!(!passes(Some(v(5, 6)), &policy));
        assert!(passes(Some(v(6, 6)), &policy));
    }
}
