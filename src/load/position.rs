//! Byte offsets to `line:column` and a snippet, for TOML files.

use std::ops::Range;

use crate::diag::{Diagnostic, Problem, Severity, Snippet};
use crate::load::source::TextFile;

/// A diagnostic located at a byte span of a file.
pub fn at_span(file: &TextFile, span: Range<usize>, problem: Problem) -> Diagnostic {
    let text = &file.text;
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
    let line_start = text[..start].rfind('\n').map_or(0, |p| p + 1);
    let line_end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |p| start + p);
    let line = text[..start].matches('\n').count() + 1;
    let column = text[line_start..start].chars().count();
    let width = text[start..end.min(line_end).max(start)]
        .chars()
        .count()
        .max(1);
    Diagnostic {
        severity: Severity::Error,
        file: Some(file.shown.clone()),
        line: u32::try_from(line).ok(),
        column: u32::try_from(column + 1).ok(),
        field: None,
        snippet: Some(Snippet {
            text: text[line_start..line_end].to_string(),
            start: column,
            width,
        }),
        sheet: None,
        cell: None,
        problem,
        deferred: None,
    }
}

/// The line (from 1) of a byte offset.
pub fn line_of(text: &str, byte: usize) -> u32 {
    let byte = byte.min(text.len());
    let newlines = memchr::memchr_iter(b'\n', &text.as_bytes()[..byte]).count();
    u32::try_from(newlines + 1).unwrap_or(u32::MAX)
}

/// Line numbers of many offsets of one text, each found in time
/// proportional to the distance from the one asked before.
pub struct Lines<'t> {
    text: &'t [u8],
    at: usize,
    line: u32,
}

impl<'t> Lines<'t> {
    /// Lines of a text.
    pub fn new(text: &'t str) -> Self {
        Lines {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line (from 1) of a byte offset.
    pub fn line(&mut self, byte: usize) -> u32 {
        let byte = byte.min(self.text.len());
        if byte < self.at {
            self.at = 0;
            self.line = 1;
        }
        let newlines = memchr::memchr_iter(b'\n', &self.text[self.at..byte]).count();
        self.line = self
            .line
            .saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
        self.at = byte;
        self.line
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_many_offsets() {
        let text = "a\nbb\nccc\n";
        let mut lines = Lines::new(text);
        assert_eq!(
            [lines.line(0), lines.line(2), lines.line(5), lines.line(3)],
            [1, 2, 3, 2]
        );
        assert_eq!(line_of(text, 5), 3);
    }

    #[test]
    fn spans_become_line_and_column() {
        let f = TextFile {
            shown: "plan.toml".into(),
            text: "[plan]\nname = \"Kế hoạch\"\nx = 1\n".into(),
        };
        let at = f.text.find("1").unwrap();
        let d = at_span(
            &f,
            at..at + 1,
            Problem::Toml {
                message: String::new(),
            },
        );
        assert_eq!((d.line, d.column), (Some(3), Some(5)));
        let at = f.text.find("\"Kế").unwrap();
        let d = at_span(
            &f,
            at..at + "\"Kế hoạch\"".len(),
            Problem::Toml {
                message: String::new(),
            },
        );
        assert_eq!((d.line, d.column), (Some(2), Some(8)));
        assert_eq!(d.snippet.unwrap().width, 10);
    }
}
