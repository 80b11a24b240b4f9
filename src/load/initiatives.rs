//! `initiatives.csv`: initiatives (sáng kiến) and the decisions that
//! recognised them (CN1; Luật TĐKT 2022, khoản 4 Điều 3). An id defined
//! twice is a duplicate row; every author must be a unit or person of the
//! folder.

use compact_str::CompactString;
use rustc_hash::FxHashMap;

use crate::diag::{Diagnostic, Problem};
use crate::load::content::CsvFile;
use crate::load::csv_table::{Column, Row, read_table};
use crate::load::{Known, values};
use crate::model::Initiative;

const ID: usize = 0;
const TITLE: usize = 1;
const AUTHORS: usize = 2;
const RECOGNISED_BY: usize = 3;
const DECISION: usize = 4;
const DATE: usize = 5;

/// The columns of initiatives.csv.
pub const COLUMNS: [Column; 6] = [
    Column {
        key: "id",
        vi: "mã sáng kiến",
        aliases: &["ma", "masangkien", "sangkien"],
        required: true,
    },
    Column {
        key: "title",
        vi: "tên sáng kiến",
        aliases: &["ten", "tieude"],
        required: true,
    },
    Column {
        key: "authors",
        vi: "tác giả",
        aliases: &["tacgia", "nguoithuchien"],
        required: true,
    },
    Column {
        key: "recognised_by",
        vi: "cơ quan công nhận",
        aliases: &["recognizedby", "capcongnhan", "congnhan"],
        required: false,
    },
    Column {
        key: "decision",
        vi: "quyết định công nhận",
        aliases: &["quyetdinh", "soquyetdinh"],
        required: false,
    },
    Column {
        key: "date",
        vi: "ngày công nhận",
        aliases: &["ngay", "ngayquyetdinh"],
        required: false,
    },
];

fn read(
    row: &Row<'_>,
    known: &Known<'_>,
    file_index: u16,
    first: &mut FxHashMap<CompactString, u32>,
    out: &mut Vec<Initiative>,
    problems: &mut Vec<Diagnostic>,
) {
    let id = CompactString::from(row.get(ID));
    if id.is_empty() {
        problems.push(row.error(ID, Problem::Required { column: "id" }));
        return;
    }
    let title = row.get(TITLE).into_owned();
    if title.is_empty() {
        problems.push(row.error(TITLE, Problem::Required { column: "title" }));
    }
    let mut authors = Vec::new();
    let mut known_authors = true;
    let text = row.get(AUTHORS);
    for author in text.split(';').map(str::trim).filter(|a| !a.is_empty()) {
        match known.registry.lookup(author) {
            crate::load::Lookup::Found(subject) => authors.push(subject),
            crate::load::Lookup::Invalid => known_authors = false,
            crate::load::Lookup::Unknown => {
                known_authors = false;
                problems.push(row.error(
                    AUTHORS,
                    Problem::UnknownSubject {
                        value: author.to_string(),
                        suggestion: None,
                    },
                ));
            }
        }
    }
    if authors.is_empty() && known_authors {
        problems.push(row.error(AUTHORS, Problem::Required { column: "authors" }));
    }
    let date = values::date_cell(row, DATE, problems);
    let Ok(date) = date else {
        return;
    };
    if let Some(line) = first.get(&id) {
        problems.push(row.row_error(Problem::DuplicateRow {
            key: id.to_string(),
            first: format!("{}:{line}", row.file().display()),
        }));
        return;
    }
    first.insert(id.clone(), row.line);
    let text = |column| Some(row.get(column).into_owned()).filter(|t| !t.is_empty());
    out.push(Initiative {
        id,
        title,
        authors,
        recognised_by: text(RECOGNISED_BY),
        decision: text(DECISION),
        date,
        source: row.source(file_index),
    });
}

/// Reads initiatives into `out`; `true` when the file was decoded in
/// memory.
pub fn parse_initiatives(
    file: CsvFile,
    file_index: u16,
    known: Known<'_>,
    out: &mut Vec<Initiative>,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    read_table(file, &COLUMNS, diags, out, |first, row, out, problems| {
        read(row, &known, file_index, first, out, problems)
    })
}
