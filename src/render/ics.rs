//! The plan's deadlines as an iCalendar file (RFC 5545): one all-day event
//! on each last valid day, with a reminder a week before, for Outlook,
//! Thunderbird and Google Calendar.

use chrono::NaiveDate;

use crate::lang::Lang;
use crate::plan::Plan;
use crate::render::labels;
use crate::rules::deadlines::DeadlineState;

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, never inside a UTF-8 character
/// (RFC 5545 §3.1), and ends it with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// A calendar of the deadlines. `today` stamps the events (DTSTAMP).
pub fn calendar(plan: &Plan, states: &[DeadlineState<'_>], today: NaiveDate, lang: Lang) -> String {
    let slug: String = format!("{}-{}", plan.field, plan.final_review())
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        format!(
            "PRODID:-//thiduakt//thiduakt {}//{}",
            env!("CARGO_PKG_VERSION"),
            lang.pick("VI", "EN")
        ),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape(&plan.short_name)),
    ];
    for s in states {
        let d = s.deadline;
        let last = d.last_day();
        let review = labels::review(d.review, lang);
        let event = labels::event(d.event, lang);
        let summary = match lang {
            Lang::Vi => format!("Hạn cuối: {event} ({review})"),
            Lang::En => format!("Last day: {event} ({review})"),
        };
        let rule = match (d.exclusive, lang) {
            (true, Lang::Vi) => format!("trước ngày {}", lang.date(d.date)),
            (true, Lang::En) => format!("before {}", lang.date(d.date)),
            (false, Lang::Vi) => format!("đến hết ngày {}", lang.date(d.date)),
            (false, Lang::En) => format!("by {}", lang.date(d.date)),
        };
        let description = match lang {
            Lang::Vi => format!(
                "{} — {event}: {rule} ({}). Ngày cuối hợp lệ: {}.",
                plan.short_name,
                d.clause,
                lang.date_with_weekday(last)
            ),
            Lang::En => format!(
                "{} — {event}: {rule} ({}). Last valid day: {}.",
                plan.short_name,
                d.clause,
                lang.date_with_weekday(last)
            ),
        };
        let end = last.succ_opt().unwrap_or(last);
        lines.extend([
            "BEGIN:VEVENT".into(),
            format!("UID:{}-{}-{}@thiduakt", d.review, d.event.code(), slug),
            format!("DTSTAMP:{}T000000Z", ymd(today)),
            format!("DTSTART;VALUE=DATE:{}", ymd(last)),
            format!("DTEND;VALUE=DATE:{}", ymd(end)),
            format!("SUMMARY:{}", escape(&summary)),
            format!("DESCRIPTION:{}", escape(&description)),
            format!("CATEGORIES:{}", escape(&plan.short_name)),
            "TRANSP:TRANSPARENT".into(),
            "BEGIN:VALARM".into(),
            "ACTION:DISPLAY".into(),
            format!("DESCRIPTION:{}", escape(&summary)),
            "TRIGGER:-P7D".into(),
            "END:VALARM".into(),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let line = format!("SUMMARY:{}", "Hạn cuối: các đơn vị gửi hồ sơ ".repeat(5));
        let folded = fold(&line);
        for part in folded.split("\r\n") {
            assert!(part.len() <= 75, "{part:?} is {} octets", part.len());
        }
        assert_eq!(
            folded.replace("\r\n ", "").strip_suffix("\r\n"),
            Some(line.as_str())
        );
    }
}
