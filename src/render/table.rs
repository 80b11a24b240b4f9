//! Tables for people (comfy-table), with colour only when asked for.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, CellAlignment, Color, ContentArrangement, Table};

use crate::render::Style;

/// A table with a header, in the house style.
pub fn new_table(style: &Style, header: &[&str]) -> Table {
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED.with_rounded_corners());
    if style.terminal {
        table.set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        table
            .set_content_arrangement(ContentArrangement::Disabled)
            .force_no_tty();
    }
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
