//! `people.csv`: the individuals.

use compact_str::CompactString;

use crate::diag::{Diagnostic, Problem};
use crate::load::content::CsvFile;
use crate::load::csv_table::{
    Column, Cut, Row, ShiftLines, Split, concat, read_rows, shift_rows, with_room,
};
use crate::load::{Lookup, Registry};
use crate::model::{Gender, Person, Subject, Unit};
use crate::plan::PersonKind;
use crate::text::suggest;

const ID: usize = 0;
const NAME: usize = 1;
const UNIT: usize = 2;
const POSITION: usize = 3;
const KIND: usize = 4;
const GENDER: usize = 5;

/// The columns of people.csv.
pub const COLUMNS: [Column; 6] = [
    Column {
        key: "id",
        vi: "mã",
        aliases: &["ma", "maso", "macanbo", "madinhdanh"],
        required: true,
    },
    Column {
        key: "name",
        vi: "họ và tên",
        aliases: &["hoten", "ten", "fullname"],
        required: true,
    },
    Column {
        key: "unit",
        vi: "đơn vị",
        aliases: &["phong", "madonvi", "phongdonvi"],
        required: true,
    },
    Column {
        key: "position",
        vi: "chức vụ",
        aliases: &[],
        required: false,
    },
    Column {
        key: "kind",
        vi: "loại",
        aliases: &["doituong", "loaidoituong"],
        required: false,
    },
    Column {
        key: "gender",
        vi: "giới tính",
        aliases: &[],
        required: false,
    },
];

/// What one thread reads of people.csv: people as read, before their ids
/// are registered (in file order, after).
#[derive(Default)]
struct ChunkRows {
    rows: Vec<Person>,
    /// Positions in `rows` of people whose kind was refused (reported):
    /// their ids are remembered, not registered.
    refused: Vec<usize>,
    problems: Vec<Diagnostic>,
    /// Ids of rows skipped for their structure.
    unread: Vec<String>,
}

impl ShiftLines for ChunkRows {
    fn shift_lines(&mut self, by: u32) {
        shift_rows(&mut self.rows, &mut self.problems, by, |p| &mut p.source);
    }
}

impl ChunkRows {
    fn read(&mut self, row: &Row<'_>, units: &[Unit], registry: &Registry, file_index: u16) {
        let problems = &mut self.problems;
        let id = CompactString::from(row.get(ID));
        if id.is_empty() {
            problems.push(row.error(ID, Problem::Required { column: "id" }));
            return;
        }
        let name = CompactString::from(row.get(NAME));
        if name.is_empty() {
            problems.push(row.error(NAME, Problem::Required { column: "name" }));
        }
        let kind_text = row.get(KIND);
        let kind = if kind_text.is_empty() {
            Some(PersonKind::NoiBo)
        } else {
            let kind = PersonKind::parse(&kind_text);
            if kind.is_none() {
                let expected: Vec<&'static str> =
                    PersonKind::ALL.iter().map(|k| k.code()).collect();
                let suggestion = suggest(&kind_text, expected.iter().copied());
                problems.push(row.error(
                    KIND,
                    Problem::BadCode {
                        column: "kind",
                        value: kind_text.into_owned(),
                        expected,
                        suggestion,
                    },
                ));
            }
            kind
        };
        let unit_text = row.get(UNIT);
        let unit = if unit_text.is_empty() {
            if kind == Some(PersonKind::NoiBo) {
                problems.push(row.error(UNIT, Problem::UnitRequired));
            }
            None
        } else {
            match registry.lookup(&unit_text) {
                Lookup::Found(Subject::Unit(i)) => Some(i),
                // A unit whose definition had an error, already reported.
                Lookup::Invalid => None,
                Lookup::Found(Subject::Person(_)) | Lookup::Unknown => {
                    let suggestion = suggest(&unit_text, units.iter().map(|u| u.id.as_str()))
                        .map(str::to_string);
                    problems.push(row.error(
                        UNIT,
                        Problem::UnknownUnit {
                            value: unit_text.into_owned(),
                            suggestion,
                        },
                    ));
                    None
                }
            }
        };
        let gender_text = row.get(GENDER);
        let gender = if gender_text.is_empty() {
            None
        } else {
            let g = Gender::parse(&gender_text);
            if g.is_none() {
                problems.push(row.error(
                    GENDER,
                    Problem::BadCode {
                        column: "gender",
                        value: gender_text.into_owned(),
                        expected: vec!["nam", "nữ"],
                        suggestion: None,
                    },
                ));
            }
            g
        };
        let position = Some(CompactString::from(row.get(POSITION))).filter(|p| !p.is_empty());
        if kind.is_none() {
            self.refused.push(self.rows.len());
        }
        self.rows.push(Person {
            id,
            name,
            unit,
            position,
            kind: kind.unwrap_or(PersonKind::NoiBo),
            gender,
            source: row.source(file_index),
        });
    }
}

/// Reads people into `people`, registering their ids in file order.
/// `None` when the rows could not be read at all; otherwise whether the file
/// was decoded in memory. A file not read to its end marks the registry
/// incomplete.
pub fn parse_people(
    file: CsvFile,
    file_index: u16,
    units: &[Unit],
    registry: &mut Registry,
    split: Split,
    people: &mut Vec<Person>,
    diags: &mut Vec<Diagnostic>,
) -> Option<bool> {
    let shared: &Registry = registry;
    let split = Split {
        cut: Cut::Even,
        ..split
    };
    let parsed = read_rows(
        file,
        &COLUMNS,
        split,
        diags,
        |rows| ChunkRows {
            rows: with_room(rows),
            ..ChunkRows::default()
        },
        |chunk, row| chunk.read(row, units, shared, file_index),
        // A row skipped for its structure still names its id: references
        // to it are not reported as unknown.
        |chunk, row| chunk.unread.push(row.get(ID).into_owned()),
    )?;
    let mut problems = Vec::new();
    let mut unread = Vec::new();
    let mut refused = Vec::new();
    let mut pieces = Vec::new();
    let mut offset = people.len();
    for chunk in parsed.states {
        problems.extend(chunk.problems);
        unread.extend(chunk.unread);
        refused.extend(chunk.refused.iter().map(|i| offset + i));
        offset += chunk.rows.len();
        pieces.push((chunk.rows, Vec::new()));
    }
    // The rows stay where the first thread put them; ids are registered as
    // in file order (by several threads, [`Registry::register_people`]),
    // and the rows refused are taken out afterwards.
    let first_new = people.len();
    concat(people, pieces);
    let mut drop = vec![false; people.len() - first_new];
    for &i in &refused {
        registry.remember_invalid(&people[i].id);
        drop[i - first_new] = true;
    }
    let new = &people[first_new..];
    let clashes = registry.register_people(
        first_new,
        new.len(),
        |i| (!drop[i]).then(|| (new[i].id.as_str(), new[i].source)),
        parsed.table.shown(),
        split.threads,
    );
    for (i, first) in clashes {
        let person = &new[i];
        problems.push(parsed.table.cell_error_at(
            person.source.byte as usize,
            person.source.line,
            ID,
            Problem::DuplicateId {
                id: person.id.to_string(),
                first,
            },
        ));
        drop[i] = true;
    }
    if drop.iter().any(|d| *d) {
        // Each person was numbered by its row: the rows taken out leave
        // no gap.
        let mut kept = first_new;
        let to: Vec<u32> = drop
            .iter()
            .map(|d| {
                let at = u32::try_from(kept).unwrap_or(u32::MAX);
                kept += usize::from(!d);
                at
            })
            .collect();
        registry.renumber_people(first_new, &to, kept);
        let mut i = 0;
        people.retain(|_| {
            let keep = i < first_new || !drop[i - first_new];
            i += 1;
            keep
        });
    }
    for id in unread.iter().filter(|id| !id.is_empty()) {
        registry.remember_invalid(id);
    }
    if !parsed.complete {
        registry.mark_incomplete();
    }
    problems.sort_by_key(|d| d.line);
    diags.extend(problems);
    Some(parsed.decoded)
}
