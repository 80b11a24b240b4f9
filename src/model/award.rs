//! An award actually granted by a decision (awards.csv): the history the
//! final review needs.

use chrono::NaiveDate;

use crate::model::{Source, Subject};
use crate::plan::AwardKind;
use crate::review::Review;

/// One row of awards.csv.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrantedAward {
    /// The review it was granted for: the period of the achievement the
    /// decision names (may predate the plan); none when the row leaves it
    /// empty.
    pub review: Option<Review>,
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
    /// Whether the decision was revoked (annulled), and since when if the
    /// row says.
    pub revoked: Option<Option<NaiveDate>>,
    /// Where the row is.
    pub source: Source,
}
