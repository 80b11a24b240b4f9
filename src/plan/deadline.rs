//! Deadlines of the plan (IV.3, II.3, II.4.b).

use chrono::NaiveDate;

use crate::review::Review;

/// What a deadline is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Event {
    /// Units send their dossiers to the council, via Văn phòng Sở.
    UnitSubmission,
    /// The Department sends its proposals to the province.
    DepartmentSubmission,
    /// The final review meeting (tổng kết), II.4.b.
    FinalMeeting,
    /// The last day of the movement, II.3.
    PeriodEnd,
}

impl Event {
    /// Every event, in the order of a year.
    pub const ALL: [Event; 4] = [
        Event::UnitSubmission,
        Event::DepartmentSubmission,
        Event::FinalMeeting,
        Event::PeriodEnd,
    ];

    /// The stable code used in plan.toml and in CSV/JSON output.
    pub fn code(self) -> &'static str {
        match self {
            Event::UnitSubmission => "unit_submission",
            Event::DepartmentSubmission => "department_submission",
            Event::FinalMeeting => "final_meeting",
            Event::PeriodEnd => "period_end",
        }
    }

    /// Reads a code.
    pub fn parse(code: &str) -> Option<Event> {
        Event::ALL.into_iter().find(|e| e.code() == code)
    }
}

/// One dated deadline of one review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    /// The review it belongs to.
    pub review: Review,
    /// What it is for.
    pub event: Event,
    /// The date the plan writes.
    pub date: NaiveDate,
    /// Whether the plan's date is itself too late ("trước ngày", before).
    pub exclusive: bool,
    /// The clause that sets it.
    pub clause: String,
}

impl Deadline {
    /// The last day that still meets the deadline: the day before the plan's
    /// date when "before" is exclusive, the date itself otherwise.
    pub fn last_day(&self) -> NaiveDate {
        if self.exclusive {
            self.date.pred_opt().unwrap_or(self.date)
        } else {
            self.date
        }
    }

    /// Whether something that happened on `day` met the deadline.
    pub fn is_met_by(&self, day: NaiveDate) -> bool {
        day <= self.last_day()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn iv_3_before_is_exclusive() {
        let deadline = Deadline {
            review: Review::Annual(2023),
            event: Event::UnitSubmission,
            date: d(2024, 3, 15),
            exclusive: true,
            clause: "IV.3".into(),
        };
        assert_eq!(deadline.last_day(), d(2024, 3, 14));
        assert!(deadline.is_met_by(d(2024, 3, 14)));
        assert!(!deadline.is_met_by(d(2024, 3, 15)));
    }

    #[test]
    fn ii_3_until_is_inclusive() {
        let deadline = Deadline {
            review: Review::Final(2021, 2025),
            event: Event::PeriodEnd,
            date: d(2025, 12, 31),
            exclusive: false,
            clause: "II.3".into(),
        };
        assert_eq!(deadline.last_day(), d(2025, 12, 31));
    }
}
