//! Award history for the final review (III.2.b).
//!
//! "Trong thời gian đó có ít nhất 01 lần được UBND tỉnh tặng Bằng khen hoặc 02
//! lần được Giám đốc Sở tặng Giấy khen về công tác CCHC" for the provincial
//! tier; "ít nhất 01 lần được Giám đốc Sở tặng Giấy khen" for the
//! Department's. An award counts when it is of the plan's field ("về công tác
//! CCHC"), was not revoked, and was for an achievement within the period
//! ("trong thời gian đó"). The period of an award is the one its decision
//! names, not the decision's date: NĐ 98/2023/NĐ-CP, khoản 9 Điều 30 ("Thời
//! gian đề nghị khen thưởng lần tiếp theo được tính theo thời gian lập được
//! thành tích ghi trong quyết định khen thưởng lần trước"). So a Giấy khen
//! for 2020 decided in April 2021 does not count toward 2021–2025, and one for
//! 2024 decided in 2025 does; only an award whose review is not recorded is
//! placed by its decision date. A Bằng khen does not stand in for a Giấy khen:
//! the tiers are read literally.

use crate::model::GrantedAward;
use crate::plan::{AwardKind, Plan, Tier};
use chrono::Datelike;

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

/// Whether a granted award counts toward the final review's history, and
/// why not when it does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    /// It counts.
    Counts,
    /// Of another field than the plan's.
    OtherField,
    /// Its decision was revoked.
    Revoked,
    /// For an achievement outside the period (by its review, or by its
    /// decision date when no review is recorded).
    OutsidePeriod,
    /// Neither its review nor its decision date is recorded.
    Undated,
}

/// Whether a granted award counts toward the final review's history.
pub fn count(plan: &Plan, award: &GrantedAward) -> Count {
    if award.field != plan.field {
        return Count::OtherField;
    }
    if award.revoked.is_some() {
        return Count::Revoked;
    }
    let within = match (award.review, award.date) {
        // An award of a year of the period; the final review's own awards
        // (and another period's) are not history of it.
        (Some(Review::Annual(y)), _) => (plan.start.year()..=plan.end.year()).contains(&y),
        (Some(Review::Final(..)), _) => false,
        (None, Some(date)) => plan.in_period(date),
        (None, None) => return Count::Undated,
    };
    if within {
        Count::Counts
    } else {
        Count::OutsidePeriod
    }
}

/// Whether a granted award counts toward the final review's history.
pub fn counts(plan: &Plan, award: &GrantedAward) -> bool {
    count(plan, award) == Count::Counts
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
        review: impl Into<Option<Review>>,
        day: Option<(i32, u32, u32)>,
    ) -> GrantedAward {
        GrantedAward {
            review: review.into(),
            subject: Subject::Person(0),
            award: kind,
            field: field.into(),
            decision: None,
            date: day.map(|(y, m, d)| date(y, m, d)),
            revoked: None,
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

    /// NĐ 98/2023/NĐ-CP, khoản 9 Điều 30: an award belongs to the period of
    /// the achievement its decision names, not to the decision's date. Read
    /// the other way (by date), the first two would swap.
    #[test]
    fn nd98_d30_k9_history_counts_by_the_period_of_the_achievement() {
        let plan = sample_plan();
        let gk = |review: Review, day| award(AwardKind::GiayKhen, "cchc", review, Some(day));
        // For 2020, decided in April 2021: not an achievement of 2021–2025.
        assert_eq!(
            count(&plan, &gk(Review::Annual(2020), (2021, 4, 20))),
            Count::OutsidePeriod
        );
        // For 2024, decided in 2025 (or even after the period ends): counts.
        assert!(counts(&plan, &gk(Review::Annual(2024), (2025, 4, 10))));
        assert!(counts(&plan, &gk(Review::Annual(2025), (2026, 1, 15))));
        // Before the period, and the final review's own awards: never.
        assert!(!counts(&plan, &gk(Review::Annual(2019), (2020, 3, 30))));
        assert!(!counts(
            &plan,
            &gk(Review::Final(2021, 2025), (2026, 4, 20))
        ));
    }

    /// Only a row without `review` falls back to the decision's date.
    #[test]
    fn nd98_d30_k9_an_award_without_its_review_counts_by_its_date() {
        let plan = sample_plan();
        let by_date = |day| award(AwardKind::GiayKhen, "cchc", None, Some(day));
        assert!(counts(&plan, &by_date((2021, 1, 1))));
        assert!(counts(&plan, &by_date((2025, 12, 31))));
        assert!(!counts(&plan, &by_date((2020, 12, 31))));
        assert!(!counts(&plan, &by_date((2026, 1, 1))));
        assert_eq!(
            count(&plan, &award(AwardKind::GiayKhen, "cchc", None, None)),
            Count::Undated
        );
    }

    /// A revoked (annulled) decision never counts, whatever its period.
    #[test]
    fn a_revoked_decision_never_counts() {
        let plan = sample_plan();
        let mut a = award(
            AwardKind::BangKhen,
            "cchc",
            Review::Annual(2022),
            Some((2023, 4, 1)),
        );
        assert!(counts(&plan, &a));
        a.revoked = Some(None);
        assert_eq!(count(&plan, &a), Count::Revoked);
        a.revoked = Some(Some(date(2024, 1, 5)));
        assert_eq!(history(&plan, [&a]), h(0, 0));
    }

    #[test]
    fn iii_2_b_awards_with_a_review_but_no_date_count_by_it() {
        let plan = sample_plan();
        let annual = award(AwardKind::GiayKhen, "cchc", Review::Annual(2023), None);
        let older = award(AwardKind::GiayKhen, "cchc", Review::Annual(2020), None);
        let final_award = award(AwardKind::GiayKhen, "cchc", Review::Final(2021, 2025), None);
        assert!(counts(&plan, &annual));
        assert!(!counts(&plan, &older));
        assert!(!counts(&plan, &final_award));
    }
}
