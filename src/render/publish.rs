//! `publish`: the page the Department posts on its website (VI.4). One
//! self-contained HTML file: inline CSS and SVG, no script, no request at
//! view time; `lang="vi"`; the review's granted list (once awards.csv holds
//! decisions for it) or its proposed list, by award and kind, in real
//! tables; and a chart of the awards granted per unit over the plan's
//! reviews, with the same figures in a table for those who cannot see it.

use maud::{DOCTYPE, Markup, PreEscaped, html};
use plotters::prelude::*;

use crate::lang::Lang;
use crate::model::{Dataset, Subject};
use crate::plan::{AwardKind, Category};
use crate::render::documents::{Names, review_phrase};
use crate::render::labels;
use crate::review::Review;
use crate::rules::{ReviewReport, Status};

/// One line of a published list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Name of the collective or person.
    pub name: String,
    /// A person's position.
    pub position: String,
    /// A person's unit.
    pub unit: String,
    /// The decision that granted it, for a granted list.
    pub decision: String,
}

/// Which list a page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    /// Decisions exist for the review: who was granted what.
    Granted,
    /// No decision yet: who the council proposes.
    Proposed,
}

/// The awards granted per unit and review, for the chart: units (names)
/// with at least one award, and for each the counts per review of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PerUnit {
    /// The plan's reviews, in order.
    pub reviews: Vec<Review>,
    /// (unit name, counts per review).
    pub units: Vec<(String, Vec<u32>)>,
}

fn line(data: &Dataset, subject: Subject, decision: String) -> Line {
    let (position, unit) = match subject {
        Subject::Person(i) => (
            data.people
                .get(i as usize)
                .and_then(|p| p.position.as_deref())
                .unwrap_or("")
                .to_string(),
            data.home_unit(subject)
                .map(|u| u.name.clone())
                .unwrap_or_default(),
        ),
        Subject::Unit(_) => (String::new(), String::new()),
    };
    Line {
        name: data.name(subject).to_string(),
        position,
        unit,
        decision,
    }
}

/// The lists of a review, by award (Bằng khen first) and category
/// (collectives first): granted if awards.csv holds any for the review,
/// else proposed.
pub fn lists(
    data: &Dataset,
    report: &ReviewReport,
) -> (ListKind, Vec<(AwardKind, Category, Vec<Line>)>) {
    let granted: Vec<_> = data
        .awards
        .iter()
        .filter(|a| a.review == Some(report.review) && a.revoked.is_none())
        .collect();
    let kind = if granted.is_empty() {
        ListKind::Proposed
    } else {
        ListKind::Granted
    };
    let mut out = Vec::new();
    for award in [AwardKind::BangKhen, AwardKind::GiayKhen] {
        for category in [Category::Collective, Category::Individual] {
            let lines: Vec<Line> = match kind {
                ListKind::Granted => granted
                    .iter()
                    .filter(|a| a.award == award && data.category(a.subject) == category)
                    .map(|a| line(data, a.subject, a.decision.clone().unwrap_or_default()))
                    .collect(),
                ListKind::Proposed => report
                    .candidates
                    .iter()
                    .filter(|c| {
                        c.status == Status::Proposed
                            && c.award == Some(award)
                            && c.category() == category
                    })
                    .map(|c| line(data, c.subject, String::new()))
                    .collect(),
            };
            out.push((award, category, lines));
        }
    }
    (kind, out)
}

/// The awards granted per unit (a person under their unit) in each review
/// of the plan, units in the order of units.toml.
pub fn per_unit(data: &Dataset) -> PerUnit {
    let reviews = data.plan.reviews();
    let mut counts = vec![vec![0u32; reviews.len()]; data.units.len()];
    for a in &data.awards {
        let Some(r) = reviews
            .iter()
            .position(|r| Some(*r) == a.review && a.revoked.is_none())
        else {
            continue;
        };
        if let Some(u) = data.home_unit_index(a.subject)
            && let Some(row) = counts.get_mut(u)
        {
            row[r] += 1;
        }
    }
    let units = data
        .units
        .iter()
        .zip(counts)
        .filter(|(_, c)| c.iter().any(|n| *n > 0))
        .map(|(u, c)| (u.name.clone(), c))
        .collect();
    PerUnit { reviews, units }
}

/// Colours of the reviews, distinguishable for colour-blind readers
/// (Okabe–Ito).
const PALETTE: [RGBColor; 7] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
    RGBColor(240, 228, 66),
];

fn short(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        return name.to_string();
    }
    let mut s: String = name.chars().take(max - 1).collect();
    s.push('…');
    s
}

/// The chart as SVG: one horizontal bar per unit, stacked by review.
pub fn chart(per: &PerUnit) -> Result<String, String> {
    let n = per.units.len().max(1);
    let width = 640u32;
    let legend = 34u32;
    let height = 60 + legend + 30 * n as u32;
    let max = per
        .units
        .iter()
        .map(|(_, c)| c.iter().sum::<u32>())
        .max()
        .unwrap_or(0)
        .max(1);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let (top, body) = root.split_vertically(legend);
        // The legend: one swatch per review.
        let mut x = 8i32;
        for (i, r) in per.reviews.iter().enumerate() {
            let colour = PALETTE[i % PALETTE.len()];
            top.draw(&Rectangle::new([(x, 10), (x + 14, 24)], colour.filled()))
                .map_err(|e| e.to_string())?;
            let label = r.code();
            top.draw(&Text::new(
                label.clone(),
                (x + 18, 11),
                ("sans-serif", 19).into_font(),
            ))
            .map_err(|e| e.to_string())?;
            x += 30 + 9 * label.len() as i32;
        }
        // A segmented range holds its end: n units are 0..n-1, except that
        // one unit needs a range that is not empty.
        let last = if n > 1 { n - 1 } else { n };
        let mut chart = ChartBuilder::on(&body)
            .margin_right(16)
            .margin_bottom(8)
            .x_label_area_size(48)
            .y_label_area_size(250)
            .build_cartesian_2d(0u32..max + 1, (0..last).into_segmented())
            .map_err(|e| e.to_string())?;
        let names: Vec<String> = per.units.iter().map(|(u, _)| short(u, 30)).collect();
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(n)
            .y_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => n
                    .checked_sub(i + 1)
                    .and_then(|k| names.get(k))
                    .cloned()
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .x_labels((max + 2).min(12) as usize)
            .x_label_formatter(&|v| v.to_string())
            .label_style(("sans-serif", 17))
            .x_desc("Số khen thưởng")
            .draw()
            .map_err(|e| e.to_string())?;
        // The first unit on top, as in the table below the chart.
        for (i, (_, counts)) in per.units.iter().enumerate() {
            let row = n - 1 - i;
            let mut from = 0u32;
            for (i, c) in counts.iter().enumerate() {
                if *c == 0 {
                    continue;
                }
                let colour = PALETTE[i % PALETTE.len()];
                let mut bar = Rectangle::new(
                    [
                        (from, SegmentValue::Exact(row)),
                        (from + c, SegmentValue::Exact(row + 1)),
                    ],
                    colour.filled(),
                );
                bar.set_margin(4, 4, 0, 0);
                chart
                    .draw_series(std::iter::once(bar))
                    .map_err(|e| e.to_string())?;
                from += c;
            }
        }
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

const CSS: &str = "
:root{color-scheme:light}
body{font-family:'Times New Roman',Times,serif;font-size:1.05rem;line-height:1.5;margin:0 auto;max-width:52rem;padding:1rem;color:#111;background:#fff}
header p{margin:.1rem 0}
h1{font-size:1.4rem;line-height:1.3;margin:1rem 0 .5rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #999}
h3{font-size:1.05rem;margin:1rem 0 .3rem}
.wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.3rem 0 1rem}
caption{text-align:left;font-style:italic;padding:.2rem 0}
th,td{border:1px solid #777;padding:.25rem .4rem;vertical-align:top;text-align:left}
th{background:#eee}
td.n,th.n{text-align:center;width:3rem}
figure{margin:1rem 0}
figure svg{width:100%;height:auto;max-width:640px}
.none{font-style:italic}
footer{margin-top:2rem;font-size:.9rem;color:#333}
@media (max-width:30rem){body{padding:.5rem;font-size:1rem}th,td{padding:.2rem}td.n,th.n{width:2rem}}
@media print{body{max-width:none;padding:0}h2,h3,caption{break-after:avoid}figure{break-inside:avoid}tr{break-inside:avoid}.wrap{overflow:visible}a{color:#000}}
";

fn list_table(category: Category, lines: &[Line], granted: bool, title: &str) -> Markup {
    html! {
        div class="wrap" {
            table {
                caption { (title) }
                thead {
                    tr {
                        th class="n" scope="col" { "STT" }
                        @if category == Category::Collective {
                            th scope="col" { "Tên tập thể" }
                        } @else {
                            th scope="col" { "Họ và tên" }
                            th scope="col" { "Chức vụ" }
                            th scope="col" { "Đơn vị" }
                        }
                        @if granted { th scope="col" { "Quyết định" } }
                    }
                }
                tbody {
                    @for (i, l) in lines.iter().enumerate() {
                        tr {
                            td class="n" { (i + 1) }
                            @if category == Category::Collective {
                                th scope="row" { (l.name) }
                            } @else {
                                th scope="row" { (l.name) }
                                td { (l.position) }
                                td { (l.unit) }
                            }
                            @if granted { td { (l.decision) } }
                        }
                    }
                }
            }
        }
    }
}

/// The page.
pub fn page(data: &Dataset, report: &ReviewReport) -> Result<String, String> {
    let review = report.review;
    let (names, _) = Names::of(data, review);
    let (kind, lists) = lists(data, report);
    let per = per_unit(data);
    let svg = if per.units.is_empty() {
        None
    } else {
        Some(chart(&per)?)
    };
    let granted = kind == ListKind::Granted;
    let field = names.field_text.replace(super::documents::BLANK, "");
    let title = [
        "Kết quả khen thưởng",
        field.trim(),
        review_phrase(review).as_str(),
    ]
    .iter()
    .filter(|p| !p.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(" ");
    let issuer = names.issuer.replace(super::documents::BLANK, "");
    let markup = html! {
        (DOCTYPE)
        html lang="vi" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                header {
                    @if !issuer.is_empty() { p { strong { (issuer) } } }
                    p { (data.plan.name) }
                }
                main {
                    h1 { (title) }
                    p {
                        @if granted {
                            "Danh sách các tập thể, cá nhân đã được khen thưởng theo quyết định của cấp có thẩm quyền."
                        } @else {
                            "Danh sách các tập thể, cá nhân được " (names.council.replace(super::documents::BLANK, "Hội đồng Thi đua - Khen thưởng")) " đề nghị khen thưởng; danh sách chính thức theo quyết định của cấp có thẩm quyền."
                        }
                    }
                    @for award in [AwardKind::BangKhen, AwardKind::GiayKhen] {
                        section {
                            h2 { (labels::award(award, Lang::Vi)) }
                            @for (a, category, lines) in lists.iter().filter(|(a, _, _)| *a == award) {
                                @let _ = a;
                                h3 { (labels::category(*category, Lang::Vi)) " (" (lines.len()) ")" }
                                @if lines.is_empty() {
                                    p class="none" { "Không có." }
                                } @else {
                                    (list_table(*category, lines, granted, &format!(
                                        "{} – {} – {}",
                                        labels::award_short(award, Lang::Vi),
                                        labels::category(*category, Lang::Vi),
                                        review_phrase(review)
                                    )))
                                }
                            }
                        }
                    }
                    section {
                        h2 { "Khen thưởng theo đơn vị qua các đợt xét" }
                        @if let Some(svg) = svg {
                            figure {
                                (PreEscaped(svg))
                                figcaption {
                                    "Số Bằng khen và Giấy khen đã được tặng cho mỗi đơn vị (tập thể và cá nhân thuộc đơn vị) trong từng đợt xét của kế hoạch, theo các quyết định khen thưởng."
                                }
                            }
                        } @else {
                            p class="none" { "Chưa có quyết định khen thưởng nào trong các đợt xét của kế hoạch." }
                        }
                        div class="wrap" {
                            table {
                                caption { "Số liệu của biểu đồ" }
                                thead {
                                    tr {
                                        th scope="col" { "Đơn vị" }
                                        @for r in &per.reviews { th class="n" scope="col" { (r.code()) } }
                                        th class="n" scope="col" { "Cộng" }
                                    }
                                }
                                tbody {
                                    @for (unit, counts) in &per.units {
                                        tr {
                                            th scope="row" { (unit) }
                                            @for c in counts { td class="n" { (c) } }
                                            td class="n" { (counts.iter().sum::<u32>()) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                footer {
                    p { "Cập nhật ngày " (report.today.format("%d/%m/%Y")) "." }
                }
            }
        }
    };
    Ok(markup.into_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_draws_one_unit_and_escapes_its_name() {
        let per = PerUnit {
            reviews: vec![Review::Annual(2023), Review::Annual(2024)],
            units: vec![("Phòng <A> & B".into(), vec![2, 1])],
        };
        let svg = chart(&per).expect("a chart");
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("Phòng &lt;A&gt; &amp; B"), "{svg}");
        assert!(!svg.contains("<A>"));
        // The background, two swatches and two bar segments.
        assert!(svg.matches("<rect").count() >= 5, "{svg}");
    }

    #[test]
    fn long_names_are_shortened_on_a_character_boundary() {
        assert_eq!(short("Trung tâm", 30), "Trung tâm");
        assert_eq!(short("Trung tâm Phục vụ", 10), "Trung tâm…");
    }
}
