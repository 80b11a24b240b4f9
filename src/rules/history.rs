//! Award history for the final review (III.2.b).
//!
//! "Trong thời gian đó có ít nhất 01 lần được UBND tỉnh tặng Bằng khen hoặc 02
//! lần được Giám đốc Sở tặng Giấy khen về công tác CCHC" for the provincial
//! tier; "ít nhất 01 lần được Giám đốc Sở tặng Giấy khen" for the
//! Department's. An award counts when it is of the plan's field ("về công tác
//! CCHC") and was granted within the period ("trong thời gian đó"): by its
//! decision date, or, when the date is not recorded, by its review being one
//! of the plan's annual reviews. A Bằng khen does not stand in for a Giấy
//! khen: the tiers are read literally.

use crate::model::GrantedAward;
use crate::plan::{AwardKind, Plan, Tier};
use crate::review::Review;

/// The awards that count, by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct History {
    /// Provincial Bằng khen that count.
    pub bang_khen: u32,
    /// Director's Giấy khen that count.
    pub giay_khen: u32,
}

/// Which tiers a history reaches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reach {
    /// Enough for the provincial Bằng khen.
    pub provincial: bool,
    /// Enough for the Director's Giấy khen.
    pub department: bool,
}

impl Reach {
    /// Whether any tier is reached: the final review's history condition.
    pub fn any(self) -> bool {
        self.provincial || self.department
    }
}

/// Whether a granted award counts toward the final review's history.
pub fn counts(plan: &Plan, award: &GrantedAward) -> bool {
    if award.field != plan.field {
        return false;
    }
    match award.date {
        Some(date) => plan.in_period(date),
        None => matches!(award.review, Review::Annual(y) if plan.annual_reviews.contains(&y)),
    }
}

/// Counts the awards of one subject that count.
pub fn history<'a>(plan: &Plan, awards: impl IntoIterator<Item = &'a GrantedAward>) -> History {
    let mut h = History::default();
    for award in awards.into_iter().filter(|a| counts(plan, a)) {
        match award.award {
            AwardKind::BangKhen => h.bang_khen += 1,
            AwardKind::GiayKhen => h.giay_khen += 1,
        }
    }
    h
}

/// Whether a history reaches a tier: any one of its minimums met.
pub fn reaches(tier: Tier, history: History) -> bool {
    tier.bang_khen.is_some_and(|min| history.bang_khen >= min)
        || tier.giay_khen.is_some_and(|min| history.giay_khen >= min)
}

/// The tiers a history reaches under the plan.
pub fn reach(plan: &Plan, history: History) -> Reach {
    Reach {
        provincial: reaches(plan.history.provincial, history),
        department: reaches(plan.history.department, history),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Source, Subject};
    use crate::rules::tests::{date, sample_plan};

    fn award(
        kind: AwardKind,
        field: &str,
        review: Review,
        day: Option<(i32, u32, u32)>,
    ) -> GrantedAward {
        GrantedAward {
            review,
            subject: Subject::Person(0),
            award: kind,
            field: field.into(),
            decision: None,
            date: day.map(|(y, m, d)| date(y, m, d)),
            source: Source::default(),
        }
    }

    fn h(bang_khen: u32, giay_khen: u32) -> History {
        History {
            bang_khen,
            giay_khen,
        }
    }

    #[test]
    fn iii_2_b_provincial_tier_one_bang_khen_or_two_giay_khen() {
        let plan = sample_plan();
        assert!(reach(&plan, h(1, 0)).provincial);
        assert!(reach(&plan, h(0, 2)).provincial);
        assert!(!reach(&plan, h(0, 1)).provincial);
        assert!(!reach(&plan, h(0, 0)).provincial);
    }

    #[test]
    fn iii_2_b_department_tier_needs_a_giay_khen_not_a_bang_khen() {
        let plan = sample_plan();
        assert!(reach(&plan, h(0, 1)).department);
        assert!(!reach(&plan, h(1, 0)).department);
        assert!(!reach(&plan, h(3, 0)).department);
        assert!(!reach(&plan, h(0, 0)).any());
    }

    #[test]
    fn iii_2_b_only_awards_of_the_field_count() {
        let plan = sample_plan();
        let other = award(
            AwardKind::BangKhen,
            "khac",
            Review::Annual(2022),
            Some((2023, 4, 1)),
        );
        let cchc = award(
            AwardKind::BangKhen,
            "cchc",
            Review::Annual(2022),
            Some((2023, 4, 1)),
        );
        assert!(!counts(&plan, &other));
        assert!(counts(&plan, &cchc));
        assert_eq!(history(&plan, [&other, &cchc]), h(1, 0));
    }

    #[test]
    fn iii_2_b_only_awards_within_the_period_count() {
        let plan = sample_plan();
        let before = award(
            AwardKind::GiayKhen,
            "cchc",
            Review::Annual(2019),
            Some((2020, 3, 30)),
        );
        let first_day = award(
            AwardKind::GiayKhen,
            "cchc",
            Review::Annual(2020),
            Some((2021, 1, 1)),
        );
        let last_day = award(
            AwardKind::GiayKhen,
            "cchc",
            Review::Annual(2024),
            Some((2025, 12, 31)),
        );
        let final_award = award(
            AwardKind::GiayKhen,
            "cchc",
            Review::Final(2021, 2025),
            Some((2026, 4, 20)),
        );
        assert!(!counts(&plan, &before));
        assert!(counts(&plan, &first_day));
        assert!(counts(&plan, &last_day));
        assert!(!counts(&plan, &final_award));
    }

    #[test]
    fn iii_2_b_undated_awards_count_by_their_review() {
        let plan = sample_plan();
        let annual = award(AwardKind::GiayKhen, "cchc", Review::Annual(2023), None);
        let older = award(AwardKind::GiayKhen, "cchc", Review::Annual(2020), None);
        let final_award = award(AwardKind::GiayKhen, "cchc", Review::Final(2021, 2025), None);
        assert!(counts(&plan, &annual));
        assert!(!counts(&plan, &older));
        assert!(!counts(&plan, &final_award));
    }
}
