//! Reviews (đợt xét): an annual review is a year (`2023`), the final review is
//! the whole period (`2021-2025`).
//!
//! A [`Review`] is only a label; whether the plan holds it is the plan's
//! business ([`crate::plan::Plan::review`]). Awards granted under earlier plans
//! carry reviews outside it, and that is fine for history.

use std::fmt;
use std::str::FromStr;

/// An annual review (a year) or a review of a whole period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Review {
    /// The annual review of one year.
    Annual(i32),
    /// The final review (tổng kết) of a period, first and last year.
    Final(i32, i32),
}

/// Whether a review is annual or final, which decides the criteria and
/// quotas that apply (III.1.b, III.2.a, III.2.b).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReviewType {
    /// Annual review (xét khen thưởng hàng năm, III.2.a).
    Annual,
    /// Final review of the period (tổng kết giai đoạn, III.2.b).
    Final,
}

impl Review {
    /// Annual or final.
    pub fn review_type(self) -> ReviewType {
        match self {
            Review::Annual(_) => ReviewType::Annual,
            Review::Final(..) => ReviewType::Final,
        }
    }

    /// The stable text of the review: `2023` or `2021-2025`.
    pub fn code(self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Review {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Review::Annual(year) => write!(f, "{year}"),
            Review::Final(first, last) => write!(f, "{first}-{last}"),
        }
    }
}

/// Why a text is not a review.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a review: {0:?} (expected a year such as 2023 or a period such as 2021-2025)")]
pub struct NotAReview(pub String);

impl FromStr for Review {
    type Err = NotAReview;

    /// Reads `2023`, `2021-2025`, `2021–2025` (en dash) or `2021 - 2025`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || NotAReview(text.to_string());
        let trimmed = text.trim();
        let year = |s: &str| -> Option<i32> {
            match s.trim().as_bytes() {
                &[a, b, c, d] if [a, b, c, d].iter().all(u8::is_ascii_digit) => Some(
                    [a, b, c, d]
                        .iter()
                        .fold(0, |n, digit| n * 10 + i32::from(digit - b'0')),
                ),
                _ => None,
            }
        };
        if let Some(y) = year(trimmed) {
            return Ok(Review::Annual(y));
        }
        let (first, last) = trimmed.split_once(['-', '–', '—']).ok_or_else(bad)?;
        match (year(first), year(last)) {
            (Some(a), Some(b)) if a < b => Ok(Review::Final(a, b)),
            _ => Err(bad()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_years_and_periods() {
        assert_eq!("2023".parse(), Ok(Review::Annual(2023)));
        assert_eq!(" 2021-2025 ".parse(), Ok(Review::Final(2021, 2025)));
        assert_eq!("2021–2025".parse(), Ok(Review::Final(2021, 2025)));
        assert_eq!("2021 - 2025".parse(), Ok(Review::Final(2021, 2025)));
        assert!("2025-2021".parse::<Review>().is_err());
        assert!("23".parse::<Review>().is_err());
        assert!("năm 2023".parse::<Review>().is_err());
        assert!("+202".parse::<Review>().is_err());
    }

    #[test]
    fn displays_its_code() {
        assert_eq!(Review::Final(2021, 2025).to_string(), "2021-2025");
        assert_eq!(Review::Annual(2023).code(), "2023");
    }
}
