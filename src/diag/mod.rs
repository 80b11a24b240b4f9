//! Diagnostics: what is wrong with the data, where, and how to fix it.
//!
//! A [`Diagnostic`] names the file, the line and the column, keeps the
//! offending line to show it with a marker under the value, and carries a
//! [`Problem`] that knows its message, what was expected and a hint, in
//! Vietnamese and in English. [`report`] renders a list of them the way
//! hledger does.

pub mod problem;
pub mod report;

use std::path::PathBuf;

pub use problem::Problem;

/// Errors stop a run; warnings are shown and the run goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The data cannot be used as it is.
    Error,
    /// The data was used, but something deserves a look.
    Warning,
}

/// The offending line, and where on it the value is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The line, as read (after decoding).
    pub text: String,
    /// Character index of the value's start on the line.
    pub start: usize,
    /// The value's width in characters (at least 1).
    pub width: usize,
}

/// One problem, located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as the user would name it (`data/people.csv`).
    pub file: Option<PathBuf>,
    /// Line, from 1.
    pub line: Option<u32>,
    /// Column (character), from 1.
    pub column: Option<u32>,
    /// The column's header as the file writes it, for CSV values.
    pub field: Option<String>,
    /// The offending line.
    pub snippet: Option<Snippet>,
    /// For a workbook: the sheet (`file` is then the workbook).
    pub sheet: Option<String>,
    /// For a workbook: the cell, as Excel names it (`D14`).
    pub cell: Option<String>,
    /// What is wrong.
    pub problem: Problem,
    /// The review of the row, when an error of it is shown as a warning
    /// because the command judges another review (`check 2023` and a bad
    /// row of 2021): it is to be fixed before that review is judged.
    pub deferred: Option<String>,
}

impl Diagnostic {
    /// An error about a whole file (or about no file at all).
    pub fn error(file: Option<PathBuf>, problem: Problem) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file,
            line: None,
            column: None,
            field: None,
            snippet: None,
            sheet: None,
            cell: None,
            problem,
            deferred: None,
        }
    }

    /// The same diagnostic as a warning.
    pub fn warning(self) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..self
        }
    }

    /// The diagnostic as `validate` shows it: an error of a row of another
    /// review, which a command about one review shows as a warning, is an
    /// error again.
    pub fn undeferred(&self) -> Diagnostic {
        let mut d = self.clone();
        if d.deferred.take().is_some() {
            d.severity = Severity::Error;
        }
        d
    }

    /// Whether it stops the run.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The column's header as shown in a message: capped like every
    /// excerpt of the data.
    pub fn field_shown(&self) -> Option<String> {
        self.field
            .as_deref()
            .map(|f| problem::excerpt(f, problem::EXCERPT_CHARS).into_owned())
    }

    /// `file:line:column`, as far as known; for a workbook
    /// `book.xlsx[sheet]!D14`, as a clerk would look it up.
    pub fn location(&self) -> String {
        let mut out = self
            .file
            .as_ref()
            .map(|f| f.display().to_string())
            .unwrap_or_default();
        if let Some(sheet) = &self.sheet {
            out.push_str(&format!("[{sheet}]"));
            if let Some(cell) = &self.cell {
                out.push_str(&format!("!{cell}"));
            }
            return out;
        }
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
            if let Some(column) = self.column {
                out.push_str(&format!(":{column}"));
            }
        }
        out
    }
}
