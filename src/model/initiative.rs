//! Initiatives (sáng kiến): the recognised ones (initiatives.csv) and the
//! achievement rows that cite them (the `initiative` column).

use chrono::NaiveDate;
use compact_str::CompactString;

use crate::model::{Source, Subject};
use crate::review::Review;

/// One row of initiatives.csv: an initiative and the decision of the
/// competent body that recognised it (Luật TĐKT 2022, khoản 4 Điều 3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Initiative {
    /// Its id, as achievement rows cite it.
    pub id: CompactString,
    /// Its title.
    pub title: String,
    /// Who made it.
    pub authors: Vec<Subject>,
    /// The body that recognised it, if any.
    pub recognised_by: Option<String>,
    /// The decision that recognised it, if any.
    pub decision: Option<String>,
    /// The decision's date, if given.
    pub date: Option<NaiveDate>,
    /// Where the row is.
    pub source: Source,
}

impl Initiative {
    /// Whether a recognition decision is recorded.
    pub fn recognised(&self) -> bool {
        self.decision.is_some()
    }
}

/// An initiative cited by an achievement row: the result of `subject` in
/// `review` rests on it. Kept for every review whatever a command keeps
/// (few rows cite one), since a later review asks whether an earlier one
/// used it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// The review of the row.
    pub review: Review,
    /// Whose result it is.
    pub subject: Subject,
    /// The initiative's id, as written (trimmed, NFC).
    pub initiative: CompactString,
    /// Where the row is.
    pub source: Source,
}
