//! A [`Draft`] as a .docx file, in the form of Nghị định 30/2020/NĐ-CP,
//! Phụ lục I: A4 portrait; margins top and bottom 20 mm, left 30 mm, right
//! 15 mm; Times New Roman; the two-column header without borders (superior
//! and issuer with a short rule under it on the left, quốc hiệu and tiêu
//! ngữ with a rule as long as it on the right; number and date line below
//! them); type and summary centred in bold; body 14 pt, justified; "Nơi
//! nhận:" 12 pt bold italic beside the signer's title.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, Header, LineSpacing, PageMargin, PageNum,
    Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts,
    SpecialIndentType, Table, TableAlignmentType, TableCell, TableCellMargins, TableLayoutType,
    TableRow, VAlignType, WidthType,
};

use crate::render::documents::{Align, Block, Cell, Draft, Span};

/// A4 in twentieths of a point (w:pgSz).
pub const PAGE_WIDTH: u32 = 11906;
/// A4 in twentieths of a point (w:pgSz).
pub const PAGE_HEIGHT: u32 = 16838;
/// 20 mm.
pub const MARGIN_TOP: i32 = 1134;
/// 20 mm.
pub const MARGIN_BOTTOM: i32 = 1134;
/// 30 mm.
pub const MARGIN_LEFT: i32 = 1701;
/// 15 mm.
pub const MARGIN_RIGHT: i32 = 851;
/// The font of every part.
pub const FONT: &str = "Times New Roman";

/// The width of the text, between the margins.
const TEXT_WIDTH: usize = PAGE_WIDTH as usize - MARGIN_LEFT as usize - MARGIN_RIGHT as usize;
/// The header's columns: the issuer's, then the quốc hiệu's. The header
/// reaches a little into the margins, as the forms do, so that the quốc
/// hiệu holds on one line.
const HEADER_LEFT: usize = 4100;
const HEADER_RIGHT: usize = 5900;
const HEADER_INDENT: i32 = -250;
/// Cell padding of the header and signature tables.
const PAD: usize = 60;

/// Sizes in half-points.
const BODY: usize = 28;
const HEADER: usize = 24;
const MOTTO: usize = 26;
const NUMBER: usize = 26;
const TABLE: usize = 24;
const RECIPIENTS_LABEL: usize = 24;
const RECIPIENTS: usize = 22;

/// Why a document could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot build the .docx: {0}")]
pub struct DocxError(String);

fn run(span: &Span, size: usize) -> Run {
    let mut r = Run::new().add_text(&span.text).size(size);
    if span.bold {
        r = r.bold();
    }
    if span.italic {
        r = r.italic();
    }
    r
}

fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after)
}

fn centered(spans: &[Span], size: usize) -> Paragraph {
    spans
        .iter()
        .fold(Paragraph::new(), |p, s| p.add_run(run(s, size)))
        .align(AlignmentType::Center)
        .line_spacing(spacing(0, 0))
}

/// A horizontal rule `width` long, centred in a space `room` wide: an empty
/// paragraph whose top border runs between its indents.
fn rule(width: usize, room: usize) -> Paragraph {
    let side = room.saturating_sub(width) / 2;
    let side = i32::try_from(side).unwrap_or(0);
    let mut p = Paragraph::new()
        .indent(Some(side), None, Some(side), None)
        .line_spacing(
            spacing(70, 0)
                .line(120)
                .line_rule(docx_rs::LineSpacingType::Exact),
        )
        .size(4);
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Top)
                .val(BorderType::Single)
                .size(6)
                .space(1)
                .color("000000"),
        ),
    );
    p
}

/// The date line, italic; a long place name ("Thành phố Hồ Chí Minh", which
/// Phụ lục I wants in full) is condensed a little to hold on one line.
fn date_run(text: &str) -> Run {
    let run = Run::new().add_text(text).italic().size(NUMBER);
    if text.chars().count() > 50 {
        run.character_spacing(-8)
    } else {
        run
    }
}

fn plain_cell(width: usize) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        .clear_all_border()
}

/// The header of Phụ lục I: superior and issuer, quốc hiệu and tiêu ngữ,
/// then the number and the date line.
fn header(d: &Draft) -> Table {
    let inner_left = HEADER_LEFT - 2 * PAD;
    let inner_right = HEADER_RIGHT - 2 * PAD;
    let left = plain_cell(HEADER_LEFT)
        .add_paragraph(centered(&[Span::plain(d.superior.clone())], HEADER))
        .add_paragraph(centered(&[Span::bold(d.issuer.clone())], HEADER))
        .add_paragraph(rule(inner_left * 2 / 5, inner_left));
    let right = plain_cell(HEADER_RIGHT)
        .add_paragraph(centered(
            &[Span::bold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")],
            HEADER,
        ))
        .add_paragraph(centered(
            &[Span::bold("Độc lập - Tự do - Hạnh phúc")],
            MOTTO,
        ))
        .add_paragraph(rule(3150, inner_right));
    let number = plain_cell(HEADER_LEFT).add_paragraph(
        centered(&[Span::plain(d.number.clone())], NUMBER).line_spacing(spacing(120, 0)),
    );
    let date = plain_cell(HEADER_RIGHT).add_paragraph(
        Paragraph::new()
            .add_run(date_run(&d.date_line))
            .align(AlignmentType::Center)
            .line_spacing(spacing(120, 0)),
    );
    Table::without_borders(vec![
        TableRow::new(vec![left, right]),
        TableRow::new(vec![number, date]),
    ])
    .set_grid(vec![HEADER_LEFT, HEADER_RIGHT])
    .width(HEADER_LEFT + HEADER_RIGHT, WidthType::Dxa)
    .indent(HEADER_INDENT)
    .layout(TableLayoutType::Fixed)
    .margins(TableCellMargins::new().margin(0, PAD, 0, PAD))
}

fn paragraph(spans: &[Span], align: Align) -> Paragraph {
    let p = spans
        .iter()
        .fold(Paragraph::new(), |p, s| p.add_run(run(s, BODY)));
    match align {
        Align::Body => p
            .align(AlignmentType::Both)
            .indent(None, Some(SpecialIndentType::FirstLine(567)), None, None)
            .line_spacing(spacing(0, 120)),
        Align::Center => p
            .align(AlignmentType::Center)
            .line_spacing(spacing(60, 120)),
        Align::Left => p.align(AlignmentType::Left).line_spacing(spacing(120, 60)),
    }
}

/// Whether a cell holds a number (centred) rather than text.
fn numeric(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '/' | ',' | '%' | '—' | '.'))
}

fn table_cell(c: &Cell, width: usize, bold: bool) -> TableCell {
    let align = if bold || numeric(&c.text) {
        AlignmentType::Center
    } else {
        AlignmentType::Left
    };
    let mut r = Run::new().add_text(&c.text).size(TABLE);
    if bold || c.bold {
        r = r.bold();
    }
    let mut cell = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(
            Paragraph::new()
                .add_run(r)
                .align(align)
                .line_spacing(spacing(40, 40)),
        );
    if c.span > 1 {
        cell = cell.grid_span(c.span);
    }
    cell
}

fn table(widths: &[u32], header: &[String], rows: &[Vec<Cell>]) -> Table {
    let sum: u32 = widths.iter().sum::<u32>().max(1);
    let cols: Vec<usize> = widths
        .iter()
        .map(|w| (*w as usize) * TEXT_WIDTH / sum as usize)
        .collect();
    let head = TableRow::new(
        header
            .iter()
            .zip(&cols)
            .map(|(h, w)| {
                table_cell(
                    &Cell {
                        text: h.clone(),
                        bold: true,
                        span: 1,
                    },
                    *w,
                    true,
                )
            })
            .collect(),
    );
    let mut out = vec![head];
    for row in rows {
        let mut at = 0;
        let mut cells = Vec::new();
        for c in row {
            let width: usize = cols.iter().skip(at).take(c.span.max(1)).sum();
            at += c.span.max(1);
            cells.push(table_cell(c, width, false));
        }
        out.push(TableRow::new(cells).cant_split());
    }
    Table::new(out)
        .set_grid(cols)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .align(TableAlignmentType::Center)
}

fn blocks(mut doc: Docx, blocks: &[Block]) -> Docx {
    for b in blocks {
        doc = match b {
            Block::Para { spans, align } => doc.add_paragraph(paragraph(spans, *align)),
            Block::Table {
                widths,
                header,
                rows,
            } => doc
                .add_table(table(widths, header, rows))
                .add_paragraph(Paragraph::new().size(8).line_spacing(spacing(0, 0))),
            Block::PageBreak => {
                doc.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)))
            }
        };
    }
    doc
}

/// "Nơi nhận:" and its items, beside the signers; or two signers side by
/// side.
fn signatures(d: &Draft) -> Table {
    let signer_cell = |title: &[String], width: usize| {
        let mut cell = plain_cell(width);
        for t in title {
            cell = cell.add_paragraph(centered(&[Span::bold(t.clone())], BODY));
        }
        for _ in 0..4 {
            cell = cell.add_paragraph(Paragraph::new().line_spacing(spacing(0, 0)));
        }
        cell.add_paragraph(centered(&[Span::bold(super::BLANK)], BODY))
    };
    let left_width = TEXT_WIDTH / 2;
    let right_width = TEXT_WIDTH - left_width;
    let cells = match d.signers.as_slice() {
        [a, b, ..] => vec![
            signer_cell(&a.title, left_width),
            signer_cell(&b.title, right_width),
        ],
        signers => {
            let mut left = plain_cell(left_width);
            if !d.recipients.is_empty() {
                left = left.add_paragraph(
                    Paragraph::new()
                        .add_run(
                            Run::new()
                                .add_text("Nơi nhận:")
                                .bold()
                                .italic()
                                .size(RECIPIENTS_LABEL),
                        )
                        .line_spacing(spacing(0, 0)),
                );
                for r in &d.recipients {
                    left = left.add_paragraph(
                        Paragraph::new()
                            .add_run(Run::new().add_text(format!("- {r}")).size(RECIPIENTS))
                            .line_spacing(spacing(0, 0)),
                    );
                }
            } else {
                left = left.add_paragraph(Paragraph::new());
            }
            let title = signers.first().map(|s| s.title.clone()).unwrap_or_default();
            vec![left, signer_cell(&title, right_width)]
        }
    };
    Table::without_borders(vec![TableRow::new(cells).cant_split()])
        .set_grid(vec![left_width, right_width])
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, PAD, 0, PAD))
}

/// The .docx of a draft.
pub fn docx(d: &Draft) -> Result<Vec<u8>, DocxError> {
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    let mut doc = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TOP)
                .bottom(MARGIN_BOTTOM)
                .left(MARGIN_LEFT)
                .right(MARGIN_RIGHT)
                .header(709)
                .footer(709),
        )
        .default_fonts(fonts)
        .default_size(BODY)
        // Page numbers centred in the top margin, from the second page on.
        .header(
            Header::new().add_paragraph(
                Paragraph::new()
                    .add_page_num(PageNum::new())
                    .align(AlignmentType::Center)
                    .size(NUMBER),
            ),
        )
        .first_header(Header::new())
        .title_pg();
    if d.draft_mark {
        doc = doc.add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("DỰ THẢO").bold().size(HEADER))
                .align(AlignmentType::Right)
                .line_spacing(spacing(0, 60)),
        );
    }
    doc = doc.add_table(header(d));
    doc = doc.add_paragraph(
        centered(&[Span::bold(d.title.clone())], BODY).line_spacing(spacing(360, 0)),
    );
    for line in &d.summary {
        doc = doc.add_paragraph(centered(&[Span::bold(line.clone())], BODY));
    }
    doc = doc.add_paragraph(rule(TEXT_WIDTH / 4, TEXT_WIDTH));
    doc = doc.add_paragraph(Paragraph::new().size(8).line_spacing(spacing(0, 0)));
    doc = blocks(doc, &d.body);
    doc = doc.add_table(signatures(d));
    if !d.appendix.is_empty() {
        doc = blocks(doc, &[Block::PageBreak]);
        doc = blocks(doc, &d.appendix);
    }
    let mut out = Cursor::new(Vec::new());
    doc.pack(&mut out).map_err(|e| DocxError(e.to_string()))?;
    Ok(out.into_inner())
}
