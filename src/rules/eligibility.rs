//! Eligibility (III.2.a, III.2.b) and what an ineligible candidate lacks.
//!
//! Annual review: every criterion that applies to the subject is met in that
//! review (III.2.a). Final review: every final criterion is met and the
//! subject's award history reaches a tier (III.2.b). When the plan sets a
//! minimum vote share, a candidate below it is not eligible either (IV.1).

use crate::model::Votes;
use crate::plan::{CriterionId, Plan};
use crate::review::ReviewType;
use crate::rules::history::Reach;
use crate::rules::votes;

/// Something an ineligible candidate lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Missing {
    /// A criterion not met (or not assessed).
    Criterion(CriterionId),
    /// The final review's award history reaches no tier.
    History,
    /// The council's vote is below the plan's minimum, or not taken.
    Votes,
    /// The plan has no criterion for this kind of subject in this review.
    NoCriteria,
}

impl Missing {
    /// The stable code: the criterion's code, `history` or `votes`.
    pub fn code(self, plan: &Plan) -> &str {
        match self {
            Missing::Criterion(id) => &plan.criterion(id).code,
            Missing::History => "history",
            Missing::Votes => "votes",
            Missing::NoCriteria => "no_criteria",
        }
    }
}

/// What the eligibility rule needs to know of a candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts<'a> {
    /// Annual or final.
    pub review: ReviewType,
    /// The criteria that apply to the subject.
    pub required: &'a [CriterionId],
    /// Those of them met in the review.
    pub met: &'a [CriterionId],
    /// The council's vote, if taken.
    pub votes: Option<Votes>,
    /// The tiers its history reaches (final review only).
    pub reach: Reach,
}

/// Everything the candidate lacks; empty means eligible (the one rule of
/// eligibility: nothing else decides it).
pub fn missing(plan: &Plan, facts: &Facts<'_>) -> Vec<Missing> {
    let mut out: Vec<Missing> = facts
        .required
        .iter()
        .filter(|c| !facts.met.contains(c))
        .map(|&c| Missing::Criterion(c))
        .collect();
    if facts.required.is_empty() {
        // No criterion of the plan covers this kind of subject in this
        // review: nothing can show it deserves an award.
        out.push(Missing::NoCriteria);
    }
    if facts.review == ReviewType::Final && !facts.reach.any() {
        out.push(Missing::History);
    }
    if let Some(policy) = &plan.votes
        && !votes::passes(facts.votes, policy)
    {
        out.push(Missing::Votes);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Denominator, VotePolicy};
    use crate::rules::tests::sample_plan;

    fn ids(plan: &Plan, codes: &[&str]) -> Vec<CriterionId> {
        codes
            .iter()
            .map(|c| plan.criterion_id(c).unwrap())
            .collect()
    }

    #[test]
    fn iii_2_a_every_applicable_criterion_must_be_met() {
        let plan = sample_plan();
        let required = ids(&plan, &["TT1", "TT2", "TT3", "TT4"]);
        let all = Facts {
            review: ReviewType::Annual,
            required: &required,
            met: &required,
            votes: None,
            reach: Reach::default(),
        };
        assert!(missing(&plan, &all).is_empty());
        let three = ids(&plan, &["TT1", "TT2", "TT4"]);
        let short = Facts {
            met: &three,
            ..all.clone()
        };
        let lacks = missing(&plan, &short);
        assert_eq!(
            lacks,
            vec![Missing::Criterion(plan.criterion_id("TT3").unwrap())]
        );
        assert_eq!(lacks[0].code(&plan), "TT3");
    }

    #[test]
    fn iii_2_b_final_needs_xs_and_a_history_tier() {
        let plan = sample_plan();
        let xs = ids(&plan, &["XS"]);
        let department = Reach {
            provincial: false,
            department: true,
        };
        let ok = Facts {
            review: ReviewType::Final,
            required: &xs,
            met: &xs,
            votes: None,
            reach: department,
        };
        assert!(missing(&plan, &ok).is_empty());
        let no_history = Facts {
            reach: Reach::default(),
            ..ok.clone()
        };
        assert_eq!(missing(&plan, &no_history), vec![Missing::History]);
        let nothing = Facts {
            met: &[],
            reach: Reach::default(),
            ..ok
        };
        assert_eq!(
            missing(&plan, &nothing),
            vec![Missing::Criterion(xs[0]), Missing::History]
        );
    }

    #[test]
    fn ii_1_a_kind_without_criteria_is_never_eligible() {
        let plan = sample_plan();
        let facts = Facts {
            review: ReviewType::Annual,
            required: &[],
            met: &[],
            votes: None,
            reach: Reach::default(),
        };
        assert_eq!(missing(&plan, &facts), vec![Missing::NoCriteria]);
    }

    #[test]
    fn iii_2_a_annual_review_ignores_history() {
        let plan = sample_plan();
        let cn = ids(&plan, &["CN1", "CN2"]);
        let facts = Facts {
            review: ReviewType::Annual,
            required: &cn,
            met: &cn,
            votes: None,
            reach: Reach::default(),
        };
        assert!(missing(&plan, &facts).is_empty());
    }

    #[test]
    fn iv_1_a_configured_vote_share_gates_eligibility() {
        let mut plan = sample_plan();
        plan.votes = Some(VotePolicy {
            min_percent: 70,
            denominator: Denominator::Present,
        });
        let cn = ids(&plan, &["CN1", "CN2"]);
        let facts = Facts {
            review: ReviewType::Annual,
            required: &cn,
            met: &cn,
            votes: Some(Votes {
                in_favour: 6,
                total: 9,
            }),
            reach: Reach::default(),
        };
        assert_eq!(missing(&plan, &facts), vec![Missing::Votes]);
        let enough = Facts {
            votes: Some(Votes {
                in_favour: 7,
                total: 9,
            }),
            ..facts
        };
        assert!(missing(&plan, &enough).is_empty());
    }
}
