//! `export REVIEW -o FILE`: the nomination list (proposed candidates only) as
//! a document for people, in CSV (UTF-8 with a BOM, for Excel) or `.xlsx`.
//!
//! Rows are grouped by award (Bằng khen, then Giấy khen), collectives before
//! individuals, in rank order or, with `--sort name`, in the order of
//! official lists: by given name, then middle names, then family name, in
//! Vietnamese alphabetical order. Text that a spreadsheet would run as a
//! formula is neutralised.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format as XlsxFormat, FormatAlign, Workbook, XlsxError};

use crate::lang::Lang;
use crate::model::{Dataset, Score, Subject, Votes};
use crate::plan::{AwardKind, Category};
use crate::render::labels;
use crate::render::warnings::message;
use crate::rules::{ReviewReport, Status, WarningDetail};
use crate::text::NameOrder;

/// The order of rows within a group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// By rank (the council's order).
    #[default]
    Rank,
    /// By name, the way official lists are ordered.
    Name,
}

/// One proposed candidate, ready for a document.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportRow {
    /// The award proposed.
    pub award: AwardKind,
    /// Collective or individual.
    pub category: Category,
    /// Number within its group, from 1 (STT).
    pub number: usize,
    /// The subject.
    pub subject: Subject,
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// A person's position.
    pub position: String,
    /// A person's unit (its name).
    pub unit: String,
    /// The council's vote.
    pub votes: Option<Votes>,
    /// Total score.
    pub score: Score,
    /// Rank among the eligible of its category.
    pub rank: u32,
    /// When its dossier was received.
    pub received: Option<NaiveDate>,
    /// The review's warnings about it, if any.
    pub note: String,
}

/// The proposed candidates of a review, grouped and ordered.
pub fn rows(data: &Dataset, report: &ReviewReport, sort: SortOrder, lang: Lang) -> Vec<ExportRow> {
    let names = NameOrder::new();
    let mut out = Vec::new();
    for award in AwardKind::ALL {
        for category in Category::ALL {
            let mut group: Vec<_> = report
                .candidates
                .iter()
                .filter(|r| {
                    r.status == Status::Proposed
                        && r.award == Some(award)
                        && r.category() == category
                })
                .collect();
            if sort == SortOrder::Name {
                group.sort_by(|a, b| {
                    let (na, nb) = (data.name(a.subject), data.name(b.subject));
                    let by_name = match category {
                        Category::Individual => names.compare_names(na, nb),
                        Category::Collective => names.compare_words(na, nb),
                    };
                    by_name.then_with(|| data.id(a.subject).cmp(data.id(b.subject)))
                });
            }
            for (i, r) in group.into_iter().enumerate() {
                let (position, unit) = match r.subject {
                    Subject::Person(p) => (
                        data.people[p as usize]
                            .position
                            .as_ref()
                            .map_or_else(String::new, |p| p.to_string()),
                        data.home_unit(r.subject)
                            .map(|u| u.name.clone())
                            .unwrap_or_default(),
                    ),
                    Subject::Unit(_) => (String::new(), String::new()),
                };
                let note = report
                    .warnings
                    .iter()
                    // Its own, and a tie where it is the side given the
                    // award: an open question shows on both rows.
                    .filter(|w| {
                        w.subject == Some(r.subject)
                            || matches!(w.detail, WarningDetail::TieAtCutoff { given, .. } if given == r.subject)
                    })
                    .map(|w| match (&w.detail, w.subject) {
                        // The side given the award: the other is the one
                        // left out below the line.
                        (WarningDetail::TieAtCutoff { award, given }, Some(out))
                            if *given == r.subject =>
                        {
                            let other = format!("{} {}", data.id(out), data.name(out));
                            let award = labels::award_short(*award, lang);
                            match lang {
                                Lang::Vi => format!(
                                    "bằng phiếu và bằng điểm với {other}, người đứng ngay dưới ngưỡng chỉ tiêu {award}: Hội đồng cần quyết định"
                                ),
                                Lang::En => format!(
                                    "level on votes and score with {other}, the first below the {award} quota line: the council must decide"
                                ),
                            }
                        }
                        _ => message(data, w, lang),
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                out.push(ExportRow {
                    award,
                    category,
                    number: i + 1,
                    subject: r.subject,
                    id: data.id(r.subject).to_string(),
                    name: data.name(r.subject).to_string(),
                    position,
                    unit,
                    votes: r.votes,
                    score: r.score,
                    rank: r.rank.unwrap_or(0),
                    received: r.nomination.and_then(|n| data.nominations[n].received),
                    note,
                });
            }
        }
    }
    out
}

/// Neutralises a cell a spreadsheet would run as a formula (leading `=`,
/// `+`, `-`, `@`, tab or carriage return) by prefixing an apostrophe, which
/// spreadsheets show as plain text.
pub fn neutralise(text: &str) -> String {
    if formula_like(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Whether a spreadsheet would read a typed text as a formula.
pub fn formula_like(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The column headers of the document.
pub fn headers(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::Vi => [
            "STT",
            "Hình thức khen thưởng",
            "Tập thể/Cá nhân",
            "Mã",
            "Họ và tên / Tên tập thể",
            "Chức vụ",
            "Đơn vị",
            "Phiếu đồng ý",
            "Tổng số phiếu",
            "Điểm",
            "Ngày nhận hồ sơ",
            "Ghi chú",
        ],
        Lang::En => [
            "No.",
            "Award",
            "Collective/Individual",
            "Id",
            "Name",
            "Position",
            "Unit",
            "Votes in favour",
            "Votes cast",
            "Score",
            "Dossier received",
            "Note",
        ],
    }
}

fn category_label(c: Category, lang: Lang) -> &'static str {
    match (c, lang) {
        (Category::Collective, Lang::Vi) => "Tập thể",
        (Category::Individual, Lang::Vi) => "Cá nhân",
        (Category::Collective, Lang::En) => "Collective",
        (Category::Individual, Lang::En) => "Individual",
    }
}

/// The document as CSV: UTF-8 with a BOM (so that Excel shows Vietnamese),
/// CRLF line ends, comma-separated.
pub fn csv(rows: &[ExportRow], lang: Lang) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    let _ = writer.write_record(headers(lang));
    for r in rows {
        let record = [
            r.number.to_string(),
            labels::award(r.award, lang).to_string(),
            category_label(r.category, lang).to_string(),
            neutralise(&r.id),
            neutralise(&r.name),
            neutralise(&r.position),
            neutralise(&r.unit),
            r.votes.map(|v| v.in_favour.to_string()).unwrap_or_default(),
            r.votes.map(|v| v.total.to_string()).unwrap_or_default(),
            lang.decimal(&r.score.to_string()),
            r.received.map(|d| lang.date(d)).unwrap_or_default(),
            neutralise(&r.note),
        ];
        let _ = writer.write_record(&record);
    }
    writer.into_inner().unwrap_or_default()
}

/// A sheet name: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(award: AwardKind, category: Category, lang: Lang) -> String {
    let name = format!(
        "{} - {}",
        labels::award_short(award, lang),
        category_label(category, lang)
    );
    name.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

/// The columns of the printable workbook: those of [`headers`] but the
/// internal code and what its sheet's title already says (the award,
/// collective or individual).
fn sheet_headers(lang: Lang) -> Vec<&'static str> {
    const LEFT_OUT: [usize; 3] = [1, 2, 3];
    headers(lang)
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !LEFT_OUT.contains(i))
        .map(|(_, h)| h)
        .collect()
}

/// `export --format xlsx`: a sheet per award and kind, printable as it
/// stands: A4 landscape, one page wide, the header row repeated on every
/// page, Times New Roman, wrapped text, a title, the date line and the
/// signer's block below the list.
pub fn xlsx(
    data: &Dataset,
    report: &ReviewReport,
    rows: &[ExportRow],
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    const FONT: &str = "Times New Roman";
    let mut workbook = Workbook::new();
    let base = XlsxFormat::new().set_font_name(FONT).set_font_size(12);
    let title = base
        .clone()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center);
    let subtitle = base.clone().set_italic().set_align(FormatAlign::Center);
    let header = base
        .clone()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let text = base
        .clone()
        .set_border(rust_xlsxwriter::FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    // A text cell is never a formula in the file, but one that looks like
    // it becomes a formula once the clerk edits it and presses Enter: such
    // cells carry the quote prefix (the apostrophe Excel shows), as the
    // CSV export prefixes them.
    let quoted = text.clone().set_quote_prefix();
    let data_text = |s: &str| if formula_like(s) { &quoted } else { &text };
    let quoted_subtitle = subtitle.clone().set_quote_prefix();
    let number = base
        .clone()
        .set_border(rust_xlsxwriter::FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let decimal = number.clone().set_num_format("0.0##");
    let date = number.clone().set_num_format("dd/mm/yyyy");
    let date_line = base.clone().set_italic().set_align(FormatAlign::Center);
    let signer = base.clone().set_bold().set_align(FormatAlign::Center);
    let sign_here = base.clone().set_italic().set_align(FormatAlign::Center);
    // Widths in characters: about 150 in all, one landscape A4 page wide.
    let widths = [5.0, 26.0, 18.0, 24.0, 9.0, 9.0, 7.0, 11.0, 36.0];
    let last_col = (widths.len() - 1) as u16;
    let documents = data.plan.documents.as_ref();
    let place = documents.map(|d| d.for_review(report.review).place.to_string());
    let year = crate::render::documents::issue_year(report.review);
    for award in AwardKind::ALL {
        for category in Category::ALL {
            let group: Vec<&ExportRow> = rows
                .iter()
                .filter(|r| r.award == award && r.category == category)
                .collect();
            let sheet = workbook.add_worksheet();
            sheet.set_name(sheet_name(award, category, lang))?;
            sheet.set_landscape();
            sheet.set_paper_size(9); // A4
            sheet.set_print_fit_to_pages(1, 0);
            sheet.set_margins(0.6, 0.4, 0.6, 0.6, 0.3, 0.3);
            sheet.set_repeat_rows(3, 3)?;
            sheet.set_print_center_horizontally(true);
            let heading = match lang {
                Lang::Vi => format!(
                    "DANH SÁCH ĐỀ NGHỊ {} – {} – ĐỢT XÉT {}",
                    labels::award(award, lang).to_uppercase(),
                    category_label(category, lang).to_uppercase(),
                    labels::review(report.review, lang).to_uppercase()
                ),
                Lang::En => format!(
                    "Nominations for the {} – {} – {}",
                    labels::award(award, lang),
                    category_label(category, lang).to_lowercase(),
                    labels::review(report.review, lang)
                ),
            };
            sheet.merge_range(0, 0, 0, last_col, &heading, &title)?;
            sheet.set_row_height(0, 22)?;
            let line = format!("{} — {}", data.plan.name, data.plan.issuer);
            let format = if formula_like(&line) {
                &quoted_subtitle
            } else {
                &subtitle
            };
            sheet.merge_range(1, 0, 1, last_col, &line, format)?;
            sheet.set_row_height(1, 32)?;
            for (col, h) in sheet_headers(lang).iter().enumerate() {
                sheet.write_string_with_format(3, col as u16, *h, &header)?;
                sheet.set_column_width(col as u16, widths[col])?;
            }
            sheet.set_row_height(3, 32)?;
            sheet.set_freeze_panes(4, 0)?;
            for (i, r) in group.iter().enumerate() {
                let row = 4 + i as u32;
                sheet.write_number_with_format(row, 0, r.number as f64, &number)?;
                sheet.write_string_with_format(row, 1, &r.name, data_text(&r.name))?;
                sheet.write_string_with_format(row, 2, &r.position, data_text(&r.position))?;
                sheet.write_string_with_format(row, 3, &r.unit, data_text(&r.unit))?;
                match r.votes {
                    Some(v) => {
                        sheet.write_number_with_format(row, 4, f64::from(v.in_favour), &number)?;
                        sheet.write_number_with_format(row, 5, f64::from(v.total), &number)?;
                    }
                    None => {
                        sheet.write_blank(row, 4, &number)?;
                        sheet.write_blank(row, 5, &number)?;
                    }
                }
                sheet.write_number_with_format(row, 6, r.score.as_f64(), &decimal)?;
                match r.received.and_then(excel_date) {
                    Some(d) => sheet.write_date_with_format(row, 7, &d, &date)?,
                    None => sheet.write_blank(row, 7, &date)?,
                };
                sheet.write_string_with_format(row, 8, &r.note, data_text(&r.note))?;
                // Tall enough for the longest wrapped cell (a note of a
                // few lines, a long unit name).
                let lines = [(&r.note, 36usize), (&r.unit, 24), (&r.name, 26)]
                    .iter()
                    .map(|(t, w)| t.chars().count().div_ceil(*w).max(1))
                    .max()
                    .unwrap_or(1);
                sheet.set_row_height(row, 16.0 * lines as f64)?;
            }
            let mut next = 4 + group.len() as u32;
            if group.is_empty() {
                sheet.merge_range(
                    next,
                    0,
                    next,
                    last_col,
                    lang.pick("(không có)", "(none)"),
                    &sign_here,
                )?;
                next += 1;
            }
            // The date line and the signer's block, under the list on the
            // right, as the clerk signs it.
            let dated = match (&place, lang) {
                (Some(place), Lang::Vi) => format!("{place}, ngày      tháng      năm {year}"),
                (None, Lang::Vi) => format!("………, ngày      tháng      năm {year}"),
                (Some(place), Lang::En) => format!("{place}, on the      day of           {year}"),
                (None, Lang::En) => format!("………, on the      day of           {year}"),
            };
            let title_of_signer = documents
                .map(|d| d.signer_title.to_uppercase())
                .unwrap_or_else(|| lang.pick("NGƯỜI LẬP DANH SÁCH", "PREPARED BY").to_string());
            sheet.merge_range(next + 1, 5, next + 1, last_col, &dated, &date_line)?;
            sheet.merge_range(next + 2, 5, next + 2, last_col, &title_of_signer, &signer)?;
            sheet.merge_range(
                next + 3,
                5,
                next + 3,
                last_col,
                lang.pick("(Ký, ghi rõ họ tên)", "(Signature and full name)"),
                &sign_here,
            )?;
        }
    }
    workbook.save_to_buffer()
}

fn excel_date(d: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(d.year()).ok()?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        for f in ["=1+1", "+A1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralise(f).starts_with('\''), "{f:?}");
        }
        assert_eq!(neutralise("Nguyễn Văn An"), "Nguyễn Văn An");
        assert_eq!(neutralise("a=b"), "a=b");
    }

    #[test]
    fn sheet_names_are_valid() {
        for award in AwardKind::ALL {
            for category in Category::ALL {
                for lang in [Lang::Vi, Lang::En] {
                    let name = sheet_name(award, category, lang);
                    assert!(
                        name.chars().count() <= 31
                            && !name.contains(['/', '[', ']', ':', '*', '?', '\\'])
                    );
                }
            }
        }
    }
}
