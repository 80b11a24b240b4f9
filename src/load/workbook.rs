//! Workbooks (`.xlsx`, `.xlsm`, `.xls`, `.ods`) as sources.
//!
//! A sheet is turned into CSV text in memory, one line per sheet row (line
//! 5 of the text is row 5 of the sheet, field 3 is column D), and read by
//! the same loaders as a CSV file: one validation path. Cells are rendered
//! by their type: a date as `YYYY-MM-DD`, a whole number as an integer
//! (`95`, not `95.0`), a boolean as `true`/`false`, a formula as its cached
//! value, an error as its text (`#N/A`). Line breaks inside a cell read as
//! spaces, so that lines stay rows.
//!
//! The text of a sheet is shown as `book.xlsx[sheet]`; once loaded, every
//! diagnostic about it is rewritten ([`relocate`]) to name the workbook,
//! the sheet and the cell (`achievements.xlsx[2023]!D14`).

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, SheetVisible, Sheets, open_workbook_auto};

use crate::diag::{Diagnostic, Problem};
use crate::load::content::CsvFile;
use crate::load::csv_table::{Column, names_column};
use crate::load::source::{MAX_FILE_BYTES, TextFile};
use crate::text::fold;

/// The extensions read as workbooks.
pub const EXTENSIONS: [&str; 4] = ["xlsx", "xlsm", "xls", "ods"];

/// The one workbook that may hold every file as a sheet, without extension.
pub const BOOK_STEM: &str = "thiduakt";

/// The extensions of that workbook.
pub const BOOK_EXTENSIONS: [&str; 2] = ["xlsx", "ods"];

/// How many rows are looked at for the header (a title above it).
const HEADER_SEARCH: usize = 50;

/// Whether a path names a workbook, by its extension.
pub fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Whether a sheet name names a file of the folder: `stem` (`people`) or
/// one of `names`, matched as headers are (case, diacritics and spaces
/// ignored).
pub fn sheet_is(sheet: &str, names: &[&str]) -> bool {
    let folded = fold(sheet);
    names.iter().any(|n| fold(n) == folded)
}

/// `book.xlsx[sheet]`: how the text of a sheet is shown until
/// [`relocate`] splits it.
pub fn sheet_shown(book: &Path, sheet: &str) -> PathBuf {
    let mut s = book.as_os_str().to_os_string();
    s.push(format!("[{sheet}]"));
    PathBuf::from(s)
}

/// The place of a row of a file as shown: `file:line`, or for a sheet
/// `book.xlsx[sheet]!A5` (its line is its row).
pub fn place(shown: &Path, line: u32) -> String {
    let text = shown.display().to_string();
    if text.ends_with(']') && text.contains('[') {
        format!("{text}!A{line}")
    } else {
        format!("{text}:{line}")
    }
}

/// An open workbook.
pub struct Book {
    /// As shown to the user.
    pub shown: PathBuf,
    sheets: Sheets<BufReader<File>>,
    /// Its visible sheets, in order.
    pub visible: Vec<String>,
}

fn unreadable(shown: &Path, reason: String) -> Box<Diagnostic> {
    Box::new(Diagnostic::error(
        Some(shown.to_path_buf()),
        Problem::Unreadable { reason },
    ))
}

/// Runs a step of the spreadsheet reader, turning a panic on a corrupt
/// file into an error about that file.
fn guarded<T>(
    shown: &Path,
    step: impl FnOnce() -> Result<T, String>,
) -> Result<T, Box<Diagnostic>> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(step)) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(reason)) => Err(unreadable(shown, reason)),
        Err(_) => Err(unreadable(shown, "not a readable workbook".into())),
    }
}

impl Book {
    /// Opens a workbook; a file that is not one is an error naming it.
    pub fn open(path: &Path, shown: &Path) -> Result<Book, Box<Diagnostic>> {
        let meta = std::fs::metadata(path).map_err(|e| unreadable(shown, e.to_string()))?;
        if meta.len() > MAX_FILE_BYTES {
            return Err(Box::new(Diagnostic::error(
                Some(shown.to_path_buf()),
                Problem::TooLarge {
                    limit: MAX_FILE_BYTES,
                },
            )));
        }
        let sheets = guarded(shown, || {
            open_workbook_auto(path).map_err(|e| e.to_string())
        })?;
        let visible = sheets
            .sheets_metadata()
            .iter()
            .filter(|s| s.visible == SheetVisible::Visible)
            .map(|s| s.name.clone())
            .collect();
        Ok(Book {
            shown: shown.to_path_buf(),
            sheets,
            visible,
        })
    }

    /// The visible sheet that names a file of the folder, if any.
    pub fn find(&self, names: &[&str]) -> Option<String> {
        self.visible.iter().find(|s| sheet_is(s, names)).cloned()
    }

    /// A sheet as CSV text, its header found against `columns`.
    pub fn sheet(&mut self, name: &str, columns: &[Column]) -> Result<CsvFile, Box<Diagnostic>> {
        let shown = sheet_shown(&self.shown, name);
        let sheets = &mut self.sheets;
        let range = guarded(&shown, || {
            sheets.worksheet_range(name).map_err(|e| e.to_string())
        })?;
        let text = guarded(&shown, || Ok(sheet_text(&range, columns)))?;
        Ok(CsvFile::from_text(TextFile { shown, text }))
    }
}

/// The CSV text of a sheet: one line per row from row 1, one field per
/// column from column A, rows above the header (a title) blank.
pub fn sheet_text(range: &calamine::Range<Data>, columns: &[Column]) -> String {
    let Some((top, left)) = range.start() else {
        return String::new();
    };
    let (top, left) = (top as usize, left as usize);
    let width = left + range.width();
    let mut cell = String::new();
    // The header: the first row one of whose cells names a required column
    // (else the first row with anything in it).
    let mut header = None;
    let mut first_filled = None;
    for (i, row) in range.rows().take(HEADER_SEARCH).enumerate() {
        let mut filled = false;
        for c in row {
            cell.clear();
            render(c, &mut cell);
            if cell.trim().is_empty() {
                continue;
            }
            filled = true;
            if names_column(columns, cell.trim()) {
                header = Some(i);
                break;
            }
        }
        if header.is_some() {
            break;
        }
        if filled && first_filled.is_none() {
            first_filled = Some(i);
        }
    }
    let header = header.or(first_filled).unwrap_or(0);
    let mut out: Vec<u8> = Vec::with_capacity(range.height() * width * 8);
    // Rows above the header are empty lines, as a CSV file's would be.
    out.resize(top + header, b'\n');
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(&mut out);
    for row in range.rows().skip(header) {
        for _ in 0..left {
            let _ = writer.write_field("");
        }
        for c in row {
            cell.clear();
            render(c, &mut cell);
            if cell.contains(['\n', '\r']) {
                cell = cell.replace("\r\n", " ").replace(['\n', '\r'], " ");
            }
            let _ = writer.write_field(&cell);
        }
        if width == 1 {
            // A record of one empty field must still be a line.
            let _ = writer.write_field("");
        }
        let _ = writer.write_record(None::<&[u8]>);
    }
    let _ = writer.flush();
    drop(writer);
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A cell's value as text, by its type.
fn render(cell: &Data, out: &mut String) {
    use std::fmt::Write as _;
    match cell {
        Data::Empty => {}
        Data::String(s) => out.push_str(s),
        Data::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Data::Float(f) => float(*f, out),
        Data::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            let _ = write!(out, "{y:04}-{m:02}-{d:02}");
        }
        Data::DateTime(dt) => float(dt.as_f64(), out),
        Data::DateTimeIso(s) => {
            // `2024-03-15T00:00:00` or `2024-03-15`: the date.
            let date = s.split('T').next().unwrap_or(s);
            out.push_str(date);
        }
        Data::DurationIso(s) => out.push_str(s),
        Data::Error(e) => {
            let _ = write!(out, "{e}");
        }
    }
}

/// A number: whole as an integer, otherwise Rust's shortest form.
fn float(f: f64, out: &mut String) {
    use std::fmt::Write as _;
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        let _ = write!(out, "{}", f as i64);
    } else {
        let _ = write!(out, "{f}");
    }
}

/// An Excel column name: 0 is `A`, 25 `Z`, 26 `AA`.
pub fn column_name(mut index: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// The field of a CSV line (comma-delimited, as [`sheet_text`] writes)
/// that holds the character at `at`.
fn field_at(line: &str, at: usize) -> usize {
    let mut field = 0;
    let mut quoted = false;
    for c in line.chars().take(at) {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => field += 1,
            _ => {}
        }
    }
    field
}

/// Rewrites a diagnostic about the text of a sheet (`book.xlsx[sheet]`,
/// one of `sheets`) to name the workbook, the sheet and the cell; its
/// column becomes the sheet's column number.
pub fn relocate(d: &mut Diagnostic, sheets: &[PathBuf]) {
    let Some(file) = &d.file else {
        return;
    };
    if !sheets.contains(file) {
        return;
    }
    let text = file.display().to_string();
    let (Some(open), true) = (text.rfind('['), text.ends_with(']')) else {
        return;
    };
    let sheet = text[open + 1..text.len() - 1].to_string();
    let book = PathBuf::from(&text[..open]);
    if let Some(line) = d.line {
        let field = d.snippet.as_ref().map_or(0, |s| field_at(&s.text, s.start));
        d.cell = Some(format!("{}{line}", column_name(field)));
        d.column = u32::try_from(field + 1).ok();
    }
    d.file = Some(book);
    d.sheet = Some(sheet);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_excel_does() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(3), "D");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }

    #[test]
    fn numbers_and_dates_keep_their_types() {
        let mut s = String::new();
        render(&Data::Float(95.0), &mut s);
        assert_eq!(s, "95");
        s.clear();
        render(&Data::Float(8.5), &mut s);
        assert_eq!(s, "8.5");
        s.clear();
        let dt =
            calamine::ExcelDateTime::new(45366.0, calamine::ExcelDateTimeType::DateTime, false);
        render(&Data::DateTime(dt), &mut s);
        assert_eq!(s, "2024-03-15");
        s.clear();
        let dt = calamine::ExcelDateTime::new(43904.0, calamine::ExcelDateTimeType::DateTime, true);
        render(&Data::DateTime(dt), &mut s);
        assert_eq!(s, "2024-03-15");
    }

    #[test]
    fn fields_are_counted_outside_quotes() {
        assert_eq!(field_at("a,b,c", 4), 2);
        assert_eq!(field_at("\"a,b\",c", 6), 1);
        assert_eq!(field_at("a", 0), 0);
    }

    #[test]
    fn a_sheet_row_is_a_place() {
        assert_eq!(
            place(&sheet_shown(Path::new("d/p.xlsx"), "S"), 5),
            "d/p.xlsx[S]!A5"
        );
        assert_eq!(place(Path::new("d/p.csv"), 5), "d/p.csv:5");
    }
}
