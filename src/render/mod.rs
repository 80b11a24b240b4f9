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
    /// The width, in columns, that tables and text fit: `COLUMNS`, or the
    /// terminal's. `None` (a pipe) keeps the full layout, the same on every
    /// machine.
    pub width: Option<usize>,
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
