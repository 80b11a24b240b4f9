//! `check REVIEW`: the ranked lists, quota use and warnings of a review.

use std::fmt::Write as _;
use std::io;
use std::ops::Range;

use comfy_table::Color;
use serde_json::{Value, json};

use crate::lang::Lang;
use crate::model::{Dataset, Subject};
use crate::par;
use crate::plan::{AwardKind, Category};
use crate::render::labels;
use crate::render::table::{colored, heading, new_table, number};
use crate::render::warnings::{message, subject_label};
use crate::render::{CsvLines, Style, json_string};
use crate::review::Review;
use crate::review::ReviewType;
use crate::rules::candidates::CandidateSource;
use crate::rules::eligibility::Missing;
use crate::rules::evaluate::{Outcomes, Outline};
use crate::rules::{CandidateResult, ReviewReport, Status};

/// The columns of `check --format csv`, in order.
pub const CSV_COLUMNS: [&str; 14] = [
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
];

fn missing_codes(data: &Dataset, r: &CandidateResult) -> Vec<String> {
    r.missing
        .iter()
        .map(|m| m.code(&data.plan).to_string())
        .collect()
}

fn unit_id(data: &Dataset, r: &CandidateResult) -> String {
    data.home_unit(r.subject)
        .map(|u| u.id.clone())
        .unwrap_or_default()
}

/// `check --format csv`: one row per candidate.
pub fn csv(data: &Dataset, report: &ReviewReport) -> String {
    let mut out = Vec::new();
    // Writing to a vector cannot fail.
    let n = report.candidates.len();
    let _ = csv_of(
        data,
        report.review,
        n,
        |k| report.candidates[k].subject,
        |k| Outline::of(&report.candidates[k]),
        &mut out,
        par::pieces(n, par::threads()),
    );
    String::from_utf8(out).unwrap_or_default()
}

/// [`csv`] from a review's outcomes, without building its results, written
/// to `out` as it is made: the same text. A large review is written by
/// several threads, a slice each: the first slice goes to `out` a little
/// at a time while the others are kept until their turn.
pub fn write_csv_of_outcomes(
    data: &Dataset,
    outcomes: &Outcomes<'_>,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let n = outcomes.len();
    let slices = par::pieces(n, par::threads());
    csv_of(
        data,
        outcomes.review(),
        n,
        |k| outcomes.placing(k).subject,
        |k| outcomes.outline(k),
        out,
        slices,
    )
}

/// The CSV of `n` candidates, the `k`-th naming `subject(k)` and outlined
/// by `outline`, written to `out`: the header, then the rows of each of
/// `pieces` slices, one thread each. Written field by field, as a review
/// may have a hundred thousand candidates.
fn csv_of(
    data: &Dataset,
    review: Review,
    n: usize,
    subject: impl Fn(usize) -> Subject + Sync,
    outline: impl Fn(usize) -> Outline + Sync,
    out: &mut dyn io::Write,
    pieces: usize,
) -> io::Result<()> {
    let mut head = CsvLines::with_capacity(128);
    for name in CSV_COLUMNS {
        head.field(name);
    }
    head.end();
    out.write_all(head.finish().as_bytes())?;
    let pieces = pieces.clamp(1, n.max(1));
    let size = n.div_ceil(pieces);
    let slice = |k: usize| (k * size).min(n)..((k + 1) * size).min(n);
    std::thread::scope(|scope| {
        // The later slices are kept whole, in one buffer each.
        let later: Vec<_> = (1..pieces)
            .map(|k| {
                let (subject, outline) = (&subject, &outline);
                scope.spawn(move || {
                    let range = slice(k);
                    let mut lines = CsvLines::with_capacity(96 * range.len());
                    let mut kept = |_: &mut CsvLines| Ok(());
                    csv_rows(
                        data,
                        review,
                        range,
                        (subject, outline),
                        &mut lines,
                        &mut kept,
                    )
                    .map(|()| lines)
                })
            })
            .collect();
        // The first goes out as it is written.
        let mut lines = CsvLines::with_capacity(FLUSH + 4096);
        let mut spill = |lines: &mut CsvLines| {
            out.write_all(lines.as_bytes())?;
            lines.clear();
            Ok(())
        };
        let first = (&subject, &outline);
        let mut written = csv_rows(data, review, slice(0), first, &mut lines, &mut spill)
            .and_then(|()| spill(&mut lines));
        for handle in later {
            let piece = handle
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            written = written.and_then(|()| out.write_all(piece?.as_bytes()));
        }
        written
    })
}

/// Bytes of rows written before they go out.
const FLUSH: usize = 1 << 16;

/// Writes the rows of the candidates in `range` to `out`, handing it to
/// `spill` whenever it holds [`FLUSH`] bytes or more (a slice kept whole
/// spills nothing: it keeps growing).
fn csv_rows(
    data: &Dataset,
    review: Review,
    range: Range<usize>,
    (subject, outline): (
        &(impl Fn(usize) -> Subject + Sync),
        &(impl Fn(usize) -> Outline + Sync),
    ),
    out: &mut CsvLines,
    spill: &mut dyn FnMut(&mut CsvLines) -> io::Result<()>,
) -> io::Result<()> {
    /// Rows looked up together before they are written.
    const BATCH: usize = 32;
    let review = review.code();
    let mut missing = String::new();
    // Candidates come in ranked order, far apart in memory: a batch of
    // them is looked up step by step, each step's reads side by side (who
    // each one is, then their names, then their outlines), so that the
    // batch waits for memory a few times, not a few times a row.
    let mut subjects: Vec<Subject> = Vec::with_capacity(BATCH);
    let mut names: Vec<Names<'_>> = Vec::with_capacity(BATCH);
    let mut outlines: Vec<Outline> = Vec::with_capacity(BATCH);
    for from in range.clone().step_by(BATCH) {
        let batch = from..range.end.min(from + BATCH);
        subjects.clear();
        subjects.extend(batch.clone().map(subject));
        names.clear();
        names.extend(subjects.iter().map(|s| Names::of(data, *s)));
        outlines.clear();
        outlines.extend(batch.map(outline));
        for (r, names) in outlines.iter().zip(&names) {
            csv_row(data, &review, r, names, out, &mut missing);
        }
        if out.len() >= FLUSH {
            spill(out)?;
        }
    }
    Ok(())
}

/// The id, name and unit of a CSV row's subject.
struct Names<'d> {
    id: &'d str,
    name: &'d str,
    unit: &'d str,
}

impl<'d> Names<'d> {
    fn of(data: &'d Dataset, subject: Subject) -> Self {
        Names {
            id: data.id(subject),
            name: data.name(subject),
            unit: data.home_unit(subject).map_or("", |u| u.id.as_str()),
        }
    }
}

/// One row of `check --format csv` (`missing` is room for a cell).
fn csv_row(
    data: &Dataset,
    review: &str,
    r: &Outline,
    names: &Names<'_>,
    out: &mut CsvLines,
    missing: &mut String,
) {
    out.code(review);
    out.code(r.category().code());
    out.number(r.rank.map(u64::from));
    out.field(names.id);
    out.field(names.name);
    out.field(names.unit);
    out.code(r.status.code());
    out.code(r.award.map_or("", AwardKind::code));
    out.number(Some(r.met as u64));
    out.number(Some(r.required as u64));
    missing.clear();
    for (i, m) in r.missing.iter().enumerate() {
        if i > 0 {
            missing.push(';');
        }
        missing.push_str(m.code(&data.plan));
    }
    out.field(missing);
    out.number(r.votes.map(|v| u64::from(v.in_favour)));
    out.number(r.votes.map(|v| u64::from(v.total)));
    out.score(r.score);
    out.end();
}

/// `check --format json`: the candidates (the CSV's fields), quota use and
/// warnings. Messages follow the language; codes never do.
pub fn json(data: &Dataset, report: &ReviewReport, lang: Lang) -> String {
    let candidates: Vec<Value> = report
        .candidates
        .iter()
        .map(|r| {
            json!({
                "review": report.review.code(),
                "kind": r.category().code(),
                "rank": r.rank,
                "subject": data.id(r.subject),
                "name": data.name(r.subject),
                "unit": unit_id(data, r),
                "status": r.status.code(),
                "award": r.award.map(AwardKind::code),
                "criteria_met": r.met.len(),
                "criteria_required": r.required.len(),
                "missing": missing_codes(data, r),
                "votes_for": r.votes.map(|v| v.in_favour),
                "votes_total": r.votes.map(|v| v.total),
                "score": r.score.as_f64(),
            })
        })
        .collect();
    let quotas: Vec<Value> = report
        .quotas
        .iter()
        .map(|q| json!({ "kind": q.category.code(), "award": q.award.code(), "quota": q.quota, "used": q.used }))
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
    match r.status {
        Status::Ineligible => {
            let parts: Vec<String> = r
                .missing
                .iter()
                .map(|m| match (m, lang) {
                    (Missing::Criterion(_), _) => m.code(&data.plan).to_string(),
                    (Missing::History, Lang::Vi) => "lịch sử khen thưởng (III.2.b)".into(),
                    (Missing::History, Lang::En) => "award history (III.2.b)".into(),
                    (Missing::Votes, Lang::Vi) => "tỷ lệ phiếu".into(),
                    (Missing::Votes, Lang::En) => "vote share".into(),
                    (Missing::NoCriteria, Lang::Vi) => "không có tiêu chí áp dụng".into(),
                    (Missing::NoCriteria, Lang::En) => "no criterion applies".into(),
                })
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

fn status_cell(r: &CandidateResult, style: &Style) -> comfy_table::Cell {
    let color = match r.status {
        Status::Proposed => Color::Green,
        Status::OverQuota => Color::Yellow,
        Status::Ineligible => Color::Red,
    };
    colored(labels::status(r.status, style.lang), color, style)
}

fn category_table(
    data: &Dataset,
    report: &ReviewReport,
    category: Category,
    style: &Style,
) -> String {
    let lang = style.lang;
    let final_review = report.review.review_type() == ReviewType::Final;
    let mut header: Vec<&str> = match lang {
        Lang::Vi => vec!["Hạng", "Mã"],
        Lang::En => vec!["Rank", "Id"],
    };
    header.push(match (category, lang) {
        (Category::Collective, Lang::Vi) => "Tên tập thể",
        (Category::Individual, Lang::Vi) => "Họ và tên",
        (_, Lang::En) => "Name",
    });
    if category == Category::Individual {
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
    let mut table = new_table(style, &header);
    for r in report
        .candidates
        .iter()
        .filter(|r| r.category() == category)
    {
        let mut row = vec![
            number(r.rank.map(|n| n.to_string()).unwrap_or_else(|| "–".into())),
            comfy_table::Cell::new(data.id(r.subject)),
            comfy_table::Cell::new(data.name(r.subject)),
        ];
        if category == Category::Individual {
            row.push(comfy_table::Cell::new(
                data.home_unit(r.subject)
                    .map(|u| u.id.as_str())
                    .unwrap_or("–"),
            ));
        }
        row.push(status_cell(r, style));
        row.push(comfy_table::Cell::new(
            r.award.map(|a| labels::award(a, lang)).unwrap_or(""),
        ));
        row.push(number(format!("{}/{}", r.met.len(), r.required.len())));
        row.push(number(
            r.votes
                .map(|v| format!("{}/{}", v.in_favour, v.total))
                .unwrap_or_else(|| "–".into()),
        ));
        row.push(number(lang.decimal(&r.score.to_string())));
        if final_review {
            let h = r.history.map(|(h, _)| h).unwrap_or_default();
            row.push(comfy_table::Cell::new(format!(
                "{} BK, {} GK",
                h.bang_khen, h.giay_khen
            )));
        }
        row.push(comfy_table::Cell::new(note(data, report, r, lang)));
        table.add_row(row);
    }
    table.to_string()
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
    let _ = writeln!(out, "{}", heading(&title, style));
    let count = |c: Category| {
        report
            .candidates
            .iter()
            .filter(|r| r.category() == c)
            .count()
    };
    let (collectives, individuals) = (count(Category::Collective), count(Category::Individual));
    let _ = match (report.source, lang) {
        (CandidateSource::Nominations, Lang::Vi) => writeln!(
            out,
            "Ứng viên: {collectives} tập thể, {individuals} cá nhân được các đơn vị đề nghị (nominations.csv)."
        ),
        (CandidateSource::Nominations, Lang::En) => writeln!(
            out,
            "Candidates: {collectives} collectives, {individuals} individuals nominated by their units (nominations.csv)."
        ),
        (CandidateSource::Achievements, Lang::Vi) => writeln!(
            out,
            "Chưa có đề nghị nào cho đợt xét này: xét {collectives} tập thể, {individuals} cá nhân có kết quả đánh giá."
        ),
        (CandidateSource::Achievements, Lang::En) => writeln!(
            out,
            "No nominations for this review yet: checking the {collectives} collectives and {individuals} individuals with achievements."
        ),
    };
    for category in Category::ALL {
        out.push('\n');
        let _ = writeln!(
            out,
            "{}",
            heading(&labels::category(category, lang).to_uppercase(), style)
        );
        if count(category) == 0 {
            let _ = writeln!(
                out,
                "{}",
                lang.pick("(không có ứng viên)", "(no candidates)")
            );
        } else {
            let _ = writeln!(out, "{}", category_table(data, report, category, style));
        }
        let _ = writeln!(out, "{}", quota_line(report, category, lang));
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
            let _ = writeln!(
                out,
                "- {who}: {} [{}]",
                message(data, w, lang),
                w.code().code()
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{LoadOptions, load};
    use crate::rules::evaluate::{evaluate, outcomes};

    /// The CSV written in slices (the first as it goes, the others kept
    /// until their turn) is the same text whatever their number.
    #[test]
    fn the_csv_is_the_same_in_any_number_of_slices() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let data = load(&dir, &LoadOptions::default())
            .dataset
            .expect("the shipped data is valid");
        let today = chrono::NaiveDate::from_ymd_opt(2024, 3, 8).expect("date");
        for review in data.plan.reviews() {
            let report = evaluate(&data, review, today);
            let plain = csv(&data, &report);
            let outcomes = outcomes(&data, review, 1);
            let n = outcomes.len();
            assert!(n > 10, "{review}: {n} candidates");
            for pieces in [1, 2, 3, 7, n, n + 5] {
                let mut out = Vec::new();
                let subject = |k| outcomes.placing(k).subject;
                csv_of(
                    &data,
                    review,
                    n,
                    subject,
                    |k| outcomes.outline(k),
                    &mut out,
                    pieces,
                )
                .expect("written");
                assert_eq!(
                    String::from_utf8(out).expect("UTF-8"),
                    plain,
                    "{review} in {pieces}"
                );
            }
        }
    }
}
