//! `summary [REVIEW…] [--by unit]`: per review and kind, how many were
//! nominated, eligible, proposed for each award, over quota, ineligible, and
//! granted (from awards.csv).

use serde_json::{Value, json};

use crate::lang::Lang;
use crate::model::{Dataset, Subject};
use crate::plan::{AwardKind, Category};
use crate::render::table::{
    fit, heading, new_table, number, outline_only, render, table_width, wrap,
};
use crate::render::{Style, csv_string, json_string, labels};
use crate::review::Review;
use crate::rules::registrations::covers;
use crate::rules::{CandidateResult, ReviewReport, Status};

/// The counted columns, in order (after `review`, `[unit,]` `kind`).
pub const COUNT_COLUMNS: [&str; 8] = [
    "nominated",
    "eligible",
    "proposed_bang_khen",
    "proposed_giay_khen",
    "over_quota",
    "ineligible",
    "granted_bang_khen",
    "granted_giay_khen",
];

/// One row of a summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SummaryRow {
    /// The review.
    pub review: String,
    /// The unit id (with `--by unit`); empty for outside people without one.
    pub unit: Option<String>,
    /// Collectives or individuals.
    pub kind: &'static str,
    /// The counts, in [`COUNT_COLUMNS`] order.
    pub counts: [u32; 8],
    /// Registrations for the review (VI.1); `None` when the folder keeps
    /// no registrations.csv.
    pub registered: Option<u32>,
}

/// Counts the reports; with `by_unit`, per unit (a person under their unit,
/// a collective under itself), in the order of units.toml.
pub fn rows(data: &Dataset, reports: &[ReviewReport], by_unit: bool) -> Vec<SummaryRow> {
    let mut out = Vec::new();
    for report in reports {
        out.extend(review_rows(data, report, by_unit));
    }
    out
}

/// The rows of one review's report.
pub fn review_rows(data: &Dataset, report: &ReviewReport, by_unit: bool) -> Vec<SummaryRow> {
    candidate_rows(data, report.review, &report.candidates, by_unit)
}

/// The rows of one review, from its candidates as
/// [`decide`](crate::rules::decide) leaves them: the counts need no
/// warnings.
pub fn candidate_rows(
    data: &Dataset,
    review: Review,
    candidates: &[CandidateResult],
    by_unit: bool,
) -> Vec<SummaryRow> {
    let mut out = Vec::new();
    let candidates = candidates
        .iter()
        .map(|r| (r.subject, r.category(), r.status, r.award));
    count(data, review, candidates, by_unit, &mut out);
    out
}

/// Counts one review's nominations, candidates (who, category, status,
/// award) and awards into `out`.
fn count(
    data: &Dataset,
    review: Review,
    candidates: impl Iterator<Item = (Subject, Category, Status, Option<AwardKind>)>,
    by_unit: bool,
    out: &mut Vec<SummaryRow>,
) {
    // Counts by (unit, category), units in their order and "no unit" last;
    // without --by unit, all under unit 0.
    let units = if by_unit { data.units.len() + 1 } else { 1 };
    let slot = |unit: usize, category: Category| -> usize {
        unit * Category::ALL.len()
            + Category::ALL
                .iter()
                .position(|c| *c == category)
                .unwrap_or(0)
    };
    let mut table: Vec<Option<[u32; 8]>> = vec![None; units * Category::ALL.len()];
    let unit_of = |s: Subject| -> usize {
        if by_unit {
            data.home_unit_index(s)
                .filter(|u| *u < data.units.len())
                .unwrap_or(data.units.len())
        } else {
            0
        }
    };
    if !by_unit {
        for c in Category::ALL {
            table[slot(0, c)] = Some([0; 8]);
        }
    }
    for n in data.nominations.iter().filter(|n| n.review == review) {
        let at = slot(unit_of(n.subject), data.category(n.subject));
        table[at].get_or_insert([0; 8])[0] += 1;
    }
    for (subject, category, status, award) in candidates {
        let counts = table[slot(unit_of(subject), category)].get_or_insert([0; 8]);
        match (status, award) {
            (Status::Proposed, Some(AwardKind::BangKhen)) => counts[2] += 1,
            (Status::Proposed, Some(AwardKind::GiayKhen)) => counts[3] += 1,
            (Status::OverQuota, _) => counts[4] += 1,
            (Status::Ineligible, _) => counts[5] += 1,
            _ => {}
        }
        if status != Status::Ineligible {
            counts[1] += 1;
        }
    }
    for a in data
        .awards
        .iter()
        .filter(|a| a.review == Some(review) && a.field == data.plan.field && a.revoked.is_none())
    {
        let counts =
            table[slot(unit_of(a.subject), data.category(a.subject))].get_or_insert([0; 8]);
        match a.award {
            AwardKind::BangKhen => counts[6] += 1,
            AwardKind::GiayKhen => counts[7] += 1,
        }
    }
    // Who registered for the review (for the final review, in any year
    // of the period: [`covers`]), each once, by unit and kind as the rest.
    let mut registered = vec![0u32; units * Category::ALL.len()];
    let mut counted = vec![false; data.dense_len()];
    for r in data
        .registrations
        .iter()
        .flatten()
        .filter(|r| covers(r.review, review))
    {
        if std::mem::replace(&mut counted[data.dense(r.subject)], true) {
            continue;
        }
        let at = slot(unit_of(r.subject), data.category(r.subject));
        registered[at] += 1;
        table[at].get_or_insert([0; 8]);
    }
    let mut categories = Category::ALL;
    categories.sort();
    for unit in 0..units {
        for category in categories {
            let Some(counts) = table[slot(unit, category)] else {
                continue;
            };
            let registered = data
                .registrations
                .as_ref()
                .map(|_| registered[slot(unit, category)]);
            out.push(SummaryRow {
                review: review.code(),
                unit: by_unit.then(|| {
                    data.units
                        .get(unit)
                        .map(|u| u.id.clone())
                        .unwrap_or_default()
                }),
                kind: category.code(),
                counts,
                registered,
            });
        }
    }
}

fn header(by_unit: bool) -> Vec<&'static str> {
    let mut h = vec!["review"];
    if by_unit {
        h.push("unit");
    }
    h.push("kind");
    h.extend(COUNT_COLUMNS);
    h.push("registered");
    h
}

fn fields(r: &SummaryRow) -> Vec<String> {
    let mut f = vec![r.review.clone()];
    if let Some(unit) = &r.unit {
        f.push(unit.clone());
    }
    f.push(r.kind.to_string());
    f.extend(r.counts.iter().map(u32::to_string));
    f.push(r.registered.map(|n| n.to_string()).unwrap_or_default());
    f
}

/// `summary --format csv`.
pub fn csv(rows: &[SummaryRow], by_unit: bool) -> String {
    csv_string(&header(by_unit), rows.iter().map(fields))
}

/// `summary --format json`.
pub fn json(rows: &[SummaryRow]) -> String {
    let rows: Vec<Value> = rows
        .iter()
        .map(|r| {
            let mut o = serde_json::Map::new();
            o.insert("review".into(), json!(r.review));
            if let Some(unit) = &r.unit {
                o.insert("unit".into(), json!(unit));
            }
            // `category` as in check and explain (the CSV's `kind`).
            o.insert("category".into(), json!(r.kind));
            for (name, n) in COUNT_COLUMNS.iter().zip(r.counts) {
                o.insert((*name).into(), json!(n));
            }
            o.insert("registered".into(), json!(r.registered));
            Value::Object(o)
        })
        .collect();
    json_string(&json!({ "rows": rows }))
}

/// The headers of the counts, in [`COUNT_COLUMNS`] order, in full or
/// short (for narrow widths, with [`legend`]).
fn count_headers(lang: Lang, short: bool) -> [&'static str; 8] {
    match (lang, short) {
        (Lang::Vi, false) => [
            "Được đề nghị",
            "Đủ điều kiện",
            "Đề nghị Bằng khen",
            "Đề nghị Giấy khen",
            "Vượt chỉ tiêu",
            "Không đủ điều kiện",
            "Đã nhận Bằng khen",
            "Đã nhận Giấy khen",
        ],
        (Lang::En, false) => [
            "Nominated",
            "Eligible",
            "Proposed Bằng khen",
            "Proposed Giấy khen",
            "Over quota",
            "Ineligible",
            "Granted Bằng khen",
            "Granted Giấy khen",
        ],
        (Lang::Vi, true) => [
            "Được đề nghị",
            "Đủ điều kiện",
            "Đề nghị BK",
            "Đề nghị GK",
            "Vượt chỉ tiêu",
            "Không đủ ĐK",
            "Đã nhận BK",
            "Đã nhận GK",
        ],
        (Lang::En, true) => [
            "Nom.",
            "Elig.",
            "Prop. BK",
            "Prop. GK",
            "Over quota",
            "Inel.",
            "Given BK",
            "Given GK",
        ],
    }
}

/// What the short headers stand for.
fn legend(lang: Lang) -> &'static str {
    lang.pick(
        "BK: Bằng khen · GK: Giấy khen · ĐK: điều kiện",
        "Coll.: collective · Indiv.: individual · Nom.: nominated · Elig.: eligible · Prop.: proposed · Inel.: ineligible · Given: granted · Reg.: registered · BK: Bằng khen · GK: Giấy khen",
    )
}

/// `summary` as a table, for people. When the full table is wider than
/// the width, its headers are shortened (a legend under it says what they
/// stand for), its inner lines dropped, and its columns wrapped at spaces.
pub fn table(data: &Dataset, rows: &[SummaryRow], by_unit: bool, style: &Style) -> String {
    let lang = style.lang;
    // Shown when the folder keeps registrations.
    let registrations = data.registrations.is_some();
    let build = |short: bool| {
        let mut h: Vec<&str> = vec![lang.pick("Đợt xét", "Review")];
        if by_unit {
            h.push(lang.pick("Đơn vị", "Unit"));
        }
        h.push(match (lang, short) {
            (Lang::Vi, false) => "Tập thể/Cá nhân",
            (Lang::Vi, true) => "Loại",
            (Lang::En, _) => "Kind",
        });
        h.extend(count_headers(lang, short));
        if registrations {
            h.push(match (lang, short) {
                (Lang::Vi, _) => "Đã đăng ký",
                (Lang::En, false) => "Registered",
                (Lang::En, true) => "Reg.",
            });
        }
        let mut t = new_table(style, &h);
        for r in rows {
            let mut cells = vec![comfy_table::Cell::new(&r.review)];
            if let Some(unit) = &r.unit {
                cells.push(comfy_table::Cell::new(if unit.is_empty() {
                    "–"
                } else {
                    unit
                }));
            }
            let category = if r.kind == Category::Collective.code() {
                Category::Collective
            } else {
                Category::Individual
            };
            let kind = match (short, lang, category) {
                (true, Lang::En, Category::Collective) => "Coll.",
                (true, Lang::En, Category::Individual) => "Indiv.",
                _ => labels::category(category, lang),
            };
            cells.push(comfy_table::Cell::new(kind));
            cells.extend(r.counts.iter().map(number));
            if registrations {
                cells.push(number(r.registered.unwrap_or(0)));
            }
            t.add_row(cells);
        }
        t
    };
    let title = match lang {
        Lang::Vi => format!("{} — tổng hợp theo đợt xét", data.plan.short_name),
        Lang::En => format!("{} — summary by review", data.plan.short_name),
    };
    let title = heading(&wrap(&title, style.width, 2), style);
    let full = build(false).to_string();
    let Some(width) = style.width.filter(|&w| table_width(&full) > w) else {
        return format!("{title}\n{full}\n");
    };
    let mut t = build(true);
    outline_only(&mut t);
    let all: Vec<usize> = (0..t.column_count()).collect();
    fit(&mut t, Some(width), &all);
    format!(
        "{title}\n{}\n{}\n",
        render(&t),
        wrap(legend(lang), Some(width), 2)
    )
}

/// The reviews to summarise: those asked for, or every review of the plan.
pub fn reviews_or_all(data: &Dataset, asked: Vec<Review>) -> Vec<Review> {
    if asked.is_empty() {
        data.plan.reviews()
    } else {
        asked
    }
}
