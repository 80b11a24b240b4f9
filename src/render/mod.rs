//! Renderers: results as tables for people, and CSV and JSON for scripts.
//!
//! Tables follow the language (`--lang`); CSV and JSON keep English column
//! names and stable codes whatever the language, and only their free-text
//! `message` fields follow it. Renderers return strings: writing them out is
//! the caller's business.

pub mod check;
pub mod deadlines;
pub mod documents;
pub mod explain;
pub mod export;
pub mod ics;
pub mod labels;
pub mod publish;
pub mod summary;
pub mod table;
pub mod validate;
pub mod warnings;

/// An output format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// A table for people.
    #[default]
    Table,
    /// CSV for scripts.
    Csv,
    /// JSON for scripts.
    Json,
}

/// Options every renderer takes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    /// Language of the text.
    pub lang: crate::Lang,
    /// Whether to colour tables (a terminal, and no `NO_COLOR`).
    pub color: bool,
    /// Whether output goes to a terminal: tables then fit its width;
    /// otherwise they keep a fixed layout, the same on every machine.
    pub terminal: bool,
}

/// CSV written field by field into one string, quoted as the csv crate
/// quotes (only what needs it): for outputs of a hundred thousand rows.
/// The bytes that make a CSV field need quotes.
const SPECIAL: [bool; 256] = {
    let mut special = [false; 256];
    special[b',' as usize] = true;
    special[b'"' as usize] = true;
    special[b'\n' as usize] = true;
    special[b'\r' as usize] = true;
    special
};

pub(crate) struct CsvLines {
    out: String,
    first: bool,
}

impl CsvLines {
    /// An empty output with room for `bytes`.
    pub(crate) fn with_capacity(bytes: usize) -> Self {
        CsvLines {
            out: String::with_capacity(bytes),
            first: true,
        }
    }

    fn separate(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
    }

    /// A text field, quoted when it holds the delimiter, a quote or a line
    /// break.
    pub(crate) fn field(&mut self, text: &str) {
        self.separate();
        if text.bytes().any(|b| SPECIAL[usize::from(b)]) {
            self.out.push('"');
            self.out.push_str(&text.replace('"', "\"\""));
            self.out.push('"');
        } else {
            self.out.push_str(text);
        }
    }

    /// A field that is one of the tool's own codes (a review, a kind, a
    /// status, an award): never quoted, so not looked at.
    pub(crate) fn code(&mut self, code: &str) {
        debug_assert!(!code.bytes().any(|b| SPECIAL[usize::from(b)]));
        self.separate();
        self.out.push_str(code);
    }

    /// A whole number, or an empty field.
    pub(crate) fn number(&mut self, n: Option<u64>) {
        self.separate();
        if let Some(n) = n {
            self.out.push_str(itoa::Buffer::new().format(n));
        }
    }

    /// A score, as its `Display` writes it, without a string of its own.
    pub(crate) fn score(&mut self, score: crate::model::Score) {
        self.separate();
        let (whole, frac, digits) = score.parts();
        let mut buffer = itoa::Buffer::new();
        self.out.push_str(buffer.format(whole));
        if digits > 0 {
            // The decimals, zero-padded to `digits` (at most three).
            self.out.push('.');
            for k in (0..digits as u32).rev() {
                let digit = frac / 10u32.pow(k) % 10;
                self.out.push(char::from(b'0' + digit as u8));
            }
        }
    }

    /// Ends the row.
    pub(crate) fn end(&mut self) {
        self.out.push('\n');
        self.first = true;
    }

    /// The text.
    pub(crate) fn finish(self) -> String {
        self.out
    }

    /// The text written so far.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.out.as_bytes()
    }

    /// Bytes written so far.
    pub(crate) fn len(&self) -> usize {
        self.out.len()
    }

    /// Forgets the rows written so far.
    pub(crate) fn clear(&mut self) {
        self.out.clear();
    }
}

/// Writes CSV rows to a string. Values are plain text: the csv writer
/// quotes what needs quoting.
pub(crate) fn csv_string(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Pretty JSON with a final newline.
pub(crate) fn json_string(value: &serde_json::Value) -> String {
    let mut out = serde_json::to_string_pretty(value).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Score;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        let mut out = CsvLines::with_capacity(0);
        for text in ["Nguyễn Văn An", "a,b", "say \"hi\"", "two\nlines", ""] {
            out.field(text);
        }
        out.end();
        assert_eq!(
            out.finish(),
            "Nguyễn Văn An,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\n"
        );
    }

    proptest::proptest! {
        /// Any score is written as it is displayed.
        #[test]
        fn any_score_is_written_as_displayed(milli in proptest::prelude::any::<u32>()) {
            let mut out = CsvLines::with_capacity(0);
            out.score(Score(milli));
            proptest::prop_assert_eq!(out.finish(), Score(milli).to_string());
        }

        /// A row of text fields is what the csv crate writes.
        #[test]
        fn fields_are_written_as_the_csv_crate_writes_them(
            fields in proptest::collection::vec("[a-zđ ,\"\r\n]{0,6}", 1..5),
        ) {
            let mut out = CsvLines::with_capacity(0);
            for field in &fields {
                out.field(field);
            }
            out.end();
            let mut writer = csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .quote_style(csv::QuoteStyle::Necessary)
                .from_writer(Vec::new());
            writer.write_record(&fields).expect("in memory");
            let expected = String::from_utf8(writer.into_inner().expect("in memory")).expect("UTF-8");
            // The csv crate quotes a lone empty field (a blank line would
            // read as no record); rows here always have other fields.
            proptest::prop_assume!(!(fields.len() == 1 && fields[0].is_empty()));
            proptest::prop_assert_eq!(out.finish(), expected);
        }
    }

    #[test]
    fn csv_scores_are_written_as_displayed() {
        for milli in [0, 7, 50, 125, 9050, 9500, 16_900, 8000, u32::MAX] {
            let mut out = CsvLines::with_capacity(0);
            out.score(Score(milli));
            assert_eq!(out.finish(), Score(milli).to_string(), "{milli}");
        }
    }
}
