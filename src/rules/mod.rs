//! The plan's rules, as pure functions.
//!
//! Nothing in this module reads a file, looks at the clock or prints: today's
//! date is an argument, and every result is a value the renderers show. Each
//! rule is in the file named after what it decides:
//!
//! | clause | rule | file |
//! |---|---|---|
//! | II.1, III.2.a, III.2.b | which criteria apply to which subject | [`applicability`] |
//! | contract §4 | who the candidates of a review are | [`candidates`] |
//! | III.2.a, III.2.b | eligibility, and what is missing | [`eligibility`] |
//! | III.2.b | award history and its two tiers | [`history`] |
//! | IV.1 | the council's vote: share and optional threshold | [`votes`] |
//! | IV.1 | ranking among the eligible | [`ranking`] |
//! | III.1.b | allocation within quotas, higher award first; ties at the line | [`allocation`] |
//! | IV.2, IV.3 | dossier completeness and lateness | [`dossier`] |
//! | VI.1 | registration for the movement (information only) | [`registrations`] |
//! | CN1; Luật 2022 k4 Đ3; CV 5007 III.5.c | initiatives recognised, each used once | [`initiatives`] |
//! | IV.3, II.3, II.4.b | deadline status and weekends | [`deadlines`] |
//!
//! [`evaluate`] puts them together for one review.

pub mod allocation;
pub mod applicability;
pub mod candidates;
pub mod deadlines;
pub mod dossier;
pub mod eligibility;
pub mod evaluate;
pub mod history;
pub mod initiatives;
pub mod ranking;
pub mod registrations;
pub mod votes;
pub mod warning;

pub use evaluate::{CandidateResult, Decided, QuotaUse, ReviewReport, Status, decide, evaluate};
pub use warning::{Warning, WarningCode, WarningDetail};

#[cfg(test)]
pub(crate) mod tests {
    //! Helpers for the rules' tests: the shipped plan, and dates.

    use chrono::NaiveDate;

    use crate::plan::Plan;

    /// The plan shipped in `data/plan.toml`.
    pub fn sample_plan() -> Plan {
        match crate::load::plan_from_str(crate::load::BUILTIN_PLAN, "plan.toml") {
            Ok(plan) => plan,
            Err(diags) => panic!("the shipped plan does not load: {diags:?}"),
        }
    }

    /// A date.
    pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid test date")
    }
}
