//! The council's points, kept exact.
//!
//! Scores are fixed-point thousandths so that a total never depends on the
//! order of addition, and `9,5` (a Vietnamese spreadsheet) equals `9.5`.

use std::fmt;

/// A non-negative score in thousandths of a point, up to 4,294,967.295
/// points (sums saturate there).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Score(pub u32);

/// The most decimals a score may have.
pub const SCORE_DECIMALS: usize = 3;

impl Score {
    /// Reads `8`, `9.5`, `9,5` or `9.125`. Refuses negatives, more than three
    /// decimals, thousands separators, and anything that is not a number.
    #[inline]
    pub fn parse(text: &str) -> Option<Score> {
        Score::parse_short(text.as_bytes()).or_else(|| Score::parse_any(text))
    }

    /// The shapes a council writes (up to three whole digits, then maybe a
    /// mark and up to three decimals, no space), read without trimming;
    /// `None` for anything else, which [`Score::parse_any`] reads.
    #[inline]
    fn parse_short(bytes: &[u8]) -> Option<Score> {
        let digit = |b: u8| b.is_ascii_digit().then(|| u32::from(b - b'0'));
        let mut whole = 0u32;
        let mut i = 0;
        while let Some(d) = bytes.get(i).copied().filter(|_| i < 3).and_then(digit) {
            whole = whole * 10 + d;
            i += 1;
        }
        if i == 0 {
            return None;
        }
        let milli = match bytes.get(i) {
            None => 0,
            Some(b'.' | b',') => {
                let decimals = &bytes[i + 1..];
                if decimals.is_empty() || decimals.len() > SCORE_DECIMALS {
                    return None;
                }
                let mut milli = 0u32;
                for &b in decimals {
                    milli = milli * 10 + digit(b)?;
                }
                milli * 10u32.pow((SCORE_DECIMALS - decimals.len()) as u32)
            }
            Some(_) => return None,
        };
        Some(Score(whole * 1000 + milli))
    }

    /// [`Score::parse`] for any text.
    fn parse_any(text: &str) -> Option<Score> {
        // One pass over the bytes: digits, at most one decimal mark, then
        // at most three digits.
        let (mut whole, mut whole_digits) = (0u64, 0usize);
        let (mut milli, mut frac_digits) = (0u32, 0usize);
        let mut mark = false;
        for b in crate::text::trim(text).bytes() {
            match b {
                b'0'..=b'9' if !mark => {
                    whole_digits += 1;
                    if whole_digits > 12 {
                        return None;
                    }
                    whole = whole * 10 + u64::from(b - b'0');
                }
                b'0'..=b'9' => {
                    frac_digits += 1;
                    if frac_digits > SCORE_DECIMALS {
                        return None;
                    }
                    milli = milli * 10 + u32::from(b - b'0');
                }
                b'.' | b',' if !mark => mark = true,
                _ => return None,
            }
        }
        // Some digit, and a decimal mark only before decimals.
        if frac_digits == 0 && (whole_digits == 0 || mark) {
            return None;
        }
        for _ in frac_digits..SCORE_DECIMALS {
            milli *= 10;
        }
        let whole = u32::try_from(whole).ok()?;
        whole.checked_mul(1000)?.checked_add(milli).map(Score)
    }

    /// The score as a floating-point number, for JSON.
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 1000.0
    }
}

impl std::ops::Add for Score {
    type Output = Score;

    /// The sum of two scores (saturating: totals are far below the limit).
    fn add(self, other: Score) -> Score {
        Score(self.0.saturating_add(other.0))
    }
}

impl Score {
    /// The whole points and the decimals without trailing zeros, with how
    /// many digits those decimals have (`9.05` is `(9, 5, 2)`).
    pub fn parts(self) -> (u32, u32, usize) {
        let (whole, mut frac) = (self.0 / 1000, self.0 % 1000);
        if frac == 0 {
            return (whole, 0, 0);
        }
        let mut digits = SCORE_DECIMALS;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        (whole, frac, digits)
    }
}

impl fmt::Display for Score {
    /// `9.5`, `8`, `9.125`: no trailing zeros, a dot for decimals.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.parts() {
            (whole, _, 0) => write!(f, "{whole}"),
            (whole, frac, digits) => write!(f, "{whole}.{frac:0digits$}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_decimal_marks() {
        assert_eq!(Score::parse("9.5"), Some(Score(9500)));
        assert_eq!(Score::parse("9,5"), Some(Score(9500)));
        assert_eq!(Score::parse("10"), Some(Score(10_000)));
        assert_eq!(Score::parse("0.125"), Some(Score(125)));
        assert_eq!(Score::parse(",5"), Some(Score(500)));
    }

    #[test]
    fn refuses_what_is_not_a_plain_number() {
        for bad in [
            "-1", "1.2345", "1.000,5", "abc", "", "1e3", "9.", "NaN", "1 000", "+3",
        ] {
            assert_eq!(Score::parse(bad), None, "{bad}");
        }
        assert_eq!(Score::parse("99999999999999999"), None);
        assert_eq!(Score::parse("4294967.295"), Some(Score(u32::MAX)));
        assert_eq!(Score::parse("4294967.296"), None);
    }

    /// The plain reading of a score, by splitting at the decimal mark: the
    /// one-pass reader must agree with it on any text.
    fn split_reading(text: &str) -> Option<Score> {
        let text = text.trim();
        let (whole, frac) = match text.find(['.', ',']) {
            Some(i) => (&text[..i], &text[i + 1..]),
            None => (text, ""),
        };
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() && frac.is_empty()
            || !digits(whole)
            || !digits(frac)
            || frac.len() > SCORE_DECIMALS
            || whole.len() > 12
            || (text.contains(['.', ',']) && frac.is_empty())
        {
            return None;
        }
        let whole: u32 = if whole.is_empty() {
            0
        } else {
            whole.parse().ok()?
        };
        let milli = format!("{frac:0<3}").parse::<u32>().ok()?;
        whole.checked_mul(1000)?.checked_add(milli).map(Score)
    }

    proptest::proptest! {
        #[test]
        fn reads_what_the_split_reading_reads(text in "[ 0-9.,x-]{0,16}") {
            proptest::prop_assert_eq!(Score::parse(&text), split_reading(&text));
        }

        #[test]
        fn reads_back_what_it_writes(milli: u32) {
            proptest::prop_assert_eq!(Score::parse(&Score(milli).to_string()), Some(Score(milli)));
        }
    }

    #[test]
    fn displays_without_trailing_zeros() {
        assert_eq!(Score(9500).to_string(), "9.5");
        assert_eq!(Score(8000).to_string(), "8");
        assert_eq!(Score(125).to_string(), "0.125");
        assert_eq!(Score(9050).to_string(), "9.05");
        assert_eq!(Score(7).to_string(), "0.007");
        assert_eq!(Score(0).to_string(), "0");
    }
}
