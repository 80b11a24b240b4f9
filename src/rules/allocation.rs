//! Allocation within quotas (III.1.b).
//!
//! The higher award is filled first: the top of the ranking takes the
//! province's allocation of Bằng khen, the next take the Director's Giấy khen
//! up to the plan's quota, and the rest are over quota. Each candidate gets at
//! most one award per review. A candidate can only take an award it is
//! entitled to: the Department cannot be given its own Director's Giấy khen,
//! and in the final review the Bằng khen needs the provincial history tier and
//! the Giấy khen the Department's (III.2.b).

use crate::plan::{AwardKind, Plan, SubjectKind};
use crate::review::ReviewType;
use crate::rules::history::Reach;

/// Which awards a candidate may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entitlement {
    /// May take the provincial Bằng khen.
    pub bang_khen: bool,
    /// May take the Director's Giấy khen.
    pub giay_khen: bool,
}

impl Entitlement {
    /// Whether it may take this award.
    pub fn allows(self, award: AwardKind) -> bool {
        match award {
            AwardKind::BangKhen => self.bang_khen,
            AwardKind::GiayKhen => self.giay_khen,
        }
    }
}

/// The quotas of one category in one review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quotas {
    /// The province's allocation of Bằng khen.
    pub bang_khen: u32,
    /// The plan's quota of Giấy khen.
    pub giay_khen: u32,
}

impl Quotas {
    /// The quota of one award.
    pub fn of(self, award: AwardKind) -> u32 {
        match award {
            AwardKind::BangKhen => self.bang_khen,
            AwardKind::GiayKhen => self.giay_khen,
        }
    }
}

/// What a ranked, eligible candidate gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Proposed for this award.
    Award(AwardKind),
    /// Eligible, but no quota left that it may take.
    OverQuota(Reason),
}

/// Why an eligible candidate is not proposed (contract §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// Every award it could take was used up above it.
    QuotaFull,
    /// An award it may not take still had room when its turn came: the
    /// Department or the signer while Giấy khen places remained, or a final
    /// review's history tier not reached.
    NotEntitled,
}

impl Reason {
    /// The stable code (`quota_full`, `not_entitled`).
    pub fn code(self) -> &'static str {
        match self {
            Reason::QuotaFull => "quota_full",
            Reason::NotEntitled => "not_entitled",
        }
    }
}

/// The awards an eligible candidate of this kind may take in this review;
/// `signer` when it is the one who signs the Giấy khen (nobody awards
/// himself: like the Department, he may take the Bằng khen only).
pub fn entitlement(
    plan: &Plan,
    kind: SubjectKind,
    review: ReviewType,
    reach: Reach,
    signer: bool,
) -> Entitlement {
    let (bang_khen, giay_khen) = match review {
        ReviewType::Annual => (true, true),
        ReviewType::Final => (reach.provincial, reach.department),
    };
    Entitlement {
        bang_khen,
        giay_khen: giay_khen && !signer && !plan.giay_khen.not_for.contains(&kind),
    }
}

/// Allocates awards down a ranking: each candidate, best first, takes the
/// highest award it may take that still has quota. One left without says
/// why: an award it may not take still had room ([`Reason::NotEntitled`]),
/// or none had ([`Reason::QuotaFull`]).
pub fn allocate(ranked: &[Entitlement], quotas: Quotas) -> Vec<Outcome> {
    let mut left = [quotas.bang_khen, quotas.giay_khen];
    ranked
        .iter()
        .map(|entitled| {
            for (slot, award) in AwardKind::ALL.into_iter().enumerate() {
                if entitled.allows(award) && left[slot] > 0 {
                    left[slot] -= 1;
                    return Outcome::Award(award);
                }
            }
            let room_barred = AwardKind::ALL
                .into_iter()
                .enumerate()
                .any(|(slot, award)| left[slot] > 0 && !entitled.allows(award));
            Outcome::OverQuota(if room_barred {
                Reason::NotEntitled
            } else {
                Reason::QuotaFull
            })
        })
        .collect()
}

/// A level pair across a full quota's line: the last candidate given the
/// award and the first one below who could have taken it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tie {
    /// The award whose line it is.
    pub award: AwardKind,
    /// Position in the ranking of the last candidate given it.
    pub last_in: usize,
    /// Position of the first candidate below, entitled to it, not given it.
    pub first_out: usize,
}

/// Finds the ties at each quota line (`tie_at_cutoff`). `level(i, j)` tells
/// whether the candidates at ranks `i` and `j` are level on vote and score.
pub fn ties_at_cutoff(
    ranked: &[Entitlement],
    outcomes: &[Outcome],
    level: impl Fn(usize, usize) -> bool,
) -> Vec<Tie> {
    let mut ties = Vec::new();
    for award in AwardKind::ALL {
        let Some(last_in) = outcomes.iter().rposition(|o| *o == Outcome::Award(award)) else {
            continue;
        };
        let first_out = (last_in + 1..ranked.len())
            .find(|&j| ranked[j].allows(award) && outcomes[j] != Outcome::Award(award));
        if let Some(first_out) = first_out
            && level(last_in, first_out)
        {
            ties.push(Tie {
                award,
                last_in,
                first_out,
            });
        }
    }
    ties
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{PersonKind, UnitKind};
    use crate::rules::tests::sample_plan;

    const ANY: Entitlement = Entitlement {
        bang_khen: true,
        giay_khen: true,
    };
    const BK_ONLY: Entitlement = Entitlement {
        bang_khen: true,
        giay_khen: false,
    };
    const GK_ONLY: Entitlement = Entitlement {
        bang_khen: false,
        giay_khen: true,
    };
    const BK: Outcome = Outcome::Award(AwardKind::BangKhen);
    const GK: Outcome = Outcome::Award(AwardKind::GiayKhen);
    const OVER: Outcome = Outcome::OverQuota(Reason::QuotaFull);
    const BARRED: Outcome = Outcome::OverQuota(Reason::NotEntitled);

    #[test]
    fn iii_1_b_provincial_quota_is_filled_first_then_giay_khen() {
        let q = Quotas {
            bang_khen: 1,
            giay_khen: 3,
        };
        assert_eq!(allocate(&[ANY; 6], q), [BK, GK, GK, GK, OVER, OVER]);
    }

    #[test]
    fn iii_1_b_annual_quota_three_collectives_six_individuals() {
        let plan = sample_plan();
        let q = plan.giay_khen_quota(ReviewType::Annual);
        assert_eq!((q.collectives, q.individuals), (3, 6));
        let q = plan.giay_khen_quota(ReviewType::Final);
        assert_eq!((q.collectives, q.individuals), (5, 10));
    }

    #[test]
    fn iii_1_b_a_review_without_provincial_allocation_gets_no_bang_khen() {
        let plan = sample_plan();
        assert_eq!(
            plan.bang_khen_quota(crate::Review::Annual(2030))
                .collectives,
            0
        );
        let q = Quotas {
            bang_khen: 0,
            giay_khen: 2,
        };
        assert_eq!(allocate(&[ANY; 3], q), [GK, GK, OVER]);
    }

    #[test]
    fn iii_1_b_the_department_never_gets_its_own_giay_khen() {
        let plan = sample_plan();
        let so = SubjectKind::Unit(UnitKind::So);
        let e = entitlement(&plan, so, ReviewType::Annual, Reach::default(), false);
        assert_eq!(e, BK_ONLY);
        // Ranked first but the Bằng khen is gone: the Sở is over quota while
        // Giấy khen remain for the others.
        let q = Quotas {
            bang_khen: 1,
            giay_khen: 3,
        };
        assert_eq!(allocate(&[ANY, BK_ONLY, ANY], q), [BK, BARRED, GK]);
        let phong = SubjectKind::Unit(UnitKind::Phong);
        assert_eq!(
            entitlement(&plan, phong, ReviewType::Annual, Reach::default(), false),
            ANY
        );
    }

    #[test]
    fn iii_2_b_final_tiers_decide_the_award_a_candidate_may_take() {
        let plan = sample_plan();
        let person = SubjectKind::Person(PersonKind::NoiBo);
        let both = Reach {
            provincial: true,
            department: true,
        };
        let provincial = Reach {
            provincial: true,
            department: false,
        };
        let department = Reach {
            provincial: false,
            department: true,
        };
        assert_eq!(
            entitlement(&plan, person, ReviewType::Final, both, false),
            ANY
        );
        assert_eq!(
            entitlement(&plan, person, ReviewType::Final, provincial, false),
            BK_ONLY
        );
        assert_eq!(
            entitlement(&plan, person, ReviewType::Final, department, false),
            GK_ONLY
        );
        // A department-tier candidate ranked first leaves the Bằng khen to
        // the best provincial-tier one below it.
        let q = Quotas {
            bang_khen: 1,
            giay_khen: 1,
        };
        assert_eq!(allocate(&[GK_ONLY, ANY, BK_ONLY], q), [GK, BK, OVER]);
    }

    /// Nobody awards himself: the Director who signs the Giấy khen may be
    /// proposed for the Bằng khen only, in any review. Were the signer
    /// treated as anyone, he would take the Giấy khen below.
    #[test]
    fn the_signer_never_receives_his_own_giay_khen() {
        let plan = sample_plan();
        let person = SubjectKind::Person(PersonKind::NoiBo);
        let both = Reach {
            provincial: true,
            department: true,
        };
        let signer = entitlement(&plan, person, ReviewType::Annual, Reach::default(), true);
        assert_eq!(signer, BK_ONLY);
        assert_eq!(
            entitlement(&plan, person, ReviewType::Final, both, true),
            BK_ONLY
        );
        let q = Quotas {
            bang_khen: 1,
            giay_khen: 2,
        };
        assert_eq!(allocate(&[ANY, signer, ANY], q), [BK, BARRED, GK]);
    }

    /// Contract §4: an eligible candidate not proposed says why: an award
    /// it may not take still had room (`not_entitled`), or every award it
    /// could take was used up above it (`quota_full`).
    #[test]
    fn contract_4_not_proposed_says_why() {
        let q = Quotas {
            bang_khen: 1,
            giay_khen: 0,
        };
        // A department-tier candidate cannot take the Bằng khen still free.
        assert_eq!(allocate(&[GK_ONLY, ANY], q), [BARRED, BK]);
        // Once the Bằng khen is gone nothing is left for anyone.
        assert_eq!(allocate(&[ANY, GK_ONLY, BK_ONLY], q), [BK, OVER, OVER]);
        let q = Quotas {
            bang_khen: 0,
            giay_khen: 1,
        };
        assert_eq!(allocate(&[BK_ONLY, ANY, BK_ONLY], q), [BARRED, GK, OVER]);
        assert_eq!(Reason::NotEntitled.code(), "not_entitled");
        assert_eq!(Reason::QuotaFull.code(), "quota_full");
    }

    #[test]
    fn iii_1_b_at_most_one_award_each() {
        let q = Quotas {
            bang_khen: 5,
            giay_khen: 5,
        };
        let out = allocate(&[ANY; 3], q);
        assert_eq!(out, [BK, BK, BK]);
    }

    #[test]
    fn iv_1_a_level_pair_across_a_full_quota_is_a_tie() {
        let ranked = [ANY; 4];
        let out = allocate(
            &ranked,
            Quotas {
                bang_khen: 1,
                giay_khen: 2,
            },
        );
        // Ranks 3 and 4 are level: the last Giấy khen is contested.
        let ties = ties_at_cutoff(&ranked, &out, |i, j| (i, j) == (2, 3));
        assert_eq!(
            ties,
            [Tie {
                award: AwardKind::GiayKhen,
                last_in: 2,
                first_out: 3
            }]
        );
        // Ranks 1 and 2 level: the Bằng khen is contested.
        let ties = ties_at_cutoff(&ranked, &out, |i, j| (i, j) == (0, 1));
        assert_eq!(
            ties,
            [Tie {
                award: AwardKind::BangKhen,
                last_in: 0,
                first_out: 1
            }]
        );
        // Level pairs inside the quota are no one's business.
        assert!(ties_at_cutoff(&ranked, &out, |i, j| (i, j) == (1, 2)).is_empty());
    }

    #[test]
    fn iv_1_no_tie_with_a_candidate_that_could_not_take_the_award() {
        let ranked = [ANY, ANY, BK_ONLY];
        let out = allocate(
            &ranked,
            Quotas {
                bang_khen: 1,
                giay_khen: 1,
            },
        );
        assert_eq!(out, [BK, GK, OVER]);
        assert!(ties_at_cutoff(&ranked, &out, |i, j| (i, j) == (1, 2)).is_empty());
    }
}
