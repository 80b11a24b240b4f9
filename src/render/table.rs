//! Tables for people (comfy-table), with colour only when asked for.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{
    Attribute, Cell, CellAlignment, Color, ContentArrangement, ContentLineStyle, LineStyle, Table,
    TableStyle,
};

use crate::render::Style;

/// A table with a header, in the house style.
pub fn new_table(style: &Style, header: &[&str]) -> Table {
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED.with_rounded_corners());
    // The full layout; [`fit`] fits it to a width.
    table
        .set_content_arrangement(ContentArrangement::Disabled)
        .force_no_tty();
    if style.color {
        table.enforce_styling();
    }
    table.set_header(header.iter().map(|h| {
        let cell = Cell::new(h);
        if style.color {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    }));
    table
}

/// The outer border and the header line, without lines between columns.
const OUTLINE: TableStyle = TableStyle::new()
    .top_border(LineStyle::new('╭', '─', '─', '╮'))
    .header_lines(ContentLineStyle::new('│', ' ', '│'))
    .header_separator(LineStyle::new('╞', '═', '═', '╡'))
    .content_lines(ContentLineStyle::new('│', ' ', '│'))
    .bottom_border(LineStyle::new('╰', '─', '─', '╯'));

/// Draws a table with its outer border and header line only, columns two
/// spaces apart: for narrow widths. Call it once the rows are in.
pub fn outline_only(table: &mut Table) {
    table.load_style(OUTLINE);
    let last = table.column_count().saturating_sub(1);
    for (i, c) in table.column_iter_mut().enumerate() {
        c.set_padding((u16::from(i == 0), u16::from(i == last)));
    }
}

/// A right-aligned cell, for numbers.
pub fn number(text: impl ToString) -> Cell {
    Cell::new(text.to_string()).set_alignment(CellAlignment::Right)
}

/// A cell in a colour, when colour is on.
pub fn colored(text: impl ToString, color: Color, style: &Style) -> Cell {
    let cell = Cell::new(text.to_string());
    if style.color { cell.fg(color) } else { cell }
}

/// A heading line, bold when colour is on.
pub fn heading(text: &str, style: &Style) -> String {
    if style.color {
        format!("\x1b[1m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// The longest text that is never broken: a short parenthesised group,
/// such as a clause reference "(III.1.b)" or "(Luật TĐKT 2022, Điều 7)".
const UNBROKEN_GROUP: usize = 40;

/// The pieces of a line that wrapping never breaks: words, and short
/// parenthesised groups whole (a clause reference stays on one line).
fn pieces(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line.trim_start_matches(' ');
    while !rest.is_empty() {
        let mut end = rest.find(' ').unwrap_or(rest.len());
        if rest.starts_with('(')
            && let Some(close) = rest.find(')')
            && close > end
            && rest[..close].chars().count() < UNBROKEN_GROUP
        {
            // Up to the word holding the closing parenthesis.
            end = rest[close..].find(' ').map_or(rest.len(), |e| close + e);
        }
        out.push(&rest[..end]);
        rest = rest[end..].trim_start_matches(' ');
    }
    out
}

/// The width of a text in columns: its characters (the tool's texts are
/// precomposed, one column each).
pub fn columns(text: &str) -> usize {
    text.chars().count()
}

/// Wraps each line of `text` longer than `width` at spaces; the lines it
/// continues on are indented under the first line's text by `hang` more
/// columns than the line itself. Without a width, `text` is unchanged.
pub fn wrap(text: &str, width: Option<usize>, hang: usize) -> String {
    let Some(width) = width else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if columns(line) <= width {
            out.push_str(line);
            continue;
        }
        let lead = line.len() - line.trim_start_matches(' ').len();
        let indent = " ".repeat(lead + hang);
        let mut used = 0;
        out.push_str(&line[..lead]);
        used += lead;
        let mut first = true;
        for piece in pieces(line) {
            let n = columns(piece);
            if !first && used + 1 + n > width {
                out.push('\n');
                out.push_str(&indent);
                used = indent.len();
            } else if !first {
                out.push(' ');
                used += 1;
            }
            out.push_str(piece);
            used += n;
            first = false;
        }
    }
    out
}

/// Wraps each line of a text at `width`, its continuation lines hanging
/// under the text after the line's bullet ("- ", "✓ ", "=> "...), or two
/// columns in.
pub fn wrap_lines(text: &str, width: Option<usize>) -> String {
    if width.is_none() {
        return text.to_string();
    }
    text.split('\n')
        .map(|line| {
            let body = line.trim_start_matches(' ');
            let hang = ["- ", "✓ ", "✗ ", "· ", "=> "]
                .iter()
                .find(|b| body.starts_with(*b))
                .map_or(2, |b| columns(b));
            wrap(line, width, hang)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The widest line of a cell's text, and its longest piece.
fn cell_widths(text: &str) -> (usize, usize) {
    let widest = text.lines().map(columns).max().unwrap_or(0);
    let longest = text
        .lines()
        .flat_map(pieces)
        .map(columns)
        .max()
        .unwrap_or(0);
    (widest, longest)
}

/// Fits a table with its rows to `width`: the `flexible` columns (names,
/// notes) give up room, the widest first, down to their longest word or
/// clause reference, which is never broken; the other columns keep
/// theirs. Without a width, or when the table fits, it keeps its full
/// layout. Returns the width of each column's text.
pub fn fit(table: &mut Table, width: Option<usize>, flexible: &[usize]) -> Vec<usize> {
    let count = table.column_count();
    let mut natural = vec![0usize; count];
    let mut least = vec![0usize; count];
    // The widest text of each column's rows: narrower, the rows wrap, not
    // only the header.
    let mut rows_natural = vec![0usize; count];
    let header = table.header().into_iter().map(|h| (true, h));
    for (is_header, row) in header.chain(table.row_iter().map(|r| (false, r))) {
        for (i, cell) in row.cell_iter().enumerate().take(count) {
            let (widest, longest) = cell_widths(&cell.content());
            natural[i] = natural[i].max(widest);
            least[i] = least[i].max(longest);
            if !is_header {
                rows_natural[i] = rows_natural[i].max(widest);
            }
        }
    }
    // Headers wrap before rows do.
    let header_first: Vec<usize> = least
        .iter()
        .zip(&rows_natural)
        .map(|(&l, &r)| l.max(r))
        .collect();
    // What the borders and padding take: the full table's width less its
    // columns'.
    let frame = table_width(&table.to_string()).saturating_sub(natural.iter().sum());
    let budget = width.map_or(usize::MAX, |w| w.saturating_sub(frame));
    let mut widths = natural.clone();
    let total = |w: &[usize]| w.iter().sum::<usize>();
    let Some(width) = width.filter(|_| total(&widths) > budget) else {
        return widths;
    };
    shrink(&mut widths, &header_first, flexible, budget);
    shrink(&mut widths, &least, flexible, budget);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    table.set_width(u16::try_from(width).unwrap_or(u16::MAX));
    // comfy-table may count a border more than the full table showed.
    for _ in 0..3 {
        set_widths(table, &widths);
        let over = table_width(&table.to_string()).saturating_sub(width);
        if over == 0 {
            break;
        }
        let budget = total(&widths).saturating_sub(over);
        shrink(&mut widths, &least, flexible, budget);
    }
    widths
}

/// Narrows the widest flexible column, one column at a time, until the
/// widths add up to `budget` or every flexible column is at its least.
fn shrink(widths: &mut [usize], least: &[usize], flexible: &[usize], budget: usize) {
    let count = widths.len();
    while widths.iter().sum::<usize>() > budget {
        // The widest flexible column that can still give up a column.
        let Some(&i) = flexible
            .iter()
            .filter(|&&i| i < count && widths[i] > least[i].max(1))
            .max_by_key(|&&i| (widths[i], std::cmp::Reverse(i)))
        else {
            break;
        };
        widths[i] -= 1;
    }
}

/// Fixes each column's width (its text's, plus its padding).
fn set_widths(table: &mut Table, widths: &[usize]) {
    for (i, &w) in widths.iter().enumerate() {
        if let Some(c) = table.column_mut(i) {
            let padding = usize::from(c.padding_width());
            c.set_constraint(comfy_table::ColumnConstraint::Absolute(
                comfy_table::Width::Fixed(u16::try_from(w + padding).unwrap_or(u16::MAX)),
            ));
        }
    }
}

/// A table as text; no-break spaces, which kept a few words on one line
/// ([`NBSP`]), are plain spaces again.
pub fn render(table: &Table) -> String {
    table.to_string().replace(NBSP, " ")
}

/// A space where a line is not broken.
pub const NBSP: &str = "\u{a0}";

/// The width of a rendered table: its widest line's, colour codes left
/// out.
pub fn table_width(table: &str) -> usize {
    table.lines().map(visible_columns).max().unwrap_or(0)
}

/// The columns a line takes on a terminal: its characters less its colour
/// codes (`ESC [ ... m`).
fn visible_columns(line: &str) -> usize {
    let mut n = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_clause_references_whole_and_hangs() {
        let text = "- NV16 Tô Thị Hồng Nhung: hồ sơ nhận ngày 15/03/2024, quá hạn (Luật TĐKT 2022, Điều 7) [dossier_late]";
        let wrapped = wrap(text, Some(40), 2);
        assert_eq!(
            wrapped,
            "- NV16 Tô Thị Hồng Nhung: hồ sơ nhận\n  ngày 15/03/2024, quá hạn\n  (Luật TĐKT 2022, Điều 7)\n  [dossier_late]"
        );
        assert!(wrapped.lines().all(|l| columns(l) <= 40));
        assert_eq!(wrap(text, None, 2), text);
        assert_eq!(wrap("short", Some(40), 2), "short");
    }

    #[test]
    fn colour_codes_take_no_room() {
        assert_eq!(table_width("\x1b[1mĐợt xét\x1b[0m\nab"), 7);
    }
}
