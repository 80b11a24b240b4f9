//! `deadlines`: every deadline of the plan, its last valid day and status.

use std::fmt::Write as _;

use chrono::NaiveDate;
use comfy_table::{Cell, Color};
use serde_json::{Value, json};

use crate::lang::Lang;
use crate::plan::{Deadline, Plan};
use crate::render::labels;
use crate::render::table::{colored, fit, heading, new_table, number, render, table_width, wrap};
use crate::render::{Style, csv_string, json_string};
use crate::rules::deadlines::{DeadlineState, DeadlineStatus, is_weekend, state};

/// The columns of `deadlines --format csv`, in order.
pub const CSV_COLUMNS: [&str; 6] = ["review", "event", "date", "last_day", "status", "days_left"];

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The states of the deadlines, in date order.
pub fn states<'p>(
    deadlines: impl IntoIterator<Item = &'p Deadline>,
    today: NaiveDate,
) -> Vec<DeadlineState<'p>> {
    deadlines.into_iter().map(|d| state(d, today)).collect()
}

/// `deadlines --format csv`.
pub fn csv(states: &[DeadlineState<'_>]) -> String {
    csv_string(
        &CSV_COLUMNS,
        states.iter().map(|s| {
            vec![
                s.deadline.review.code(),
                s.deadline.event.code().to_string(),
                iso(s.deadline.date),
                iso(s.deadline.last_day()),
                s.status.code().to_string(),
                s.days_left.to_string(),
            ]
        }),
    )
}

/// `deadlines --format json`: the CSV's fields, plus the clause and whether
/// the last day falls on a weekend.
pub fn json(states: &[DeadlineState<'_>], today: NaiveDate) -> String {
    let rows: Vec<Value> = states
        .iter()
        .map(|s| {
            json!({
                "review": s.deadline.review.code(),
                "event": s.deadline.event.code(),
                "date": iso(s.deadline.date),
                "last_day": iso(s.deadline.last_day()),
                "status": s.status.code(),
                "days_left": s.days_left,
                "clause": s.deadline.clause,
                "weekend": is_weekend(s.deadline.last_day()),
            })
        })
        .collect();
    json_string(&json!({ "today": iso(today), "deadlines": rows }))
}

/// The note of a deadline: its weekend, if any.
pub fn note(s: &DeadlineState<'_>, lang: Lang) -> String {
    let date = s.deadline.date;
    let last_day = s.deadline.last_day();
    match (s.weekend_note, lang) {
        (Some(working), Lang::Vi) => format!(
            "ngày cuối {} là {}; nên gửi chậm nhất {}",
            lang.date(last_day),
            lang.weekday(chrono::Datelike::weekday(&last_day)),
            lang.date_with_weekday(working)
        ),
        (Some(working), Lang::En) => format!(
            "the last day {} is a {}; better send by {}",
            lang.date(last_day),
            lang.weekday(chrono::Datelike::weekday(&last_day)),
            lang.date_with_weekday(working)
        ),
        (None, Lang::Vi) if is_weekend(date) && date != last_day => format!(
            "{} là {}; ngày cuối {} là {}",
            lang.date(date),
            lang.weekday(chrono::Datelike::weekday(&date)),
            lang.date(last_day),
            lang.weekday(chrono::Datelike::weekday(&last_day))
        ),
        (None, Lang::En) if is_weekend(date) && date != last_day => format!(
            "{} is a {}; the last day {} is a {}",
            lang.date(date),
            lang.weekday(chrono::Datelike::weekday(&date)),
            lang.date(last_day),
            lang.weekday(chrono::Datelike::weekday(&last_day))
        ),
        _ => String::new(),
    }
}

/// `deadlines` as a table, for people. When the table is wider than the
/// width, the plan's wording of the date is left out (the last valid day
/// says it), the texts and headers wrap at spaces, and the notes are
/// numbered under the table.
pub fn table(plan: &Plan, states: &[DeadlineState<'_>], today: NaiveDate, style: &Style) -> String {
    let lang = style.lang;
    let build = |narrow: bool| {
        let mut header: Vec<&str> = match lang {
            Lang::Vi => vec![
                "Đợt xét",
                "Mốc",
                "Theo kế hoạch",
                "Ngày cuối hợp lệ",
                "Trạng thái",
                "Còn (ngày)",
                "Căn cứ",
                "Ghi chú",
            ],
            Lang::En => vec![
                "Review",
                "Event",
                "Plan's date",
                "Last valid day",
                "Status",
                "Days left",
                "Clause",
                "Note",
            ],
        };
        if narrow {
            header.remove(2);
        }
        let mut table = new_table(style, &header);
        let mut notes = Vec::new();
        for s in states {
            let d = s.deadline;
            let plan_date = match (d.exclusive, lang) {
                (true, Lang::Vi) => format!("trước {}", lang.date(d.date)),
                (true, Lang::En) => format!("before {}", lang.date(d.date)),
                (false, Lang::Vi) => format!("đến hết {}", lang.date(d.date)),
                (false, Lang::En) => format!("by {}", lang.date(d.date)),
            };
            let color = match s.status {
                DeadlineStatus::Upcoming => Color::Green,
                DeadlineStatus::DueToday => Color::Yellow,
                DeadlineStatus::Passed => Color::DarkGrey,
            };
            let mut note = note(s, lang);
            if narrow && !note.is_empty() {
                notes.push(note);
                note = format!("({})", notes.len());
            }
            let mut row = vec![
                Cell::new(d.review.code()),
                Cell::new(labels::event(d.event, lang)),
                Cell::new(plan_date),
                Cell::new(lang.date_with_weekday(d.last_day())),
                colored(labels::deadline_status(s.status, lang), color, style),
                number(s.days_left),
                Cell::new(&d.clause),
                Cell::new(note),
            ];
            if narrow {
                row.remove(2);
            }
            table.add_row(row);
        }
        (table, notes)
    };
    let mut out = String::new();
    let title = match lang {
        Lang::Vi => format!(
            "{} — các mốc thời gian (tính đến ngày {})",
            plan.short_name,
            lang.date(today)
        ),
        Lang::En => format!(
            "{} — deadlines (as of {})",
            plan.short_name,
            lang.date(today)
        ),
    };
    let _ = writeln!(out, "{}", heading(&wrap(&title, style.width, 2), style));
    let (table, _) = build(false);
    let full = table.to_string();
    let Some(width) = style.width.filter(|&w| table_width(&full) > w) else {
        let _ = writeln!(out, "{full}");
        return out;
    };
    let (mut table, notes) = build(true);
    let all: Vec<usize> = (0..table.column_count()).collect();
    fit(&mut table, Some(width), &all);
    let _ = writeln!(out, "{}", render(&table));
    for (n, note) in notes.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}",
            wrap(&format!("({}) {note}", n + 1), Some(width), 4)
        );
    }
    out
}
