//! A registration for the emulation movement (registrations.csv, VI.1):
//! information for the council, never a condition of an award (Luật Thi
//! đua, khen thưởng 2022, Điều 7).

use chrono::NaiveDate;

use crate::model::{Source, Subject};
use crate::review::Review;

/// One row of registrations.csv.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Registration {
    /// The review (year) it registers for.
    pub review: Review,
    /// Who registered.
    pub subject: Subject,
    /// When, if given.
    pub date: Option<NaiveDate>,
    /// What was pledged, if written.
    pub pledge: Option<String>,
    /// Where the row is.
    pub source: Source,
}
