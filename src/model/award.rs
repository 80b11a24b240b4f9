//! An award actually granted by a decision (awards.csv): the history the
//! final review needs.

use chrono::NaiveDate;

use crate::model::{Source, Subject};
use crate::plan::AwardKind;
use crate::review::Review;

/// One row of awards.csv.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrantedAward {
    /// The review it was granted for; may predate the plan.
    pub review: Review,
    /// Who received it.
    pub subject: Subject,
    /// Bằng khen or Giấy khen.
    pub award: AwardKind,
    /// Its field (`cchc`, ...), folded to lower case.
    pub field: String,
    /// The decision's number, if given.
    pub decision: Option<String>,
    /// The decision's date, if given.
    pub date: Option<NaiveDate>,
    /// Where the row is.
    pub source: Source,
}
