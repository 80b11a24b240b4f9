//! The language of human-facing output.
//!
//! Vietnamese is the default: the people who use the tool read it. English is
//! there for colleagues and for bug reports. Machine formats (CSV and JSON of
//! `check`, `deadlines`, `summary`) keep English column names and codes
//! whatever the language; only their free-text messages follow it.

use chrono::{Datelike, NaiveDate, Weekday};

/// A language of output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Vietnamese (default).
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Picks the Vietnamese or the English text.
    pub fn pick<T>(self, vi: T, en: T) -> T {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// A date as people of this language write it: `15/03/2024` in
    /// Vietnamese, `2024-03-15` in English.
    pub fn date(self, date: NaiveDate) -> String {
        match self {
            Lang::Vi => date.format("%d/%m/%Y").to_string(),
            Lang::En => date.format("%Y-%m-%d").to_string(),
        }
    }

    /// The name of a weekday.
    pub fn weekday(self, day: Weekday) -> &'static str {
        match (self, day) {
            (Lang::Vi, Weekday::Mon) => "Thứ hai",
            (Lang::Vi, Weekday::Tue) => "Thứ ba",
            (Lang::Vi, Weekday::Wed) => "Thứ tư",
            (Lang::Vi, Weekday::Thu) => "Thứ năm",
            (Lang::Vi, Weekday::Fri) => "Thứ sáu",
            (Lang::Vi, Weekday::Sat) => "Thứ bảy",
            (Lang::Vi, Weekday::Sun) => "Chủ nhật",
            (Lang::En, Weekday::Mon) => "Monday",
            (Lang::En, Weekday::Tue) => "Tuesday",
            (Lang::En, Weekday::Wed) => "Wednesday",
            (Lang::En, Weekday::Thu) => "Thursday",
            (Lang::En, Weekday::Fri) => "Friday",
            (Lang::En, Weekday::Sat) => "Saturday",
            (Lang::En, Weekday::Sun) => "Sunday",
        }
    }

    /// A date with its weekday, e.g. `Chủ nhật 15/03/2026`.
    pub fn date_with_weekday(self, date: NaiveDate) -> String {
        format!("{} {}", self.weekday(date.weekday()), self.date(date))
    }

    /// A decimal number as this language writes it: `9,5` in Vietnamese,
    /// `9.5` in English.
    pub fn decimal(self, text: &str) -> String {
        match self {
            Lang::Vi => text.replace('.', ","),
            Lang::En => text.to_string(),
        }
    }
}

/// A count and its English noun, singular for one: `1 dossier`,
/// `2 dossiers`.
pub fn en_count(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_the_language() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 15).unwrap();
        assert_eq!(Lang::Vi.date(d), "15/03/2026");
        assert_eq!(Lang::En.date(d), "2026-03-15");
        assert_eq!(Lang::Vi.date_with_weekday(d), "Chủ nhật 15/03/2026");
        assert_eq!(Lang::Vi.decimal("9.5"), "9,5");
    }

    #[test]
    fn english_counts_are_singular_for_one() {
        assert_eq!(en_count(1, "dossier", "dossiers"), "1 dossier");
        assert_eq!(en_count(0, "dossier", "dossiers"), "0 dossiers");
        assert_eq!(en_count(2, "dossier", "dossiers"), "2 dossiers");
    }
}
