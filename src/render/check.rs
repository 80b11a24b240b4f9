//! `check REVIEW`: the ranked lists, quota use and warnings of a review.

use std::fmt::Write as _;
use std::io;

use comfy_table::Color;
use rayon::prelude::*;
use serde_json::{Value, json};

use crate::lang::{Lang, en_count};
use crate::model::Dataset;
use crate::plan::{AwardKind, Category};
use crate::render::labels;
use crate::render::table::{
    colored, columns, fit, heading, new_table, number, render, table_width, wrap,
};
use crate::render::warnings::{message, subject_label};
use crate::render::{Style, json_string};
use crate::review::ReviewType;
use crate::rules::allocation::Reason;
use crate::rules::candidates::CandidateSource;
use crate::rules::{CandidateResult, ReviewReport, Status};

/// The columns of `check --format csv`, in order.
pub const CSV_COLUMNS: [&str; 18] = [
    "review",
    "kind",
    "rank",
    "subject",
    "name",
    "unit",
    "status",
    "award",
    "criteria_met",
    "criteria_required",
    "missing",
    "votes_for",
    "votes_total",
    "score",
    "reason",
    "history_bang_khen",
    "history_giay_khen",
    "warnings",
];

fn missing_codes(data: &Dataset, r: &CandidateResult) -> Vec<String> {
    r.missing
        .iter()
        .map(|m| m.code(&data.plan).to_string())
        .collect()
}

fn warning_codes(r: &CandidateResult) -> Vec<&'static str> {
    r.warnings.iter().map(|w| w.code()).collect()
}

fn unit_id<'d>(data: &'d Dataset, r: &CandidateResult) -> &'d str {
    data.home_unit(r.subject).map_or("", |u| u.id.as_str())
}

/// `check --format csv`: one row per candidate, in the report's order.
pub fn csv(data: &Dataset, report: &ReviewReport) -> String {
    let mut out = Vec::new();
    // Writing to a vector cannot fail.
    let _ = write_csv(data, report, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`csv`], written to `out` as it is made, a block of rows at a time.
///
/// Each row is put together in its block's buffer, its numbers written
/// with `itoa` and its lists straight from the codes: through
/// `csv::Writer`, with a `String` for each list and score and `fmt` for
/// each number, writing was about 5,400 instructions a candidate; this
/// way, about a quarter of that.
pub fn write_csv(data: &Dataset, report: &ReviewReport, out: &mut dyn io::Write) -> io::Result<()> {
    write_csv_in(data, report, out, CSV_BLOCK, CSV_WINDOW)
}

/// [`write_csv`], `block` rows made by a thread at a time, `window` blocks
/// made before they are written.
fn write_csv_in(
    data: &Dataset,
    report: &ReviewReport,
    out: &mut dyn io::Write,
    block: usize,
    window: usize,
) -> io::Result<()> {
    let mut line = Vec::with_capacity(256);
    for (k, column) in CSV_COLUMNS.iter().enumerate() {
        if k > 0 {
            line.push(b',');
        }
        csv_cell(&mut line, column);
    }
    line.push(b'\n');
    out.write_all(&line)?;
    let review = report.review.code();
    // Rows are made a block at a time on every core, and written in order;
    // a window of blocks bounds the memory held.
    for window in report.candidates.chunks((block * window).max(1)) {
        let blocks: Vec<Vec<u8>> = window
            .par_chunks(block.max(1))
            .map(|block| {
                let mut text = Vec::with_capacity(block.len() * 96);
                for r in block {
                    csv_row(&mut text, data, &review, r);
                }
                text
            })
            .collect();
        for block in blocks {
            out.write_all(&block)?;
        }
    }
    Ok(())
}

/// Candidates in a block of `check --format csv` rows made by one thread
/// (against one thread writing row after row, on 111,000 candidates: the
/// whole command in 0.93× the time, paired runs).
const CSV_BLOCK: usize = 4096;
/// Blocks made before they are written.
const CSV_WINDOW: usize = 8;

/// Appends the CSV row of candidate `r` to `line`.
fn csv_row(line: &mut Vec<u8>, data: &Dataset, review: &str, r: &CandidateResult) {
    let mut numbers = itoa::Buffer::new();
    let mut number = |line: &mut Vec<u8>, n: Option<u32>| {
        if let Some(n) = n {
            line.extend_from_slice(numbers.format(n).as_bytes());
        }
        line.push(b',');
    };
    let history = r.history.map(|(h, _)| h);
    for text in [review, r.category().code()] {
        csv_cell(line, text);
        line.push(b',');
    }
    number(line, r.rank);
    for text in [
        data.id(r.subject),
        data.name(r.subject),
        unit_id(data, r),
        r.status.code(),
        r.award.map_or("", AwardKind::code),
    ] {
        csv_cell(line, text);
        line.push(b',');
    }
    number(line, u32::try_from(r.met).ok());
    number(line, u32::try_from(r.required.len()).ok());
    csv_list(line, r.missing.iter().map(|m| m.code(&data.plan)));
    line.push(b',');
    number(line, r.votes.map(|v| v.in_favour));
    number(line, r.votes.map(|v| v.total));
    let (whole, frac, digits) = r.score.parts();
    number(line, Some(whole));
    if digits > 0 {
        // The comma just written goes after the decimals.
        line.pop();
        line.push(b'.');
        let mut decimals = itoa::Buffer::new();
        let frac = decimals.format(frac);
        line.extend(std::iter::repeat_n(b'0', digits.saturating_sub(frac.len())));
        line.extend_from_slice(frac.as_bytes());
        line.push(b',');
    }
    csv_cell(line, r.reason.map_or("", |reason| reason.code()));
    line.push(b',');
    number(line, history.map(|h| h.bang_khen));
    number(line, history.map(|h| h.giay_khen));
    csv_list(line, r.warnings.iter().map(|w| w.code()));
    line.push(b'\n');
}

/// Writes a cell as `csv::Writer` does: in quotes, its quotes doubled, only
/// when it holds a comma, a quote or a line break.
fn csv_cell(line: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    if !bytes
        .iter()
        .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
    {
        line.extend_from_slice(bytes);
        return;
    }
    line.push(b'"');
    for &b in bytes {
        if b == b'"' {
            line.push(b'"');
        }
        line.push(b);
    }
    line.push(b'"');
}

/// Writes codes joined by `;` as one cell.
fn csv_list<'a>(line: &mut Vec<u8>, codes: impl Iterator<Item = &'a str>) {
    let start = line.len();
    for (k, code) in codes.enumerate() {
        if k > 0 {
            line.push(b';');
        }
        line.extend_from_slice(code.as_bytes());
    }
    // Codes of the plan may hold what needs quotes: the cell is written
    // again, quoted, in the rare case.
    if line[start..]
        .iter()
        .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
    {
        let joined = String::from_utf8_lossy(&line[start..]).into_owned();
        line.truncate(start);
        csv_cell(line, &joined);
    }
}

/// `check --format json`: the candidates (the CSV's fields, but that the
/// CSV's `kind` is `category` here and `kind` is the kind of subject, as in
/// `explain`), quota use and warnings. Messages follow the language; codes
/// never do.
pub fn json(data: &Dataset, report: &ReviewReport, lang: Lang) -> String {
    let candidates: Vec<Value> = report
        .candidates
        .iter()
        .map(|r| {
            json!({
                "review": report.review.code(),
                // As in explain: the category (collective, individual), and
                // the kind of subject (phong, noi_bo...). The CSV's `kind`
                // column is the category (spec §5).
                "category": r.category().code(),
                "kind": data.kind(r.subject).code(),
                "rank": r.rank,
                "subject": data.id(r.subject),
                "name": data.name(r.subject),
                "unit": unit_id(data, r),
                "status": r.status.code(),
                "award": r.award.map(AwardKind::code),
                "criteria_met": r.met,
                "criteria_required": r.required.len(),
                "missing": missing_codes(data, r),
                "votes_for": r.votes.map(|v| v.in_favour),
                "votes_total": r.votes.map(|v| v.total),
                "score": r.score.as_f64(),
                "reason": r.reason.map(|reason| reason.code()),
                "history_bang_khen": r.history.map(|(h, _)| h.bang_khen),
                "history_giay_khen": r.history.map(|(h, _)| h.giay_khen),
                "warnings": warning_codes(r),
            })
        })
        .collect();
    let quotas: Vec<Value> = report
        .quotas
        .iter()
        .map(|q| json!({ "category": q.category.code(), "award": q.award.code(), "quota": q.quota, "used": q.used }))
        .collect();
    let warnings: Vec<Value> = report
        .warnings
        .iter()
        .map(|w| {
            json!({
                "code": w.code().code(),
                "subject": w.subject.map(|s| data.id(s)),
                "message": message(data, w, lang),
            })
        })
        .collect();
    json_string(&json!({
        "review": report.review.code(),
        "today": report.today.format("%Y-%m-%d").to_string(),
        "candidates": candidates,
        "quotas": quotas,
        "warnings": warnings,
    }))
}

/// The note column: why a candidate is where it is.
fn note(data: &Dataset, report: &ReviewReport, r: &CandidateResult, lang: Lang) -> String {
    // Why it is where it is, then the open questions of its row.
    let mut parts = vec![standing_note(data, report, r, lang)];
    let mut seen = Vec::new();
    for &code in &r.warnings {
        if !seen.contains(&code) {
            seen.push(code);
            parts.push(labels::warning_short(code, lang).to_string());
        }
    }
    parts.retain(|p| !p.is_empty());
    parts.join("; ")
}

/// Why a candidate is where it is: what it lacks, or why it is over quota.
fn standing_note(data: &Dataset, report: &ReviewReport, r: &CandidateResult, lang: Lang) -> String {
    let signer = data.signer() == Some(r.subject);
    if r.status == Status::OverQuota && signer && r.reason == Some(Reason::NotEntitled) {
        return lang
            .pick(
                "người ký Giấy khen chỉ được đề nghị Bằng khen: không tự khen mình",
                "the signer of the Giấy khen can only take a Bằng khen: nobody awards himself",
            )
            .into();
    }
    match r.status {
        Status::Ineligible => {
            let parts: Vec<String> = r
                .missing
                .iter()
                .map(|m| labels::missing(m, &data.plan, lang))
                .collect();
            match lang {
                Lang::Vi => format!("thiếu: {}", parts.join(", ")),
                Lang::En => format!("missing: {}", parts.join(", ")),
            }
        }
        Status::OverQuota => {
            let e = r.entitlement;
            match (e.bang_khen, e.giay_khen, report.review.review_type(), lang) {
                (true, false, ReviewType::Annual, Lang::Vi) => {
                    "Sở chỉ được đề nghị Bằng khen (III.1.b)".into()
                }
                (true, false, ReviewType::Annual, Lang::En) => {
                    "the Department can only take a Bằng khen (III.1.b)".into()
                }
                (true, false, ReviewType::Final, Lang::Vi) => {
                    "chỉ đủ điều kiện Bằng khen (III.2.b)".into()
                }
                (true, false, ReviewType::Final, Lang::En) => {
                    "entitled to a Bằng khen only (III.2.b)".into()
                }
                (false, true, ReviewType::Final, Lang::Vi) => {
                    "chỉ đủ điều kiện Giấy khen (III.2.b)".into()
                }
                (false, true, ReviewType::Final, Lang::En) => {
                    "entitled to a Giấy khen only (III.2.b)".into()
                }
                (_, _, _, Lang::Vi) => "hết chỉ tiêu (III.1.b)".into(),
                (_, _, _, Lang::En) => "no quota left (III.1.b)".into(),
            }
        }
        Status::Proposed => String::new(),
    }
}

/// One candidate's row, as text.
struct Row {
    rank: String,
    id: String,
    name: String,
    unit: String,
    status: Status,
    award: Option<AwardKind>,
    criteria: String,
    votes: String,
    score: String,
    past: String,
    note: String,
}

/// The result of a row in the narrow layout, where the status and the
/// award share a column, on two short lines: "Đề nghị / Bằng khen".
fn result_short(status: Status, award: Option<AwardKind>, lang: Lang) -> String {
    match (status, award, lang) {
        (Status::Proposed, Some(a), Lang::Vi) => {
            format!("Đề nghị\n{}", labels::award_short(a, lang))
        }
        (Status::Proposed, Some(a), Lang::En) => {
            format!("Proposed\n{}", labels::award_short(a, lang))
        }
        (Status::OverQuota, _, Lang::Vi) => "Vượt\nchỉ tiêu".into(),
        (Status::Ineligible, _, Lang::Vi) => "Không đủ\nđiều kiện".into(),
        _ => labels::status(status, lang).to_string(),
    }
}

fn status_color(status: Status) -> Color {
    match status {
        Status::Proposed => Color::Green,
        Status::OverQuota => Color::Yellow,
        Status::Ineligible => Color::Red,
    }
}

/// The table of one category, and the notes that did not fit in it.
///
/// Without a width, or when the table fits, every column is there in
/// full. Narrower, headers are abbreviated, the status and the award
/// share a column, names and notes wrap at spaces (never inside a clause
/// reference); when even that leaves too little room, the notes are
/// listed under the table, one line per candidate.
fn category_table(
    data: &Dataset,
    report: &ReviewReport,
    category: Category,
    style: &Style,
) -> (String, Vec<String>) {
    let lang = style.lang;
    let final_review = report.review.review_type() == ReviewType::Final;
    let individual = category == Category::Individual;
    let rows: Vec<Row> = report
        .candidates
        .iter()
        .filter(|r| r.category() == category)
        .map(|r| {
            let h = r.history.map(|(h, _)| h).unwrap_or_default();
            Row {
                rank: r.rank.map(|n| n.to_string()).unwrap_or_else(|| "–".into()),
                id: data.id(r.subject).to_string(),
                name: data.name(r.subject).to_string(),
                unit: data
                    .home_unit(r.subject)
                    .map(|u| u.id.as_str())
                    .unwrap_or("–")
                    .to_string(),
                status: r.status,
                award: r.award,
                criteria: format!("{}/{}", r.met, r.required.len()),
                votes: r
                    .votes
                    .map(|v| format!("{}/{}", v.in_favour, v.total))
                    .unwrap_or_else(|| "–".into()),
                score: lang.decimal(&r.score.to_string()),
                past: format!("{} BK, {} GK", h.bang_khen, h.giay_khen),
                note: note(data, report, r, lang),
            }
        })
        .collect();

    // The full layout.
    let mut header: Vec<&str> = match lang {
        Lang::Vi => vec!["Hạng", "Mã"],
        Lang::En => vec!["Rank", "Id"],
    };
    header.push(match (category, lang) {
        (Category::Collective, Lang::Vi) => "Tên tập thể",
        (Category::Individual, Lang::Vi) => "Họ và tên",
        (_, Lang::En) => "Name",
    });
    if individual {
        header.push(lang.pick("Đơn vị", "Unit"));
    }
    header.extend(match lang {
        Lang::Vi => ["Kết quả", "Hình thức", "Tiêu chí", "Phiếu", "Điểm"],
        Lang::En => ["Status", "Award", "Criteria", "Votes", "Score"],
    });
    if final_review {
        header.push(lang.pick("Khen thưởng trước", "Past awards"));
    }
    header.push(lang.pick("Ghi chú", "Note"));
    let full_style = Style {
        width: None,
        ..*style
    };
    let mut table = new_table(&full_style, &header);
    for r in &rows {
        let mut row = vec![
            number(&r.rank),
            comfy_table::Cell::new(&r.id),
            comfy_table::Cell::new(&r.name),
        ];
        if individual {
            row.push(comfy_table::Cell::new(&r.unit));
        }
        row.push(colored(
            labels::status(r.status, lang),
            status_color(r.status),
            style,
        ));
        row.push(comfy_table::Cell::new(
            r.award.map(|a| labels::award(a, lang)).unwrap_or(""),
        ));
        row.push(number(&r.criteria));
        row.push(number(&r.votes));
        row.push(number(&r.score));
        if final_review {
            row.push(comfy_table::Cell::new(&r.past));
        }
        row.push(comfy_table::Cell::new(&r.note));
        table.add_row(row);
    }
    let full = table.to_string();
    let Some(width) = style.width.filter(|&w| table_width(&full) > w) else {
        return (full, Vec::new());
    };

    // The narrow layout.
    let mut header: Vec<&str> = vec!["#", lang.pick("Mã", "Id")];
    header.push(match (category, lang) {
        (Category::Collective, Lang::Vi) => "Tên",
        (Category::Individual, Lang::Vi) => "Họ và tên",
        (_, Lang::En) => "Name",
    });
    if individual {
        header.push(lang.pick("Đ.vị", "Unit"));
    }
    header.extend(match lang {
        Lang::Vi => ["Kết quả", "TC", "Phiếu", "Điểm"],
        Lang::En => ["Result", "Crit.", "Votes", "Score"],
    });
    if final_review {
        header.push(lang.pick("Đã khen", "Past"));
    }
    let cells = |r: &Row, result: &str| {
        let mut row = vec![
            number(&r.rank),
            comfy_table::Cell::new(&r.id),
            comfy_table::Cell::new(&r.name),
        ];
        if individual {
            row.push(comfy_table::Cell::new(&r.unit));
        }
        row.push(colored(result, status_color(r.status), style));
        row.push(number(&r.criteria));
        row.push(number(&r.votes));
        row.push(number(&r.score));
        if final_review {
            row.push(comfy_table::Cell::new(r.past.replace(", ", "\n")));
        }
        row
    };
    let name_column = 2;
    let narrow = |notes: bool, two_lines: bool| {
        let mut header = header.clone();
        if notes {
            header.push(lang.pick("Ghi chú", "Note"));
        }
        let mut table = new_table(style, &header);
        for r in &rows {
            let result = result_short(r.status, r.award, lang);
            let result = if two_lines {
                result
            } else {
                result.replace('\n', " ")
            };
            let mut row = cells(r, &result);
            if notes {
                row.push(comfy_table::Cell::new(&r.note));
            }
            table.add_row(row);
        }
        let flexible = [name_column, header.len() - 1];
        let widths = fit(
            &mut table,
            Some(width),
            &flexible[..if notes { 2 } else { 1 }],
        );
        let fits = table_width(&render(&table)) <= width;
        (table, widths, fits)
    };
    let longest_name = rows.iter().map(|r| columns(&r.name)).max().unwrap_or(0);
    // The notes stay in the table while there is room for a note beside a
    // name; otherwise they are listed under it. A result takes two lines
    // only when one would squeeze the names.
    for two_lines in [false, true] {
        let (table, widths, fits) = narrow(true, two_lines);
        let note_width = widths.last().copied().unwrap_or(0);
        if fits && note_width >= 24 && widths[name_column] >= longest_name.min(16) {
            return (render(&table), Vec::new());
        }
    }
    let notes = rows
        .iter()
        .filter(|r| !r.note.is_empty())
        .map(|r| format!("  {}: {}", r.id, r.note))
        .collect();
    let (table, widths, fits) = narrow(false, false);
    if fits && widths[name_column] >= longest_name {
        return (render(&table), notes);
    }
    let (table, _, _) = narrow(false, true);
    (render(&table), notes)
}

fn quota_line(report: &ReviewReport, category: Category, lang: Lang) -> String {
    let mut parts: Vec<String> = report
        .quotas
        .iter()
        .filter(|q| q.category == category)
        .map(|q| {
            format!(
                "{} {}/{}",
                labels::award_short(q.award, lang),
                q.used,
                q.quota
            )
        })
        .collect();
    let count = |s: Status| {
        report
            .candidates
            .iter()
            .filter(|r| r.category() == category && r.status == s)
            .count()
    };
    let (over, ineligible) = (count(Status::OverQuota), count(Status::Ineligible));
    match lang {
        Lang::Vi => {
            parts.push(format!("vượt chỉ tiêu {over}"));
            parts.push(format!("không đủ điều kiện {ineligible}"));
            format!("Chỉ tiêu (III.1.b): {}", parts.join(" · "))
        }
        Lang::En => {
            parts.push(format!("over quota {over}"));
            parts.push(format!("ineligible {ineligible}"));
            format!("Quota (III.1.b): {}", parts.join(" · "))
        }
    }
}

/// `check` as tables, for people.
pub fn table(data: &Dataset, report: &ReviewReport, style: &Style) -> String {
    let lang = style.lang;
    let mut out = String::new();
    let title = match lang {
        Lang::Vi => format!(
            "{} — đợt xét {} (tính đến ngày {})",
            data.plan.short_name,
            labels::review(report.review, lang),
            lang.date(report.today)
        ),
        Lang::En => format!(
            "{} — {} (as of {})",
            data.plan.short_name,
            labels::review(report.review, lang),
            lang.date(report.today)
        ),
    };
    let width = style.width;
    let _ = writeln!(out, "{}", heading(&wrap(&title, width, 2), style));
    let count = |c: Category| {
        report
            .candidates
            .iter()
            .filter(|r| r.category() == c)
            .count()
    };
    let (collectives, individuals) = (count(Category::Collective), count(Category::Individual));
    let mut line = String::new();
    let _ = match (report.source, lang) {
        (CandidateSource::Nominations, Lang::Vi) => writeln!(
            line,
            "Ứng viên: {collectives} tập thể, {individuals} cá nhân được các đơn vị đề nghị (nominations.csv)."
        ),
        (CandidateSource::Nominations, Lang::En) => writeln!(
            line,
            "Candidates: {}, {} nominated by their units (nominations.csv).",
            en_count(collectives as u64, "collective", "collectives"),
            en_count(individuals as u64, "individual", "individuals")
        ),
        (CandidateSource::Achievements, Lang::Vi) => writeln!(
            line,
            "Chưa có đề nghị nào cho đợt xét này: xét {collectives} tập thể, {individuals} cá nhân có kết quả đánh giá."
        ),
        (CandidateSource::Achievements, Lang::En) => writeln!(
            line,
            "No nominations for this review yet: checking the {} and {} with achievements.",
            en_count(collectives as u64, "collective", "collectives"),
            en_count(individuals as u64, "individual", "individuals")
        ),
    };
    out.push_str(&wrap(&line, width, 2));
    for category in Category::ALL {
        out.push('\n');
        let _ = writeln!(
            out,
            "{}",
            heading(
                &labels::category_counted(category, count(category), lang).to_uppercase(),
                style
            )
        );
        if count(category) == 0 {
            let _ = writeln!(
                out,
                "{}",
                lang.pick("(không có ứng viên)", "(no candidates)")
            );
        } else {
            let (table, notes) = category_table(data, report, category, style);
            let _ = writeln!(out, "{table}");
            if !notes.is_empty() {
                let _ = writeln!(out, "{}", lang.pick("Ghi chú:", "Notes:"));
                for note in notes {
                    let _ = writeln!(out, "{}", wrap(&note, width, 2));
                }
            }
        }
        let _ = writeln!(
            out,
            "{}",
            wrap(&quota_line(report, category, lang), width, 2)
        );
    }
    out.push('\n');
    if report.warnings.is_empty() {
        let _ = writeln!(out, "{}", lang.pick("Không có cảnh báo.", "No warnings."));
    } else {
        let title = match lang {
            Lang::Vi => format!("CẢNH BÁO ({})", report.warnings.len()),
            Lang::En => format!("WARNINGS ({})", report.warnings.len()),
        };
        let _ = writeln!(out, "{}", heading(&title, style));
        for w in &report.warnings {
            let who = w
                .subject
                .map(|s| subject_label(data, s))
                .unwrap_or_else(|| lang.pick("Cả đợt xét", "The whole review").to_string());
            let line = format!("- {who}: {} [{}]", message(data, w, lang), w.code().code());
            let _ = writeln!(out, "{}", wrap(&line, width, 2));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks and windows of any size give the rows one after the other,
    /// in the report's order.
    #[test]
    fn rows_come_in_order_whatever_the_blocks() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let loaded = crate::load::load(&dir, &crate::load::LoadOptions::default());
        let data = loaded.dataset.expect("the sample data loads");
        let review = crate::Review::Annual(2023);
        let report = crate::rules::evaluate(
            &data,
            review,
            chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
        );
        assert!(report.candidates.len() > 20);
        let mut one_by_one = Vec::new();
        for r in &report.candidates {
            csv_row(&mut one_by_one, &data, &review.code(), r);
        }
        for (block, window) in [(1, 1), (3, 2), (7, 1), (4096, 8)] {
            let mut out = Vec::new();
            write_csv_in(&data, &report, &mut out, block, window).unwrap();
            let body = out.split_inclusive(|&b| b == b'\n').skip(1).flatten();
            assert!(
                body.copied().eq(one_by_one.iter().copied()),
                "{block} × {window}"
            );
        }
    }

    proptest::proptest! {
        /// A cell reads as `csv::Writer` writes it.
        #[test]
        fn cells_are_written_as_the_csv_writer_writes_them(
            cells in proptest::collection::vec("[a-zđ ,;\"\r\n]{0,6}", 2..5),
        ) {
            let mut line = Vec::new();
            for (k, cell) in cells.iter().enumerate() {
                if k > 0 {
                    line.push(b',');
                }
                if k % 2 == 0 {
                    csv_cell(&mut line, cell);
                } else {
                    csv_list(&mut line, cell.split(';'));
                }
            }
            line.push(b'\n');
            let mut writer = csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(Vec::new());
            writer.write_record(&cells).unwrap();
            proptest::prop_assert_eq!(line, writer.into_inner().unwrap());
        }
    }
}
