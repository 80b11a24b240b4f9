//! Renders diagnostics for people, in the style of hledger:
//!
//! ```text
//! lỗi: data/achievements.csv:12:10: tiêu chí "TT7" không có trong kế hoạch
//!    |
//! 12 | 2023,PKHTC,TT7,đạt,8,
//!    |            ^^^
//!    = cần: một trong: TT1, TT2, TT3, TT4, TT5, TT6, CN1, CN2, XS
//!    = gợi ý: có phải là "TT1"?
//! ```

use std::fmt::Write as _;

use crate::diag::{Diagnostic, Severity, Snippet};
use crate::lang::Lang;

/// Renders one diagnostic, ending with a newline.
pub fn render(d: &Diagnostic, lang: Lang) -> String {
    let mut out = String::new();
    let label = match (d.severity, lang) {
        (Severity::Error, Lang::Vi) => "lỗi",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::Vi) => "cảnh báo",
        (Severity::Warning, Lang::En) => "warning",
    };
    let location = d.location();
    let field = d
        .field_shown()
        .map(|f| match lang {
            Lang::Vi => format!("[cột {f}] "),
            Lang::En => format!("[column {f}] "),
        })
        .unwrap_or_default();
    if location.is_empty() {
        let _ = writeln!(out, "{label}: {field}{}", d.problem.message(lang));
    } else {
        let _ = writeln!(
            out,
            "{label}: {location}: {field}{}",
            d.problem.message(lang)
        );
    }
    let gutter = d.line.map(|l| l.to_string().len()).unwrap_or(1);
    let pad = " ".repeat(gutter);
    if let (Some(snippet), Some(line)) = (&d.snippet, d.line) {
        let (text, start, width) = window(snippet);
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{line} | {text}");
        let _ = writeln!(out, "{pad} | {}{}", " ".repeat(start), "^".repeat(width));
    }
    let (expected, hint) = match lang {
        Lang::Vi => ("cần", "gợi ý"),
        Lang::En => ("expected", "hint"),
    };
    if let Some(e) = d.problem.expected(lang) {
        let _ = writeln!(out, "{pad} = {expected}: {e}");
    }
    if let Some(h) = d.problem.hint(lang) {
        let _ = writeln!(out, "{pad} = {hint}: {h}");
    }
    if let Some(review) = &d.deferred {
        let _ = match lang {
            Lang::Vi => writeln!(
                out,
                "{pad} = lưu ý: dòng của đợt xét {review}, không ảnh hưởng đợt xét này; sửa trước khi xét đợt {review}"
            ),
            Lang::En => writeln!(
                out,
                "{pad} = note: a row of review {review}, which does not affect this one; fix it before judging {review}"
            ),
        };
    }
    out
}

/// The widest part of a line shown, and of a marker, in characters.
const SHOWN_LINE: usize = 100;
const SHOWN_MARKER: usize = 60;

/// The part of a snippet's line to show, and the marker's start and width
/// in it: a long line is cut around the value, with `…` where it is cut.
fn window(snippet: &Snippet) -> (String, usize, usize) {
    let chars: Vec<char> = snippet
        .text
        .chars()
        .map(|c| match c {
            '\t' => ' ',
            // A control character of the data (an escape sequence) never
            // reaches the terminal.
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect();
    let width = snippet.width.clamp(1, SHOWN_MARKER);
    if chars.len() <= SHOWN_LINE {
        return (chars.into_iter().collect(), snippet.start, width);
    }
    let from = snippet.start.saturating_sub(20).min(chars.len());
    let to = (from + SHOWN_LINE).min(chars.len());
    let mut text = String::new();
    let mut start = snippet.start - from;
    if from > 0 {
        text.push('…');
        start += 1;
    }
    text.extend(&chars[from..to]);
    if to < chars.len() {
        text.push('…');
    }
    (text, start, width)
}

/// Renders a list: errors first, then warnings, at most `limit` of each
/// (all with `None`), then a count of what was left out.
pub fn render_all(diagnostics: &[Diagnostic], lang: Lang, limit: Option<usize>) -> String {
    let mut out = String::new();
    for severity in [Severity::Error, Severity::Warning] {
        let all: Vec<&Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .collect();
        let shown = limit.unwrap_or(usize::MAX).min(all.len());
        for d in &all[..shown] {
            out.push_str(&render(d, lang));
        }
        let rest = all.len() - shown;
        if rest > 0 {
            let _ = match (severity, lang) {
                (Severity::Error, Lang::Vi) => writeln!(
                    out,
                    "… và {rest} lỗi khác (xem tất cả bằng: thiduakt validate)"
                ),
                (Severity::Error, Lang::En) => writeln!(
                    out,
                    "… and {rest} more {} (see them all with: thiduakt validate)",
                    if rest == 1 { "error" } else { "errors" }
                ),
                (Severity::Warning, Lang::Vi) => writeln!(out, "… và {rest} cảnh báo khác"),
                (Severity::Warning, Lang::En) => writeln!(
                    out,
                    "… and {rest} more {}",
                    if rest == 1 { "warning" } else { "warnings" }
                ),
            };
        }
    }
    out
}

/// A one-line count: `2 lỗi, 1 cảnh báo`.
pub fn summary(diagnostics: &[Diagnostic], lang: Lang) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    match lang {
        Lang::Vi => format!("{errors} lỗi, {warnings} cảnh báo"),
        Lang::En => format!(
            "{errors} error{}, {warnings} warning{}",
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_around_the_value() {
        let text = format!("NV01,{},x", "a".repeat(4000));
        let (shown, start, width) = window(&Snippet {
            text: text.clone(),
            start: 5,
            width: 4000,
        });
        assert!(shown.chars().count() <= SHOWN_LINE + 2);
        assert_eq!((start, width), (5, SHOWN_MARKER));
        let late = Snippet {
            text,
            start: 4006,
            width: 1,
        };
        let (shown, start, _) = window(&late);
        assert!(shown.starts_with('…'));
        assert_eq!(shown.chars().nth(start), Some('x'));
    }
}
