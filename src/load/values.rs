//! Cell values: dates, results, counts. Each parser says exactly what it
//! refuses, so the loader can say what was expected.

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Problem};
use crate::load::csv_table::Row;
use crate::text::fold;

/// Reads `YYYY-MM-DD` or `D/M/YYYY` (Vietnamese order: day first). A
/// day/month order that can only be month/day is refused with its own
/// message, never swapped silently.
pub fn date(text: &str) -> Result<NaiveDate, Problem> {
    let value = crate::text::trim(text);
    // The usual form, YYYY-MM-DD, read without splitting.
    if let &[y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = value.as_bytes() {
        let digits = [y1, y2, y3, y4, m1, m2, d1, d2];
        if digits.iter().all(u8::is_ascii_digit) {
            let n = |ds: &[u8]| ds.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
            let year = i32::try_from(n(&digits[..4])).unwrap_or(0);
            if year >= 1000 {
                return NaiveDate::from_ymd_opt(year, n(&digits[4..6]), n(&digits[6..]))
                    .ok_or_else(|| Problem::ImpossibleDate {
                        value: value.to_string(),
                    });
            }
        }
    }
    let bad = || Problem::BadDate {
        value: value.to_string(),
    };
    let number = |s: &str, max_len: usize| -> Option<u32> {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (year, month, day) = if value.contains('/') {
        let mut parts = value.split('/');
        let (Some(d), Some(m), Some(y), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let (Some(d), Some(m), Some(y)) = (number(d, 2), number(m, 2), number(y, 4)) else {
            return Err(bad());
        };
        if y < 1000 {
            return Err(bad());
        }
        if m > 12 && (1..=12).contains(&d) {
            return Err(Problem::MonthFirstDate {
                value: value.to_string(),
            });
        }
        (y, m, d)
    } else {
        let mut parts = value.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let (Some(y), Some(m), Some(d)) = (number(y, 4), number(m, 2), number(d, 2)) else {
            return Err(bad());
        };
        if y < 1000 {
            return Err(bad());
        }
        (y, m, d)
    };
    let year = i32::try_from(year).map_err(|_| bad())?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| Problem::ImpossibleDate {
        value: value.to_string(),
    })
}

/// Reads a result: `Some(true)` met, `Some(false)` not met, `None` not yet
/// assessed (empty).
pub fn result(text: &str) -> Result<Option<bool>, Problem> {
    match text {
        "" => return Ok(None),
        "đạt" | "Đạt" | "x" | "X" | "1" => return Ok(Some(true)),
        "không đạt" | "Không đạt" | "0" => return Ok(Some(false)),
        _ => {}
    }
    match fold(text).as_str() {
        "dat" | "x" | "yes" | "y" | "true" | "co" | "1" => Ok(Some(true)),
        "khongdat" | "no" | "n" | "false" | "khong" | "0" => Ok(Some(false)),
        _ => Err(Problem::BadResult {
            value: text.to_string(),
        }),
    }
}

/// Reads a whole, non-negative number of votes.
#[inline]
pub fn count(text: &str) -> Result<u32, Problem> {
    // A council's votes: a few digits, which cannot overflow.
    let bytes = text.as_bytes();
    if (1..=9).contains(&bytes.len()) && bytes.iter().all(u8::is_ascii_digit) {
        return Ok(bytes.iter().fold(0, |n, b| n * 10 + u32::from(b - b'0')));
    }
    count_any(text)
}

fn count_any(text: &str) -> Result<u32, Problem> {
    let bad = || Problem::BadCount {
        value: text.to_string(),
    };
    if text.is_empty() {
        return Err(bad());
    }
    text.bytes().try_fold(0u32, |n, b| {
        let digit = b.checked_sub(b'0').filter(|d| *d <= 9).ok_or_else(bad)?;
        n.checked_mul(10)
            .and_then(|n| n.checked_add(u32::from(digit)))
            .ok_or_else(bad)
    })
}

/// The optional date of a row's cell: `Ok(None)` when empty, the day when
/// it reads as one, and otherwise `Err` with the problem told at the cell
/// (the error carries nothing: what went wrong is in `problems`).
#[allow(clippy::result_unit_err)]
pub fn date_cell(
    row: &Row<'_>,
    column: usize,
    problems: &mut Vec<Diagnostic>,
) -> Result<Option<NaiveDate>, ()> {
    let text = row.raw(column);
    if text.is_empty() {
        return Ok(None);
    }
    date(text)
        .map(Some)
        .map_err(|p| problems.push(row.error(column, p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_both_orders() {
        assert_eq!(date("2024-03-15"), Ok(d(2024, 3, 15)));
        assert_eq!(date("15/03/2024"), Ok(d(2024, 3, 15)));
        assert_eq!(date("5/3/2024"), Ok(d(2024, 3, 5)));
        assert_eq!(date(" 2024-3-5 "), Ok(d(2024, 3, 5)));
    }

    #[test]
    fn never_month_first() {
        assert!(matches!(
            date("03/25/2024"),
            Err(Problem::MonthFirstDate { .. })
        ));
        // 03/04/2024 is the 3rd of April, never March 4th.
        assert_eq!(date("03/04/2024"), Ok(d(2024, 4, 3)));
    }

    #[test]
    fn impossible_and_malformed_dates() {
        assert!(matches!(
            date("31/02/2024"),
            Err(Problem::ImpossibleDate { .. })
        ));
        assert!(matches!(
            date("2023-02-29"),
            Err(Problem::ImpossibleDate { .. })
        ));
        assert_eq!(date("29/02/2024"), Ok(d(2024, 2, 29)));
        for bad in [
            "",
            "15/03",
            "15-03-2024",
            "2024/03/15",
            "15/03/24",
            "hôm qua",
            "2024-03-15T00:00",
            "1/1/0099",
        ] {
            assert!(matches!(date(bad), Err(Problem::BadDate { .. })), "{bad}");
        }
    }

    #[test]
    fn results_in_vietnamese_and_english() {
        for met in ["đạt", "Đạt", "DAT", "x", "yes", "1", "true"] {
            assert_eq!(result(met), Ok(Some(true)), "{met}");
        }
        for not_met in ["không đạt", "khong dat", "no", "0", "false", "KHÔNG ĐẠT"] {
            assert_eq!(result(not_met), Ok(Some(false)), "{not_met}");
        }
        assert_eq!(result(""), Ok(None));
        assert!(result("tốt").is_err());
    }

    #[test]
    fn counts_are_whole_numbers() {
        assert_eq!(count("9"), Ok(9));
        assert_eq!(count("999999999"), Ok(999_999_999));
        assert_eq!(count("4294967295"), Ok(u32::MAX));
        for bad in ["-1", "9.5", "chín", "", "99999999999", "4294967296", " 9"] {
            assert!(count(bad).is_err(), "{bad}");
        }
    }

    proptest::proptest! {
        /// The short way reads what the general one reads.
        #[test]
        fn counts_read_as_the_general_reader(text in "[0-9a ]{0,12}") {
            proptest::prop_assert_eq!(count(&text), count_any(&text));
        }
    }
}
