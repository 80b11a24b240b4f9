//! `people.csv`: the individuals.

use crate::diag::{Diagnostic, Problem};
use crate::load::csv_table::{Column, Table};
use crate::load::source::TextFile;
use crate::load::{Lookup, Registry};
use crate::model::{Gender, Person, Source, Subject, Unit};
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

/// Reads people into `people`, registering their ids. `false` when the rows
/// could not be read at all (empty file, bad header).
pub fn parse_people(
    file: &TextFile,
    file_index: u16,
    units: &[Unit],
    registry: &mut Registry,
    people: &mut Vec<Person>,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let Some(table) = Table::open(file, &COLUMNS, diags) else {
        return false;
    };
    let mut problems = Vec::new();
    let mut unread: Vec<String> = Vec::new();
    let complete = table.for_each_row_or_skipped(
        diags,
        |row| {
            let id = row.get(ID).into_owned();
            if id.is_empty() {
                problems.push(row.error(ID, Problem::Required { column: "id" }));
                return;
            }
            let name = row.get(NAME).into_owned();
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
            let position = Some(row.get(POSITION).into_owned()).filter(|p| !p.is_empty());
            let Some(kind) = kind else {
                registry.remember_invalid(&id);
                return;
            };
            let index = u32::try_from(people.len()).unwrap_or(u32::MAX);
            if let Err(first) = registry.register(&id, Subject::Person(index), row.file(), row.line)
            {
                problems.push(row.error(ID, Problem::DuplicateId { id, first }));
                return;
            }
            people.push(Person {
                id,
                name,
                unit,
                position,
                kind,
                gender,
                source: Source {
                    file: file_index,
                    line: row.line,
                },
            });
        },
        // A row skipped for its structure still names its id: references
        // to it are not reported as unknown.
        |row| unread.push(row.get(ID).into_owned()),
    );
    for id in unread.iter().filter(|id| !id.is_empty()) {
        registry.remember_invalid(id);
    }
    if !complete {
        registry.mark_incomplete();
    }
    diags.extend(problems);
    true
}
