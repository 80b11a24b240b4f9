//! Where a deadline stands on a given day (IV.3, II.3, II.4.b).
//!
//! The plan writes "trước ngày 15/3" (before 15/3): by default the date itself
//! is too late, so the last valid day is the 14th. A last day that falls on a
//! weekend is worth a note: Văn phòng Sở receives dossiers on working days, so
//! the practical last day is the Friday before.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::plan::Deadline;

/// Where a deadline stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineStatus {
    /// Its last day is still ahead.
    Upcoming,
    /// Today is its last day.
    DueToday,
    /// Its last day is behind.
    Passed,
}

impl DeadlineStatus {
    /// The stable code (`upcoming`, `due_today`, `passed`).
    pub fn code(self) -> &'static str {
        match self {
            DeadlineStatus::Upcoming => "upcoming",
            DeadlineStatus::DueToday => "due_today",
            DeadlineStatus::Passed => "passed",
        }
    }
}

/// A deadline as it stands today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeadlineState<'a> {
    /// The deadline.
    pub deadline: &'a Deadline,
    /// Its status against its last day.
    pub status: DeadlineStatus,
    /// Days from today to its last day; negative once passed.
    pub days_left: i64,
    /// The last working day on or before the last day, when the last day
    /// falls on a weekend.
    pub weekend_note: Option<NaiveDate>,
}

/// Whether a day is a Saturday or a Sunday.
pub fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The last working day (Monday to Friday) on or before `day`.
pub fn working_day_on_or_before(day: NaiveDate) -> NaiveDate {
    let mut d = day;
    while is_weekend(d) {
        match d.pred_opt() {
            Some(p) => d = p,
            None => break,
        }
    }
    d
}

/// Where a deadline stands on `today`.
pub fn state(deadline: &Deadline, today: NaiveDate) -> DeadlineState<'_> {
    let last_day = deadline.last_day();
    let days_left = (last_day - today).num_days();
    let status = match days_left {
        d if d > 0 => DeadlineStatus::Upcoming,
        0 => DeadlineStatus::DueToday,
        _ => DeadlineStatus::Passed,
    };
    let weekend_note = is_weekend(last_day).then(|| working_day_on_or_before(last_day));
    DeadlineState {
        deadline,
        status,
        days_left,
        weekend_note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Review;
    use crate::plan::Event;
    use crate::rules::tests::{date, sample_plan};

    #[test]
    fn iv_3_annual_deadlines_fall_in_the_following_year() {
        let plan = sample_plan();
        let unit = plan
            .deadline(Review::Annual(2023), Event::UnitSubmission)
            .unwrap();
        assert_eq!(unit.date, date(2024, 3, 15));
        assert_eq!(unit.last_day(), date(2024, 3, 14));
        let dept = plan
            .deadline(Review::Annual(2023), Event::DepartmentSubmission)
            .unwrap();
        assert_eq!(dept.date, date(2024, 4, 1));
        assert_eq!(dept.last_day(), date(2024, 3, 31));
    }

    #[test]
    fn iv_3_final_review_deadlines_in_2026() {
        let plan = sample_plan();
        let fin = plan.final_review();
        let unit = plan.deadline(fin, Event::UnitSubmission).unwrap();
        assert_eq!(unit.date, date(2026, 3, 15));
        let dept = plan.deadline(fin, Event::DepartmentSubmission).unwrap();
        assert_eq!(dept.date, date(2026, 4, 1));
    }

    #[test]
    fn ii_4_b_and_ii_3_final_meeting_and_period_end() {
        let plan = sample_plan();
        let fin = plan.final_review();
        let meeting = plan.deadline(fin, Event::FinalMeeting).unwrap();
        assert_eq!(
            (meeting.last_day(), meeting.clause.as_str()),
            (date(2025, 12, 31), "II.4.b")
        );
        let end = plan.deadline(fin, Event::PeriodEnd).unwrap();
        assert_eq!(
            (end.last_day(), end.clause.as_str()),
            (date(2025, 12, 31), "II.3")
        );
    }

    #[test]
    fn iv_3_status_against_the_last_day() {
        let plan = sample_plan();
        let unit = plan
            .deadline(Review::Annual(2023), Event::UnitSubmission)
            .unwrap();
        let s = state(unit, date(2024, 3, 1));
        assert_eq!((s.status, s.days_left), (DeadlineStatus::Upcoming, 13));
        let s = state(unit, date(2024, 3, 14));
        assert_eq!((s.status, s.days_left), (DeadlineStatus::DueToday, 0));
        let s = state(unit, date(2024, 3, 15));
        assert_eq!((s.status, s.days_left), (DeadlineStatus::Passed, -1));
    }

    #[test]
    fn iv_3_weekend_last_days_are_noted() {
        let plan = sample_plan();
        // 15/3/2026 is a Sunday: the last day, 14/3, is a Saturday.
        let unit = plan
            .deadline(plan.final_review(), Event::UnitSubmission)
            .unwrap();
        let s = state(unit, date(2026, 1, 1));
        assert_eq!(s.weekend_note, Some(date(2026, 3, 13)));
        // 15/3/2025 is a Saturday: the last day, 14/3, is a Friday.
        let unit = plan
            .deadline(Review::Annual(2024), Event::UnitSubmission)
            .unwrap();
        assert_eq!(state(unit, date(2025, 1, 1)).weekend_note, None);
        assert!(is_weekend(unit.date));
    }
}
