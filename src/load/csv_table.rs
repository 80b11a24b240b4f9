//! A CSV file as a table of named columns, whatever its dialect.
//!
//! The delimiter is sniffed from the header line (comma, semicolon as Excel
//! writes in a Vietnamese locale, or tab as in Excel's "Unicode text").
//! Header names match case-insensitively, ignoring diacritics, spaces and
//! underscores, in English or Vietnamese. Rows that are blank are skipped;
//! cells are trimmed and put in NFC. Every problem is located to the cell:
//! line, column, and the line itself for display.
//!
//! Rows are found by the scanner of [`crate::scan`] and handed to the caller one
//! at a time, in file order ([`read_rows`]).

use std::borrow::Cow;
use std::ops::ControlFlow;
use std::path::PathBuf;

use csv::{ByteRecord, ReaderBuilder};

use crate::diag::problem::Absence;
use crate::diag::{Diagnostic, Problem, Severity, Snippet};
use crate::load::content::{CsvFile, WINDOW};
use crate::model::Source;
use crate::scan;
use crate::text::{fold, nfc, trim};

/// The longest cell read, in bytes of UTF-8 (documented in the README).
pub const MAX_FIELD_BYTES: usize = 4096;

/// The most cells a header row may have: far more than any data file's
/// columns and notes, few enough that a file of one endless header line
/// is refused at once instead of being matched cell by cell.
pub const MAX_HEADER_CELLS: usize = 1000;

/// The most messages about the cells of one header.
const HEADER_MESSAGES: usize = 20;

/// Header cells a clerk's sheet often has that are no data: a row number
/// and notes (folded, see [`fold`]). They are passed over without a warning.
const UNREAD_COLUMNS: [&str; 6] = ["stt", "tt", "sothutu", "ghichu", "note", "notes"];

/// Columns that go together: with one of them in a header, the other must
/// be there too (a vote is its votes for and its votes in all).
const PAIRED_COLUMNS: [(&str, &str); 1] = [("votes_for", "votes_total")];

/// A column a file may have.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// The English name, as written in the spec.
    pub key: &'static str,
    /// The Vietnamese name, as a clerk would write it.
    pub vi: &'static str,
    /// Other accepted names, already folded (see [`fold`]).
    pub aliases: &'static [&'static str],
    /// Whether the header must have it.
    pub required: bool,
}

/// Whether a header cell names a required column of a schema, matched as
/// [`Table::open`] matches it: what tells a header row from a title above it.
pub fn names_column(columns: &[Column], name: &str) -> bool {
    let folded = fold(name);
    columns.iter().any(|c| {
        c.required
            && (fold(c.key) == folded
                || fold(c.vi) == folded
                || c.aliases.contains(&folded.as_str()))
    })
}

/// The review column of the files whose rows belong to a review.
pub const REVIEW_COLUMN: Column = Column {
    key: "review",
    vi: "đợt xét",
    aliases: &["nam", "dot", "namxet"],
    required: true,
};

/// The subject column (a unit's or a person's id) of the files about them.
pub const SUBJECT_COLUMN: Column = Column {
    key: "subject",
    vi: "mã",
    aliases: &["ma", "madoituong", "doituong", "id"],
    required: true,
};

/// A CSV file with its header understood.
pub struct Table<'c> {
    file: CsvFile,
    delimiter: u8,
    /// Header cells as written.
    header: Vec<String>,
    /// For each column of the schema, its position in the header.
    map: Vec<Option<usize>>,
    /// The same, `usize::MAX` for a column absent: what a row reads its
    /// cells by, in one step ([`Row::raw`]).
    cell_of: Vec<usize>,
    columns: &'c [Column],
    /// Line of the header.
    header_line: u32,
    /// Byte offset of the header line.
    header_offset: usize,
    /// The header line, for messages about the whole header.
    header_text: String,
}

/// One data row.
pub struct Row<'r> {
    table: &'r Table<'r>,
    /// [`Table::cell_of`].
    cell_of: &'r [usize],
    /// The record's text: its line, or its unquoted cells one after the
    /// other.
    cells: &'r str,
    /// Where each cell starts and ends in `cells`.
    spans: &'r [(usize, usize)],
    /// Whether no cell can hold a line break (the record is a plain line).
    plain: bool,
    /// Line of the row's start, from 1.
    pub line: u32,
    /// Byte offset of the row's start in the file.
    pub byte: usize,
}

/// How reading the rows of a file ended.
#[derive(Clone, Copy, Debug, Default)]
struct ReadEnd {
    /// Read to its end, with no error that stops reading.
    complete: bool,
    /// Found what only the whole file in memory can settle: bytes that are
    /// not UTF-8, or a lone CR.
    redo: bool,
}

/// The rows of a file, read: the table (for messages about them) and how
/// the reading went.
pub struct Parsed<'c> {
    /// The file and its header.
    pub table: Table<'c>,
    /// Whether reading reached the end of the file.
    pub complete: bool,
    /// Whether the file was decoded in memory (byte offsets then count in
    /// its decoded text).
    pub decoded: bool,
}

/// What [`read_rows`] hands its caller.
pub enum Visit<'a> {
    /// A row, whole or (`whole: false`) left out for its structure, which
    /// is already reported.
    Row {
        /// The row.
        row: &'a Row<'a>,
        /// Whether its structure is sound.
        whole: bool,
    },
    /// A streamed file turned out not to be plain UTF-8 part way: it is
    /// read again from memory, from its first row. What the rows before
    /// gave is to be forgotten.
    Restart,
}

/// Reads a CSV file: its header against `columns` (problems go to
/// `diags`), then its rows in file order, each handed to `visit`. `None`
/// when the header does not allow reading the rows.
pub fn read_rows<'c>(
    mut file: CsvFile,
    columns: &'c [Column],
    diags: &mut Vec<Diagnostic>,
    mut visit: impl FnMut(Visit<'_>),
) -> Option<Parsed<'c>> {
    loop {
        let mut found = Vec::new();
        let table = Table::open(file, columns, &mut found);
        let Some(table) = table else {
            diags.extend(found);
            return None;
        };
        let mut structural = Vec::new();
        let end = table.read_all(&mut structural, |row, whole| {
            visit(Visit::Row { row, whole })
        });
        if !end.redo {
            diags.extend(found);
            diags.extend(structural);
            let decoded = !table.file.streamed();
            return Some(Parsed {
                table,
                complete: end.complete,
                decoded,
            });
        }
        visit(Visit::Restart);
        match table.file.into_memory(diags) {
            Ok(memory) => file = memory,
            Err(d) => {
                diags.push(*d);
                return None;
            }
        }
    }
}

/// Reads a file of independent rows into `out`: each whole row handed to
/// `read` with a state (`S::default()` at the start, and again when the
/// file is read anew from memory), the rows kept so far, and the file's
/// problems, told sorted by line after the structural ones. `true` when the
/// file was decoded in memory.
pub fn read_table<T, S: Default>(
    file: CsvFile,
    columns: &[Column],
    diags: &mut Vec<Diagnostic>,
    out: &mut Vec<T>,
    mut read: impl FnMut(&mut S, &Row<'_>, &mut Vec<T>, &mut Vec<Diagnostic>),
) -> bool {
    let mut problems = Vec::new();
    let mut state = S::default();
    let before = out.len();
    let parsed = read_rows(file, columns, diags, |visit| match visit {
        Visit::Row { row, whole: true } => read(&mut state, row, out, &mut problems),
        Visit::Row { .. } => {}
        Visit::Restart => {
            out.truncate(before);
            state = S::default();
            problems.clear();
        }
    });
    problems.sort_by_key(|d| d.line);
    diags.extend(problems);
    parsed.is_some_and(|p| p.decoded)
}

/// How alike two folded header names are, from 0 to 1: Jaro-Winkler, and
/// at least 0.9 when one holds the other ("ten" in "hovaten").
fn alike(a: &str, b: &str) -> f64 {
    let within = a.len().min(b.len()) >= 3 && (a.contains(b) || b.contains(a));
    let jw = strsim::jaro_winkler(a, b);
    if within { jw.max(0.9) } else { jw }
}

fn sniff_delimiter(line: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in line.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

impl<'c> Table<'c> {
    /// Reads the header of a file against a schema. Errors (empty file,
    /// missing or duplicated columns) go to `diags`; `None` when the rows
    /// cannot be read.
    pub fn open(file: CsvFile, columns: &'c [Column], diags: &mut Vec<Diagnostic>) -> Option<Self> {
        let shown = || Some(file.shown.clone());
        let (start, len) = file.bounds();
        let head = text_from(&file, start, len, |text| {
            text.contains('\n') && !text.trim().is_empty()
        });
        let mut offset = start;
        let mut found = None;
        // Excel may start a file with `sep=;` to name its delimiter.
        let mut announced = None;
        for (n, raw) in head.split_inclusive('\n').enumerate() {
            let line = raw.trim_end_matches(['\n', '\r']);
            if announced.is_none() && found.is_none() && line.len() == 5 && line.is_char_boundary(4)
            {
                let (key, delimiter) = line.split_at(4);
                if key.eq_ignore_ascii_case("sep=") && matches!(delimiter, "," | ";" | "\t" | "|") {
                    announced = delimiter.bytes().next();
                    offset += raw.len();
                    continue;
                }
            }
            if !line.trim().is_empty() {
                found = Some((n, line.to_string(), offset));
                break;
            }
            offset += raw.len();
        }
        drop(head);
        let Some((header_line, line_text, header_offset)) = found else {
            let header = columns.iter().map(|c| c.key).collect::<Vec<_>>().join(",");
            diags.push(Diagnostic::error(shown(), Problem::EmptyFile { header }));
            return None;
        };
        let delimiter = announced.unwrap_or_else(|| sniff_delimiter(&line_text));
        let header_line = u32::try_from(header_line + 1).unwrap_or(u32::MAX);
        let mut reader = ReaderBuilder::new()
            .has_headers(false)
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(line_text.as_bytes());
        let mut record = ByteRecord::new();
        let header: Vec<String> = match reader.read_byte_record(&mut record) {
            Ok(true) => record
                .iter()
                .map(|f| nfc(String::from_utf8_lossy(f).trim()).into_owned())
                .collect(),
            _ => Vec::new(),
        };
        // A header cell over the cap of a cell is not a header: refused
        // at once, before it is quoted in other messages.
        let too_long = header.iter().position(|h| h.len() > MAX_FIELD_BYTES);
        let mut table = Table {
            file,
            delimiter,
            header,
            map: vec![None; columns.len()],
            cell_of: Vec::new(),
            columns,
            header_line,
            header_offset,
            header_text: String::new(),
        };
        if let Some(position) = too_long {
            let limit = MAX_FIELD_BYTES;
            diags.push(table.header_error(position, Problem::HeaderTooLong { limit }));
            return None;
        }
        if table.header.len() > MAX_HEADER_CELLS {
            let mut d = Diagnostic::error(
                Some(table.file.shown.clone()),
                Problem::HeaderTooWide {
                    cells: table.header.len(),
                    limit: MAX_HEADER_CELLS,
                },
            );
            d.line = Some(table.header_line);
            diags.push(d);
            return None;
        }
        let mut ok = true;
        // Each message about a header cell shows the header line: past a
        // few, the rest would only repeat it.
        let mut told = 0usize;
        let mut unknown = Vec::new();
        for (position, name) in table.header.iter().enumerate() {
            let folded = fold(name);
            let found = columns.iter().position(|c| {
                fold(c.key) == folded
                    || fold(c.vi) == folded
                    || c.aliases.contains(&folded.as_str())
            });
            match found {
                Some(i) if table.map[i].is_some() => {
                    let first = table.map[i].unwrap_or(0) + 1;
                    if told < HEADER_MESSAGES {
                        told += 1;
                        diags.push(table.header_error(
                            position,
                            Problem::DuplicateColumn {
                                column: columns[i].key,
                                first,
                            },
                        ));
                    }
                    ok = false;
                }
                Some(i) => table.map[i] = Some(position),
                None if !name.is_empty() && !UNREAD_COLUMNS.contains(&folded.as_str()) => {
                    unknown.push((position, folded));
                }
                None => {}
            }
        }
        // A header cell the tool cannot map is never silently dropped: its
        // cells would be read as empty (spec §2). The hint names the
        // nearest column the file does not have.
        for (position, folded) in unknown {
            if told >= HEADER_MESSAGES {
                break;
            }
            told += 1;
            let nearest = columns
                .iter()
                .zip(&table.map)
                .filter(|(_, mapped)| mapped.is_none())
                .map(|(c, _)| {
                    let alike = [c.key, c.vi]
                        .into_iter()
                        .map(fold)
                        .chain(c.aliases.iter().map(|a| a.to_string()))
                        .map(|other| alike(&folded, &other))
                        .fold(0.0, f64::max);
                    (alike, c)
                })
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, c)| (c.key, c.vi));
            let name = table.header[position].clone();
            let d = table.header_error(position, Problem::UnknownColumn { name, nearest });
            diags.push(d.warning());
        }
        for (i, column) in columns.iter().enumerate() {
            if column.required && table.map[i].is_none() {
                let problem = Problem::MissingColumn {
                    column: column.key,
                    vi: column.vi,
                    found: table.header.clone(),
                };
                diags.push(table.whole_header_error(problem, &line_text));
                ok = false;
            }
        }
        for (a, b) in PAIRED_COLUMNS {
            let at = |key: &str| columns.iter().position(|c| c.key == key);
            let (Some(a), Some(b)) = (at(a), at(b)) else {
                continue;
            };
            let (present, absent) = match (table.map[a], table.map[b]) {
                (Some(_), None) => (a, b),
                (None, Some(_)) => (b, a),
                _ => continue,
            };
            let problem = Problem::MissingPartner {
                column: columns[absent].key,
                vi: columns[absent].vi,
                partner: columns[present].key,
            };
            diags.push(table.whole_header_error(problem, &line_text));
            ok = false;
        }
        table.header_text = line_text;
        table.cell_of = table.map.iter().map(|m| m.unwrap_or(usize::MAX)).collect();
        ok.then_some(table)
    }

    /// A problem of the header as a whole: the header line shown, marked
    /// from end to end.
    fn whole_header_error(&self, problem: Problem, line_text: &str) -> Diagnostic {
        let mut d = Diagnostic::error(Some(self.file.shown.clone()), problem);
        d.line = Some(self.header_line);
        d.snippet = Some(Snippet {
            text: line_text.to_string(),
            start: 0,
            width: line_text.chars().count().max(1),
        });
        d
    }

    /// A warning saying what follows from the absence of an optional
    /// column the rules read; `None` when the header has it.
    pub fn absent(&self, column: usize, effect: Absence) -> Option<Diagnostic> {
        if self.has(column) {
            return None;
        }
        let c = &self.columns[column];
        let problem = Problem::AbsentColumn {
            column: c.key,
            vi: c.vi,
            effect,
        };
        Some(
            self.whole_header_error(problem, &self.header_text)
                .warning(),
        )
    }

    fn blank_rows(&self, line: u32, count: u32) -> Diagnostic {
        let mut d = Diagnostic::error(Some(self.file.shown.clone()), Problem::BlankRows { count });
        d.line = Some(line);
        d.warning()
    }

    fn header_error(&self, position: usize, problem: Problem) -> Diagnostic {
        let (_, len) = self.file.bounds();
        let window = text_from(&self.file, self.header_offset, len, |text| {
            text.contains('\n')
        });
        let mut d = locate(&window, 0, self.delimiter, position, problem);
        d.file = Some(self.file.shown.clone());
        d.line = Some(self.header_line + d.line.unwrap_or(0));
        d.field = self.header.get(position).cloned();
        d
    }

    /// An error about a whole row, given where it starts: for checks made
    /// after the rows are read (duplicates).
    pub fn row_error_at(&self, byte: usize, line: u32, problem: Problem) -> Diagnostic {
        self.error_at(byte, line, 0, problem)
    }

    /// An error about a cell of a row, given where the row starts: for
    /// checks made after the rows are read.
    pub fn cell_error_at(
        &self,
        byte: usize,
        line: u32,
        column: usize,
        problem: Problem,
    ) -> Diagnostic {
        let index = self.map[column].unwrap_or(0);
        let mut d = self.error_at(byte, line, index, problem);
        d.field = self
            .header
            .get(index)
            .cloned()
            .or_else(|| Some(self.columns[column].key.to_string()));
        d
    }

    fn error_at(&self, byte: usize, line: u32, index: usize, problem: Problem) -> Diagnostic {
        let (_, len) = self.file.bounds();
        // Enough of the record to show the cell's line.
        let window = text_from(&self.file, byte, len, |text| {
            cell_line_ends(text, self.delimiter, index)
        });
        let mut d = locate(&window, 0, self.delimiter, index, problem);
        d.file = Some(self.file.shown.clone());
        d.line = Some(d.line.map_or(line, |offset| line + offset));
        d
    }

    /// Cells of the row starting at `byte` (trimmed, NFC; `None` when empty
    /// or absent), for the schema columns `wanted`.
    pub fn cells_at(&self, byte: usize, wanted: &[usize]) -> Vec<Option<String>> {
        let none = || vec![None; wanted.len()];
        let (_, len) = self.file.bounds();
        let Ok(source) = self.file.reader(byte, len) else {
            return none();
        };
        let mut reader = ReaderBuilder::new()
            .has_headers(false)
            .delimiter(self.delimiter)
            .flexible(true)
            .from_reader(source);
        let mut record = ByteRecord::new();
        if !matches!(reader.read_byte_record(&mut record), Ok(true)) {
            return none();
        }
        wanted
            .iter()
            .map(|&column| {
                let cell = self
                    .map
                    .get(column)
                    .copied()
                    .flatten()
                    .and_then(|i| record.get(i))?;
                let text = nfc(trim(&String::from_utf8_lossy(cell))).into_owned();
                (!text.is_empty()).then_some(text)
            })
            .collect()
    }

    /// Whether the header has a column of the schema.
    pub fn has(&self, column: usize) -> bool {
        self.map[column].is_some()
    }

    /// The file.
    pub fn shown(&self) -> &PathBuf {
        &self.file.shown
    }

    /// Reads every row of the file with [`scan::scan`]: `visit(row,
    /// true)` for each good row, `visit(row, false)` for each row skipped
    /// for its structure.
    fn read_all(
        &self,
        diags: &mut Vec<Diagnostic>,
        mut visit: impl FnMut(&Row<'_>, bool),
    ) -> ReadEnd {
        let (_, len) = self.file.bounds();
        let source = match self.file.reader(0, len) {
            Ok(source) => source,
            Err(e) => {
                diags.push(Diagnostic::error(
                    Some(self.file.shown.clone()),
                    Problem::Unreadable {
                        reason: e.to_string(),
                    },
                ));
                return ReadEnd::default();
            }
        };
        let width = self.header.len();
        // Where the next row starts when no blank line comes first.
        let mut next_line = self.header_line.saturating_add(1);
        let mut last: Option<(u32, usize)> = None;
        let mut stop: Option<Diagnostic> = None;
        let mut redo = false;
        let scanned = scan::scan(source, self.delimiter, &mut Vec::new(), |found| {
            let line = found.breaks.saturating_add(1);
            let byte = found.byte;
            if line <= self.header_line {
                return ControlFlow::Continue(());
            }
            let blank = found
                .cells
                .iter()
                .all(|&(a, b)| found.bytes[a..b].iter().all(u8::is_ascii_whitespace));
            // A line of spaces and delimiters only is counted among the
            // blank lines; one with quotes (`""`) is skipped too, but ends
            // them, as the look back from a piece's start sees it.
            if blank && found.plain && !found.bytes.contains(&b'"') {
                return ControlFlow::Continue(());
            }
            // Blank rows in the middle are skipped, with a note at the row
            // after them (trailing ones are not: no row follows).
            let blank_above = line.saturating_sub(next_line);
            if blank_above > 0 {
                diags.push(self.blank_rows(line, blank_above));
            }
            let inner = if found.plain {
                0
            } else {
                memchr::memchr_iter(b'\n', found.bytes).count()
            };
            next_line = line
                .saturating_add(1)
                .saturating_add(u32::try_from(inner).unwrap_or(u32::MAX));
            if blank {
                return ControlFlow::Continue(());
            }
            last = Some((line, byte));
            let text = found
                .text
                .or_else(|| simdutf8::basic::from_utf8(found.bytes).ok());
            let Some(cells) = text else {
                // Not UTF-8 after all: only the whole file can tell how to
                // read it.
                redo = true;
                return ControlFlow::Break(());
            };
            let row = Row {
                table: self,
                cell_of: &self.cell_of,
                cells,
                spans: found.cells,
                plain: found.plain,
                line,
                byte,
            };
            if let Some(d) = row.structure_problem(width) {
                if matches!(d.problem, Problem::UnclosedQuote) {
                    stop = Some(d);
                    return ControlFlow::Break(());
                }
                diags.push(d);
                visit(&row, false);
                return ControlFlow::Continue(());
            }
            visit(&row, true);
            ControlFlow::Continue(())
        });
        if redo || (scanned.lone_cr && stop.is_none() && scanned.error.is_none()) {
            return ReadEnd {
                redo: true,
                ..ReadEnd::default()
            };
        }
        if let Some(d) = stop {
            diags.push(d);
            return ReadEnd::default();
        }
        if let Some(e) = scanned.error {
            diags.push(Diagnostic::error(
                Some(self.file.shown.clone()),
                Problem::Unreadable {
                    reason: e.to_string(),
                },
            ));
            return ReadEnd::default();
        }
        // A quote opened on the last line and never closed does not break
        // a line: the row above it read as complete.
        if let Some((line, byte)) = last
            && unclosed_from(&self.file, byte, len)
        {
            diags.push(self.error_at(byte, line, 0, Problem::UnclosedQuote));
            return ReadEnd::default();
        }
        ReadEnd {
            complete: true,
            redo: false,
        }
    }

    /// Calls `each` on every data row, in file order. Structural problems
    /// of a row go to `diags` and the row is skipped. For tests and tools;
    /// loaders use [`read_rows`].
    pub fn for_each_row(&self, diags: &mut Vec<Diagnostic>, mut each: impl FnMut(&Row<'_>)) {
        self.read_all(diags, |row, ok| {
            if ok {
                each(row)
            }
        });
    }
}

impl Row<'_> {
    /// The bytes of the cell at `index` of the record (empty past its end).
    fn cell(&self, index: usize) -> &[u8] {
        self.spans
            .get(index)
            .and_then(|&(a, b)| self.cells.as_bytes().get(a..b))
            .unwrap_or(&[])
    }

    /// What is wrong with the row's shape, if anything: a quote left open,
    /// too few or too many cells, a cell too long. The common row (plain,
    /// as many cells as the header, short) is told at once.
    #[inline]
    fn structure_problem(&self, width: usize) -> Option<Diagnostic> {
        if self.plain && self.spans.len() == width && self.cells.len() <= MAX_FIELD_BYTES {
            return None;
        }
        self.structure_problem_of_odd_row(width)
    }

    #[cold]
    fn structure_problem_of_odd_row(&self, width: usize) -> Option<Diagnostic> {
        let all = self.cells.as_bytes();
        if !self.plain && memchr::memchr2(b'\n', b'\r', all).is_some() {
            let (_, len) = self.table.file.bounds();
            if unclosed_from(&self.table.file, self.byte, len) {
                let index = (0..self.spans.len())
                    .position(|i| memchr::memchr2(b'\n', b'\r', self.cell(i)).is_some())
                    .unwrap_or(0);
                return Some(self.error_at(index, Problem::UnclosedQuote));
            }
        }
        let found = self.spans.len();
        let extra_blank = (width..found).all(|i| self.cell(i).iter().all(u8::is_ascii_whitespace));
        if found < width || (found > width && !extra_blank) {
            let at = found.min(width).saturating_sub(1);
            return Some(self.error_at(
                at,
                Problem::RaggedRow {
                    expected: width,
                    found,
                },
            ));
        }
        if all.len() <= MAX_FIELD_BYTES {
            return None;
        }
        for i in 0..found {
            let length = self.cell(i).len();
            if length > MAX_FIELD_BYTES {
                return Some(self.error_at(
                    i,
                    Problem::FieldTooLong {
                        limit: MAX_FIELD_BYTES,
                        length,
                    },
                ));
            }
        }
        None
    }

    /// The trimmed value of a schema column, as written (not normalised);
    /// empty when the column is absent or the cell is empty. Codes and
    /// numbers are matched on this first, which is the common case.
    #[inline]
    pub fn raw(&self, column: usize) -> &str {
        // An absent column's `usize::MAX` is no cell.
        let Some(&(a, b)) = self.cell_of.get(column).and_then(|&i| self.spans.get(i)) else {
            return "";
        };
        trim(self.cells.get(a..b).unwrap_or(""))
    }

    /// The trimmed, NFC value of a schema column; empty when the column is
    /// absent or the cell is empty.
    #[inline]
    pub fn get(&self, column: usize) -> Cow<'_, str> {
        nfc(self.raw(column))
    }

    /// An error about the cell of a schema column.
    pub fn error(&self, column: usize, problem: Problem) -> Diagnostic {
        self.table
            .cell_error_at(self.byte, self.line, column, problem)
    }

    /// An error about the row as a whole, shown at its first cell.
    pub fn row_error(&self, problem: Problem) -> Diagnostic {
        self.error_at(0, problem)
    }

    fn error_at(&self, index: usize, problem: Problem) -> Diagnostic {
        self.table.error_at(self.byte, self.line, index, problem)
    }

    /// Where the row starts, in the file of index `file` of a dataset.
    pub fn source(&self, file: u16) -> Source {
        Source {
            file,
            line: self.line,
            byte: u32::try_from(self.byte).unwrap_or(u32::MAX),
        }
    }

    /// The file this row is in.
    pub fn file(&self) -> &PathBuf {
        &self.table.file.shown
    }
}

/// The text of a file from `from`, in windows of growing size until `enough`
/// says so (or the window reaches `to`, or [`WINDOW`]): a record's text for a
/// message, without reading a megabyte for each.
fn text_from(
    file: &CsvFile,
    from: usize,
    to: usize,
    enough: impl Fn(&str) -> bool,
) -> Cow<'_, str> {
    let mut size = 1 << 14;
    loop {
        let text = file.window(from, to, size);
        if size >= WINDOW || from + size >= to || enough(&text) {
            return text;
        }
        size *= 8;
    }
}

/// Whether a text starting a record holds the whole line of cell `index`:
/// the same scan as [`locate`], which must not run off the end.
fn cell_line_ends(text: &str, delimiter: u8, index: usize) -> bool {
    let bytes = text.as_bytes();
    let (mut field, mut quoted, mut i) = (0, false, 0);
    while i < bytes.len() && field < index {
        match bytes[i] {
            b'"' => quoted = !quoted,
            b if !quoted && b == delimiter => field += 1,
            b'\n' | b'\r' if !quoted => return true,
            _ => {}
        }
        i += 1;
    }
    memchr::memchr2(b'\n', b'\r', &bytes[i..]).is_some()
}

/// Whether the record at `from` never closes a quoted cell before `to`
/// (see [`unbalanced_quotes`]), reading it in windows of growing size.
fn unclosed_from(file: &CsvFile, from: usize, to: usize) -> bool {
    let mut size = 1 << 14;
    loop {
        let text = file.window(from, to, size);
        let open = unbalanced_quotes(&text);
        if !open || from.saturating_add(size) >= to {
            return open;
        }
        size = size.saturating_mul(8);
    }
}

/// Whether the record starting the text never closes a quoted cell: the end
/// of the text comes before a line break outside quotes. Only the record
/// itself is scanned.
fn unbalanced_quotes(text: &str) -> bool {
    let mut quoted = false;
    let mut field_start = true;
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        if quoted {
            if b == b'"' {
                if bytes.peek() == Some(&b'"') {
                    bytes.next();
                } else {
                    quoted = false;
                }
            }
            continue;
        }
        match b {
            b'"' if field_start => quoted = true,
            b'\n' | b'\r' => return false,
            _ => {}
        }
        field_start = matches!(b, b',' | b';' | b'\t');
    }
    quoted
}

/// Builds a diagnostic for cell `index` of the record starting at byte
/// `start`: its line (as an offset from the record's first line, in
/// `Diagnostic::line`, to be added by the caller), column and snippet.
fn locate(text: &str, start: usize, delimiter: u8, index: usize, problem: Problem) -> Diagnostic {
    let start = start.min(text.len());
    let bytes = text.as_bytes();
    let mut field = 0;
    let mut quoted = false;
    let mut i = start;
    let mut cell_start = start;
    while i < bytes.len() && field < index {
        let b = bytes[i];
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && b == delimiter {
            field += 1;
            cell_start = i + 1;
        } else if !quoted && (b == b'\n' || b == b'\r') {
            break;
        }
        i += 1;
    }
    let mut end = cell_start;
    let mut q = false;
    while end < bytes.len() {
        let b = bytes[end];
        if b == b'"' {
            q = !q;
        } else if b == b'\n' || (!q && (b == delimiter || b == b'\r')) {
            break;
        }
        end += 1;
    }
    let line_start = text[..cell_start].rfind('\n').map_or(0, |p| p + 1);
    let line_end = text[cell_start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |p| cell_start + p);
    let extra_lines = text[start..line_start.max(start)].matches('\n').count();
    let line_text = &text[line_start..line_end];
    let column = text[line_start..cell_start].chars().count();
    let cell = &text[cell_start..end.min(line_end).max(cell_start)];
    let lead = cell.chars().take_while(|c| c.is_whitespace()).count();
    let width = cell.trim().chars().count().max(1);
    Diagnostic {
        severity: Severity::Error,
        file: None,
        line: Some(u32::try_from(extra_lines).unwrap_or(0)),
        column: u32::try_from(column + lead + 1).ok(),
        field: None,
        snippet: Some(Snippet {
            text: line_text.to_string(),
            start: column + lead,
            width,
        }),
        sheet: None,
        cell: None,
        problem,
        deferred: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::load::source::TextFile;

    const COLUMNS: [Column; 3] = [
        Column {
            key: "id",
            vi: "mã",
            aliases: &["ma"],
            required: true,
        },
        Column {
            key: "name",
            vi: "họ và tên",
            aliases: &["hoten"],
            required: true,
        },
        Column {
            key: "note",
            vi: "ghi chú",
            aliases: &[],
            required: false,
        },
    ];

    fn file(text: &str) -> CsvFile {
        CsvFile::from_text(TextFile {
            shown: "people.csv".into(),
            text: text.into(),
        })
    }

    fn rows(text: &str) -> (Vec<(u32, String, String)>, Vec<Diagnostic>) {
        let f = file(text);
        let mut diags = Vec::new();
        let mut out = Vec::new();
        if let Some(t) = Table::open(f, &COLUMNS, &mut diags) {
            t.for_each_row(&mut diags, |r| {
                out.push((r.line, r.get(0).into_owned(), r.get(1).into_owned()))
            });
        }
        (out, diags)
    }

    #[test]
    fn reads_both_dialects_the_same() {
        let (a, da) = rows("id,name\nNV01,Lê Hà\n");
        let (b, db) = rows("Mã;Họ và tên\r\nNV01; Lê Hà \r\n;;\r\n");
        assert!(da.is_empty() && db.is_empty(), "{da:?} {db:?}");
        assert_eq!(a, b);
        let (c, _) = rows("MÃ\tHỌ TÊN\nNV01\tLê Hà\n");
        assert_eq!(a, c);
    }

    #[test]
    fn quoted_cells_keep_delimiters() {
        let (r, d) = rows("id,name\n\"NV,01\",\"Lê \"\"Hà\"\"\"\n");
        assert!(d.is_empty());
        assert_eq!(r[0].1, "NV,01");
        assert_eq!(r[0].2, "Lê \"Hà\"");
    }

    #[test]
    fn missing_and_duplicate_columns_are_named() {
        let (_, d) = rows("id,ten\nNV01,A\n");
        assert!(matches!(
            d[0].problem,
            Problem::UnknownColumn {
                nearest: Some(("name", _)),
                ..
            }
        ));
        assert!(!d[0].is_error());
        assert!(matches!(
            d[1].problem,
            Problem::MissingColumn { column: "name", .. }
        ));
        let (_, d) = rows("id,name,mã\nNV01,A,B\n");
        assert!(matches!(
            d[0].problem,
            Problem::DuplicateColumn {
                column: "id",
                first: 1
            }
        ));
        assert_eq!(d[0].column, Some(9));
    }

    #[test]
    fn ragged_rows_are_located() {
        let (r, d) = rows("id,name\nNV01,A\nNV02\nNV03,C,extra\nNV04,D,,\n");
        assert_eq!(r.len(), 2);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].line, Some(3));
        assert!(matches!(
            d[0].problem,
            Problem::RaggedRow {
                expected: 2,
                found: 1
            }
        ));
        assert_eq!(d[1].line, Some(4));
        // A short row is told to keep its empty cells' delimiters; a long
        // one, to quote a cell that holds the delimiter.
        let short = d[0].problem.hint(Lang::Vi).unwrap_or_default();
        assert!(short.contains("thêm 1 dấu phân cách"), "{short}");
        let short = d[0].problem.hint(Lang::En).unwrap_or_default();
        assert!(
            short.contains("end the line with 1 more delimiter "),
            "{short}"
        );
        let long = d[1].problem.hint(Lang::En).unwrap_or_default();
        assert!(long.contains("must be quoted"), "{long}");
    }

    #[test]
    fn unclosed_quote_is_located() {
        let (_, d) = rows("id,name\nNV01,\"Lê Hà\nNV02,B\n");
        assert_eq!(d.len(), 1);
        assert!(matches!(d[0].problem, Problem::UnclosedQuote));
        assert_eq!(d[0].line, Some(2));
    }

    #[test]
    fn an_unclosed_quote_on_the_last_line_is_found() {
        let (_, d) = rows("id,name\nNV01,A\nNV02,\"B");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(matches!(d[0].problem, Problem::UnclosedQuote));
        assert_eq!(d[0].line, Some(3));
        let (r, d) = rows("id,name\nNV01,\"A\"");
        assert!(
            d.is_empty() && r.len() == 1,
            "a closed quote at the end is fine"
        );
    }

    #[test]
    fn excel_sep_line_names_the_delimiter() {
        let (r, d) = rows("sep=;\r\nid;name\r\nNV01;Lê Hà, con\r\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(r, [(3, "NV01".to_string(), "Lê Hà, con".to_string())]);
    }

    #[test]
    fn errors_point_at_the_cell() {
        let f = file("id,name\nNV01,  Lê Hà\n");
        let mut diags = Vec::new();
        let t = Table::open(f, &COLUMNS, &mut diags).unwrap();
        let mut got = None;
        t.for_each_row(&mut diags, |r| {
            got = Some(r.error(1, Problem::Required { column: "name" }))
        });
        let d = got.unwrap();
        assert_eq!((d.line, d.column), (Some(2), Some(8)));
        let s = d.snippet.unwrap();
        assert_eq!((s.text.as_str(), s.start, s.width), ("NV01,  Lê Hà", 7, 5));
        assert_eq!(d.field.as_deref(), Some("name"));
    }

    #[test]
    fn empty_and_header_only_files() {
        let (r, d) = rows("");
        assert!(r.is_empty());
        assert!(matches!(d[0].problem, Problem::EmptyFile { .. }));
        let (r, d) = rows("\n  \nid,name\n");
        assert!(r.is_empty() && d.is_empty());
    }

    #[test]
    fn oversized_cells_are_refused() {
        let long = "x".repeat(MAX_FIELD_BYTES + 1);
        let (r, d) = rows(&format!("id,name\nNV01,{long}\n"));
        assert!(r.is_empty());
        assert!(matches!(d[0].problem, Problem::FieldTooLong { .. }));
    }
}
