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
use crate::render::table::wrap;

/// Renders one diagnostic, ending with a newline. With a `width`, its
/// message and its `=` lines wrap at words to it, under their text; the
/// line shown is never wrapped.
pub fn render(d: &Diagnostic, lang: Lang, width: Option<usize>) -> String {
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
    let headline = if location.is_empty() {
        format!("{label}: {field}{}", d.problem.message(lang))
    } else {
        format!("{label}: {location}: {field}{}", d.problem.message(lang))
    };
    let _ = writeln!(out, "{}", wrap(&headline, width, 2));
    let gutter = d.line.map(|l| l.to_string().len()).unwrap_or(1);
    let pad = " ".repeat(gutter);
    if let (Some(snippet), Some(line)) = (&d.snippet, d.line) {
        // The line fits the width beside its gutter, `…` at a cut.
        let room = width.map_or(SHOWN_LINE, |w| {
            w.saturating_sub(gutter + 5)
                .clamp(MIN_SHOWN_LINE, SHOWN_LINE)
        });
        let (text, start, marker) = window(snippet, room);
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{line} | {text}");
        let _ = writeln!(out, "{pad} | {}{}", " ".repeat(start), "^".repeat(marker));
    }
    let (expected, hint) = match lang {
        Lang::Vi => ("cần", "gợi ý"),
        Lang::En => ("expected", "hint"),
    };
    // `= label: text`, its text wrapped under itself.
    let mut note = |label: &str, text: &str| {
        let line = format!("{pad} = {label}: {text}");
        let hang = label.chars().count() + 4;
        let _ = writeln!(out, "{}", wrap(&line, width, hang));
    };
    if let Some(e) = d.problem.expected(lang) {
        note(expected, &e);
    }
    if let Some(h) = d.problem.hint(lang) {
        note(hint, &h);
    }
    if let Some(review) = &d.deferred {
        match lang {
            Lang::Vi => note(
                "lưu ý",
                &format!(
                    "dòng của đợt xét {review}, không ảnh hưởng đợt xét này; sửa trước khi xét đợt {review}"
                ),
            ),
            Lang::En => note(
                "note",
                &format!(
                    "a row of review {review}, which does not affect this one; fix it before judging {review}"
                ),
            ),
        }
    }
    out
}

/// The widest part of a line shown, and of a marker, in characters.
const SHOWN_LINE: usize = 100;
const SHOWN_MARKER: usize = 60;
/// The least of a line shown, however narrow the terminal.
const MIN_SHOWN_LINE: usize = 40;

/// The part of a snippet's line to show, and the marker's start and width
/// in it: a line longer than `shown` characters is cut around the value,
/// with `…` where it is cut.
fn window(snippet: &Snippet, shown: usize) -> (String, usize, usize) {
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
    let width = snippet.width.clamp(1, SHOWN_MARKER.min(shown - 20));
    if chars.len() <= shown {
        return (chars.into_iter().collect(), snippet.start, width);
    }
    let from = snippet.start.saturating_sub(20).min(chars.len());
    let to = (from + shown).min(chars.len());
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
/// (all with `None`), then a count of what was left out; `width` as in
/// [`render`].
pub fn render_all(
    diagnostics: &[Diagnostic],
    lang: Lang,
    limit: Option<usize>,
    width: Option<usize>,
) -> String {
    let mut out = String::new();
    for severity in [Severity::Error, Severity::Warning] {
        let all: Vec<&Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .collect();
        let shown = limit.unwrap_or(usize::MAX).min(all.len());
        for d in &all[..shown] {
            out.push_str(&render(d, lang, width));
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
        let (shown, start, width) = window(
            &Snippet {
                text: text.clone(),
                start: 5,
                width: 4000,
            },
            SHOWN_LINE,
        );
        assert!(shown.chars().count() <= SHOWN_LINE + 2);
        assert_eq!((start, width), (5, SHOWN_MARKER));
        let late = Snippet {
            text,
            start: 4006,
            width: 1,
        };
        let (shown, start, _) = window(&late, SHOWN_LINE);
        assert!(shown.starts_with('…'));
        assert_eq!(shown.chars().nth(start), Some('x'));
        // A narrow terminal: the line and its marker fit, the value shown.
        let (shown, start, width) = window(&late, MIN_SHOWN_LINE);
        assert!(shown.chars().count() <= MIN_SHOWN_LINE + 2);
        assert_eq!(shown.chars().nth(start), Some('x'));
        assert!(start + width <= shown.chars().count());
    }

    #[test]
    fn messages_wrap_at_words_and_lines_shown_fit_the_width() {
        let mut d = Diagnostic::error(
            Some("data/achievements.csv".into()),
            crate::diag::Problem::BadScore {
                value: "mười lăm điểm rưỡi theo biên bản họp của hội đồng".into(),
            },
        );
        d.line = Some(12);
        d.column = Some(14);
        d.snippet = Some(Snippet {
            text: format!("2023,PKHTC,TT1,đạt,{}", "x".repeat(200)),
            start: 19,
            width: 3,
        });
        let wide = render(&d, Lang::Vi, None);
        let narrow = render(&d, Lang::Vi, Some(60));
        for line in narrow.lines() {
            assert!(line.chars().count() <= 60, "{line:?}\n{narrow}");
        }
        let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        // The same words, but the line shown (cut to fit, with `…`).
        let message = |t: &str| t.lines().next().map(words).unwrap_or_default();
        assert!(words(&narrow).contains(&message(&wide)), "{narrow}");
        assert!(
            narrow.lines().nth(1).is_some_and(|l| l.starts_with("  ")),
            "{narrow}"
        );
    }
}
