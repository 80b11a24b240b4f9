//! `people.csv`: the individuals.

use compact_str::CompactString;

use crate::diag::{Diagnostic, Problem};
use crate::load::content::CsvFile;
use crate::load::csv_table::{Column, Row, Visit, read_rows};
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

/// Reads one row: the person when the row can be used; otherwise the id
/// of a row refused for its kind (to be remembered as invalid, not
/// defined), if any.
fn read(
    row: &Row<'_>,
    units: &[Unit],
    registry: &Registry,
    file_index: u16,
    problems: &mut Vec<Diagnostic>,
) -> Result<Person, Option<CompactString>> {
    {
        let id = CompactString::from(row.get(ID));
        if id.is_empty() {
            problems.push(row.error(ID, Problem::Required { column: "id" }));
            return Err(None);
        }
        if let Some((at, ch)) = crate::text::bad_id_char(&id) {
            problems.push(row.error(
                ID,
                Problem::BadIdChar {
                    id: id.to_string(),
                    ch,
                    at,
                },
            ));
            return Err(Some(id));
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
        let Some(kind) = kind else {
            return Err(Some(id));
        };
        Ok(Person {
            id,
            name,
            unit,
            position,
            kind,
            gender,
            source: row.source(file_index),
        })
    }
}

/// Reads people into `people`, defining their ids in file order (an id
/// defined before is reported, and that row left out). `None` when the
/// rows could not be read at all; otherwise whether the file was decoded
/// in memory. A file not read to its end marks the registry incomplete.
pub fn parse_people(
    file: CsvFile,
    file_index: u16,
    units: &[Unit],
    registry: &mut Registry,
    people: &mut Vec<Person>,
    diags: &mut Vec<Diagnostic>,
) -> Option<bool> {
    let mut problems = Vec::new();
    let shown = file.shown.clone();
    let before = people.len();
    let parsed = read_rows(file, &COLUMNS, diags, |visit| match visit {
        Visit::Row { row, whole: true } => {
            let person = match read(row, units, registry, file_index, &mut problems) {
                Ok(person) => person,
                Err(refused) => {
                    if let Some(id) = refused {
                        registry.remember_invalid(&id);
                    }
                    return;
                }
            };
            let subject = Subject::Person(u32::try_from(people.len()).unwrap_or(u32::MAX));
            match registry.register(&person.id, subject, &shown, person.source) {
                Ok(()) => people.push(person),
                Err(first) => problems.push(row.error(
                    ID,
                    Problem::DuplicateId {
                        id: person.id.to_string(),
                        first,
                    },
                )),
            }
        }
        // A row skipped for its structure still names its id: references
        // to it are not reported as unknown.
        Visit::Row { row, whole: false } => {
            let id = row.get(ID);
            if !id.is_empty() {
                registry.remember_invalid(&id);
            }
        }
        Visit::Restart => {
            registry.forget_people(before);
            people.truncate(before);
            problems.clear();
        }
    })?;
    if !parsed.complete {
        registry.mark_incomplete();
    }
    problems.sort_by_key(|d| d.line);
    diags.extend(problems);
    Some(parsed.decoded)
}
