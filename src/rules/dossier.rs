//! The dossier of a nomination (IV.2) and its deadline (IV.3).
//!
//! IV.2: a dossier holds a tờ trình, a biên bản họp xét and a báo cáo thành
//! tích; one missing is `dossier_incomplete`. IV.3: units send dossiers to the
//! council before 15/3 of the following year (before 15/3/2026 for the final
//! review). A dossier received on or after that date is `dossier_late`; none
//! received once the last day has passed is `dossier_missing`; within the
//! plan's warning window before a deadline, anything still incomplete is
//! `deadline_near`. These are warnings: the council decides what to do.

use chrono::NaiveDate;

use crate::model::Nomination;
use crate::plan::Deadline;
use crate::rules::warning::{Pending, WarningDetail};

/// The warnings of one nominee's dossier on `today`. `deadline` is the
/// review's unit submission deadline; `warn_days` the plan's window.
pub fn dossier_warnings(
    nomination: &Nomination,
    deadline: Option<&Deadline>,
    today: NaiveDate,
    warn_days: u32,
) -> Vec<WarningDetail> {
    let mut out = Vec::new();
    let missing = nomination.missing_documents();
    if !missing.is_empty() {
        out.push(WarningDetail::DossierIncomplete {
            missing: missing.clone(),
        });
    }
    let Some(deadline) = deadline else { return out };
    let last_day = deadline.last_day();
    match nomination.received {
        Some(received) if !deadline.is_met_by(received) => {
            out.push(WarningDetail::DossierLate {
                received,
                deadline: deadline.date,
                last_day,
            });
        }
        None if today > last_day => {
            out.push(WarningDetail::DossierMissing {
                deadline: deadline.date,
                last_day,
            });
        }
        _ => {}
    }
    let incomplete = nomination.received.is_none() || !missing.is_empty();
    if let Some(days_left) = near(deadline, today, warn_days)
        && incomplete
    {
        out.push(WarningDetail::DeadlineNear {
            event: deadline.event,
            deadline: deadline.date,
            last_day,
            days_left,
            pending: Pending::Dossier {
                received: nomination.received.is_some(),
                missing,
            },
        });
    }
    out
}

/// Days left when `today` is within the warning window before a deadline's
/// last day (0 = the last day itself).
pub fn near(deadline: &Deadline, today: NaiveDate, warn_days: u32) -> Option<i64> {
    let days_left = (deadline.last_day() - today).num_days();
    (0..i64::from(warn_days))
        .contains(&days_left)
        .then_some(days_left)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Review;
    use crate::model::{Document, Source, Subject};
    use crate::plan::Event;
    use crate::rules::Warning;
    use crate::rules::tests::{date, sample_plan};
    use crate::rules::warning::WarningCode;

    fn nomination(received: Option<NaiveDate>, docs: [bool; 3]) -> Nomination {
        Nomination {
            review: Review::Annual(2023),
            subject: Subject::Person(0),
            received,
            documents: docs,
            votes: None,
            source: Source::default(),
        }
    }

    fn codes(n: &Nomination, today: NaiveDate) -> Vec<&'static str> {
        let plan = sample_plan();
        let deadline = plan.deadline(Review::Annual(2023), Event::UnitSubmission);
        dossier_warnings(n, deadline, today, 14)
            .into_iter()
            .map(|detail| {
                Warning {
                    subject: None,
                    detail,
                }
                .code()
                .code()
            })
            .collect()
    }

    #[test]
    fn iv_2_a_dossier_needs_all_three_documents() {
        let n = nomination(Some(date(2024, 3, 1)), [true, false, true]);
        let plan = sample_plan();
        let deadline = plan.deadline(Review::Annual(2023), Event::UnitSubmission);
        let w = dossier_warnings(&n, deadline, date(2024, 6, 1), 14);
        assert_eq!(
            w,
            vec![WarningDetail::DossierIncomplete {
                missing: vec![Document::BienBan]
            }]
        );
        let complete = nomination(Some(date(2024, 3, 1)), [true; 3]);
        assert!(codes(&complete, date(2024, 6, 1)).is_empty());
    }

    #[test]
    fn iv_3_received_on_the_deadline_is_late() {
        let on_time = nomination(Some(date(2024, 3, 14)), [true; 3]);
        assert!(codes(&on_time, date(2024, 6, 1)).is_empty());
        let late = nomination(Some(date(2024, 3, 15)), [true; 3]);
        assert_eq!(codes(&late, date(2024, 6, 1)), ["dossier_late"]);
    }

    #[test]
    fn iv_3_not_received_after_the_last_day_is_missing() {
        let n = nomination(None, [false; 3]);
        assert_eq!(
            codes(&n, date(2024, 3, 15)),
            ["dossier_incomplete", "dossier_missing"]
        );
        // On the last day itself it is not yet missing, but near.
        assert_eq!(
            codes(&n, date(2024, 3, 14)),
            ["dossier_incomplete", "deadline_near"]
        );
    }

    #[test]
    fn iv_3_deadline_near_within_fourteen_days() {
        let n = nomination(None, [true; 3]);
        assert!(codes(&n, date(2024, 2, 29)).is_empty());
        assert_eq!(codes(&n, date(2024, 3, 1)), ["deadline_near"]);
        let done = nomination(Some(date(2024, 3, 2)), [true; 3]);
        assert!(codes(&done, date(2024, 3, 10)).is_empty());
        assert_eq!(
            Warning {
                subject: None,
                detail: dossier_warnings(
                    &n,
                    sample_plan().deadline(Review::Annual(2023), Event::UnitSubmission),
                    date(2024, 3, 10),
                    14
                )
                .remove(0)
            }
            .code(),
            WarningCode::DeadlineNear
        );
    }
}
