//! Warnings of a review: things the clerk or the council must act on, which
//! do not change who is eligible.

use chrono::NaiveDate;

use crate::model::{Document, Subject};
use crate::plan::{AwardKind, Event};

/// The stable code of a warning, as CSV and JSON write it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WarningCode {
    /// The dossier lacks one of the three documents of IV.2.
    DossierIncomplete,
    /// The dossier was received on or after the deadline (IV.3).
    DossierLate,
    /// The deadline has passed and no dossier was received (IV.3).
    DossierMissing,
    /// A deadline is near and something is still incomplete (IV.3).
    DeadlineNear,
    /// Two candidates level on vote and score fall across a quota line.
    TieAtCutoff,
    /// A proposed candidate has no recorded council vote (IV.1).
    NotVoted,
    /// A candidate did not register for the review (VI.1): information
    /// only, never a reason to exclude (Luật TĐKT 2022, Điều 7).
    NotRegistered,
    /// A cited initiative already grounded an award of the same subject in
    /// an earlier review (Công văn 5007/BNV-TĐKT, III.5.c).
    InitiativeReused,
    /// A cited initiative is unknown or has no recognition decision (Luật
    /// TĐKT 2022, khoản 4 Điều 3).
    InitiativeUnrecognised,
}

impl WarningCode {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            WarningCode::DossierIncomplete => "dossier_incomplete",
            WarningCode::DossierLate => "dossier_late",
            WarningCode::DossierMissing => "dossier_missing",
            WarningCode::DeadlineNear => "deadline_near",
            WarningCode::TieAtCutoff => "tie_at_cutoff",
            WarningCode::NotVoted => "not_voted",
            WarningCode::NotRegistered => "not_registered",
            WarningCode::InitiativeReused => "initiative_reused",
            WarningCode::InitiativeUnrecognised => "initiative_unrecognised",
        }
    }
}

/// What is still pending as a deadline nears.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// One nominee's dossier: not received, or lacking documents.
    Dossier {
        /// Whether the dossier has reached the council.
        received: bool,
        /// The documents it lacks.
        missing: Vec<Document>,
    },
    /// The review as a whole, before the Department's submission.
    Review {
        /// Nominees whose dossier is not received or not complete.
        incomplete: u32,
        /// Nominees the council has not voted on.
        unvoted: u32,
    },
}

/// The facts behind a warning, from which renderers write its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WarningDetail {
    /// See [`WarningCode::DossierIncomplete`].
    DossierIncomplete {
        /// The documents it lacks.
        missing: Vec<Document>,
    },
    /// See [`WarningCode::DossierLate`].
    DossierLate {
        /// When it was received.
        received: NaiveDate,
        /// The plan's date.
        deadline: NaiveDate,
        /// The last day that met it.
        last_day: NaiveDate,
    },
    /// See [`WarningCode::DossierMissing`].
    DossierMissing {
        /// The plan's date.
        deadline: NaiveDate,
        /// The last day that met it.
        last_day: NaiveDate,
    },
    /// See [`WarningCode::DeadlineNear`].
    DeadlineNear {
        /// Which deadline.
        event: Event,
        /// The plan's date.
        deadline: NaiveDate,
        /// The last day that meets it.
        last_day: NaiveDate,
        /// Days from today to the last day (0 = today).
        days_left: i64,
        /// What is still pending.
        pending: Pending,
    },
    /// See [`WarningCode::TieAtCutoff`].
    TieAtCutoff {
        /// The award whose line it is.
        award: AwardKind,
        /// The candidate given the award ([`Warning::subject`] is the one
        /// left out).
        given: Subject,
    },
    /// See [`WarningCode::NotVoted`].
    NotVoted,
    /// See [`WarningCode::NotRegistered`].
    NotRegistered,
    /// See [`WarningCode::InitiativeReused`].
    InitiativeReused {
        /// The initiative's id.
        initiative: String,
        /// The earlier review it grounded an award in.
        review: crate::review::Review,
        /// That award.
        award: AwardKind,
        /// Its decision, if recorded.
        decision: Option<String>,
    },
    /// See [`WarningCode::InitiativeUnrecognised`].
    InitiativeUnrecognised {
        /// The initiative's id.
        initiative: String,
        /// Whether initiatives.csv has it (then without a decision).
        recorded: bool,
    },
}

/// A warning, about one subject or about the whole review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The subject it is about; `None` for the whole review.
    pub subject: Option<Subject>,
    /// What it says.
    pub detail: WarningDetail,
}

impl Warning {
    /// Its stable code.
    pub fn code(&self) -> WarningCode {
        match self.detail {
            WarningDetail::DossierIncomplete { .. } => WarningCode::DossierIncomplete,
            WarningDetail::DossierLate { .. } => WarningCode::DossierLate,
            WarningDetail::DossierMissing { .. } => WarningCode::DossierMissing,
            WarningDetail::DeadlineNear { .. } => WarningCode::DeadlineNear,
            WarningDetail::TieAtCutoff { .. } => WarningCode::TieAtCutoff,
            WarningDetail::NotVoted => WarningCode::NotVoted,
            WarningDetail::NotRegistered => WarningCode::NotRegistered,
            WarningDetail::InitiativeReused { .. } => WarningCode::InitiativeReused,
            WarningDetail::InitiativeUnrecognised { .. } => WarningCode::InitiativeUnrecognised,
        }
    }
}
