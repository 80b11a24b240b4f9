//! `validate`: every problem of a data folder, for people or scripts.

use serde_json::{Value, json};

use crate::diag::report::{render_all, summary};
use crate::diag::{Diagnostic, Severity};
use crate::lang::Lang;
use crate::render::{csv_string, json_string};

/// The columns of `validate --format csv`.
pub const CSV_COLUMNS: [&str; 8] = [
    "severity", "file", "line", "column", "field", "message", "expected", "hint",
];

fn severity(d: &Diagnostic) -> &'static str {
    match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn file(d: &Diagnostic) -> String {
    d.file
        .as_ref()
        .map(|f| f.display().to_string())
        .unwrap_or_default()
}

/// Every diagnostic, then a count; `width` as in
/// [`crate::diag::report::render`].
pub fn text(diagnostics: &[Diagnostic], lang: Lang, width: Option<usize>) -> String {
    let mut out = render_all(diagnostics, lang, None, width);
    if diagnostics.is_empty() {
        out.push_str(lang.pick("Dữ liệu hợp lệ: ", "The data is valid: "));
    }
    out.push_str(&summary(diagnostics, lang));
    out.push('\n');
    out
}

/// `validate --format csv`.
pub fn csv(diagnostics: &[Diagnostic], lang: Lang) -> String {
    csv_string(
        &CSV_COLUMNS,
        diagnostics.iter().map(|d| {
            vec![
                severity(d).to_string(),
                file(d),
                d.line.map(|l| l.to_string()).unwrap_or_default(),
                d.column.map(|c| c.to_string()).unwrap_or_default(),
                d.field_shown().unwrap_or_default(),
                d.problem.message(lang),
                d.problem.expected(lang).unwrap_or_default(),
                d.problem.hint(lang).unwrap_or_default(),
            ]
        }),
    )
}

/// One diagnostic as JSON: the shape of `validate --format json` and of the
/// errors a command writes on stderr with `--format json`.
pub fn json_item(d: &Diagnostic, lang: Lang) -> Value {
    json!({
        "severity": severity(d),
        "file": file(d),
        "line": d.line,
        "column": d.column,
        "sheet": d.sheet,
        "cell": d.cell,
        "field": d.field_shown(),
        "message": d.problem.message(lang),
        "expected": d.problem.expected(lang),
        "hint": d.problem.hint(lang),
        "other_review": d.deferred,
    })
}

/// What a command other than `validate` writes on stderr with `--format
/// json` (spec §5): `{"errors": [...], "warnings": [...]}`, each item as
/// [`json_item`], so a script never parses prose.
pub fn stderr_json(diagnostics: &[Diagnostic], lang: Lang) -> String {
    let of = |severity: Severity| -> Vec<Value> {
        diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .map(|d| json_item(d, lang))
            .collect()
    };
    let mut out = serde_json::to_string(&json!({
        "errors": of(Severity::Error),
        "warnings": of(Severity::Warning),
    }))
    .unwrap_or_default();
    out.push('\n');
    out
}

/// `validate --format json`.
pub fn json(diagnostics: &[Diagnostic], lang: Lang) -> String {
    let rows: Vec<Value> = diagnostics.iter().map(|d| json_item(d, lang)).collect();
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    json_string(&json!({
        "valid": errors == 0,
        "errors": errors,
        "warnings": diagnostics.len() - errors,
        "problems": rows,
    }))
}
