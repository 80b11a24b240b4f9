//! Which criteria apply to a subject (II.1, III.2.a, III.2.b).
//!
//! II.1 names who competes: the offices and units of the Department, its
//! staff, and related organisations and individuals. III.2.a gives collectives
//! and individuals their own criteria, some of them for one kind only (TT5 for
//! the Department, TT6 for related organisations); III.2.b gives the final
//! review its own. The plan lists, for each criterion, the review type and the
//! kinds it applies to; this rule only reads that list.

use crate::plan::{CriterionId, Plan, SubjectKind};
use crate::review::ReviewType;

/// The criteria a subject of this kind must meet in this type of review, in
/// the plan's order.
pub fn applicable(plan: &Plan, kind: SubjectKind, review: ReviewType) -> Vec<CriterionId> {
    plan.criteria
        .iter()
        .enumerate()
        .filter(|(_, c)| c.applies(kind, review))
        .filter_map(|(i, _)| u16::try_from(i).ok().map(CriterionId))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{PersonKind, UnitKind};
    use crate::rules::tests::sample_plan;

    fn codes(plan: &Plan, kind: SubjectKind, review: ReviewType) -> Vec<String> {
        applicable(plan, kind, review)
            .into_iter()
            .map(|id| plan.criterion(id).code.clone())
            .collect()
    }

    #[test]
    fn iii_2_a_tt5_applies_to_the_department_only() {
        let plan = sample_plan();
        let so = codes(&plan, SubjectKind::Unit(UnitKind::So), ReviewType::Annual);
        assert_eq!(so, ["TT1", "TT2", "TT3", "TT4", "TT5"]);
        for kind in [UnitKind::Phong, UnitKind::DonVi] {
            let c = codes(&plan, SubjectKind::Unit(kind), ReviewType::Annual);
            assert_eq!(c, ["TT1", "TT2", "TT3", "TT4"], "{kind:?}");
        }
    }

    #[test]
    fn iii_2_a_tt6_applies_to_related_organisations_only() {
        let plan = sample_plan();
        let c = codes(
            &plan,
            SubjectKind::Unit(UnitKind::ToChuc),
            ReviewType::Annual,
        );
        assert_eq!(c, ["TT6"]);
    }

    #[test]
    fn iii_2_a_individuals_inside_and_outside_share_cn1_cn2() {
        let plan = sample_plan();
        for kind in PersonKind::ALL {
            let c = codes(&plan, SubjectKind::Person(kind), ReviewType::Annual);
            assert_eq!(c, ["CN1", "CN2"], "{kind:?}");
        }
    }

    #[test]
    fn iii_2_b_final_review_asks_xs_of_everyone() {
        let plan = sample_plan();
        for kind in SubjectKind::all() {
            assert_eq!(codes(&plan, kind, ReviewType::Final), ["XS"], "{kind:?}");
        }
    }
}
