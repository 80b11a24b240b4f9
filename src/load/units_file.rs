//! `units.toml`: the collectives (the Department, its offices and units,
//! related organisations).

use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, Problem};
use crate::load::Registry;
use crate::load::position::{Lines, at_span};
use crate::load::source::TextFile;
use crate::model::{Source, Subject, Unit};
use crate::plan::UnitKind;
use crate::text::{nfc, suggest};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnits {
    #[serde(default)]
    unit: Vec<RawUnit>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    id: Spanned<String>,
    name: Spanned<String>,
    kind: Spanned<String>,
}

/// Reads the units into `units`, registering their ids. Problems go to
/// `diags`; a unit with a bad kind is left out, but its id is remembered so
/// that references to it raise no second error. `false` when the file could
/// not be read at all (invalid TOML).
pub fn parse_units(
    file: &TextFile,
    file_index: u16,
    registry: &mut Registry,
    units: &mut Vec<Unit>,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let text = nfc(&file.text).into_owned();
    let file = &TextFile {
        shown: file.shown.clone(),
        text,
    };
    let raw: RawUnits = match toml::from_str(&file.text) {
        Ok(raw) => raw,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            diags.push(at_span(
                file,
                span,
                Problem::Toml {
                    message: e.message().trim().to_string(),
                },
            ));
            return false;
        }
    };
    let mut lines = Lines::new(&file.text);
    for u in raw.unit {
        let id = u.id.get_ref().trim().to_string();
        if id.is_empty() {
            diags.push(at_span(
                file,
                u.id.span(),
                Problem::Required { column: "id" },
            ));
            continue;
        }
        if let Some((at, ch)) = crate::text::bad_id_char(&id) {
            diags.push(at_span(
                file,
                u.id.span(),
                Problem::BadIdChar {
                    id: id.clone(),
                    ch,
                    at,
                },
            ));
            registry.remember_invalid(&id);
            continue;
        }
        if u.name.get_ref().trim().is_empty() {
            diags.push(at_span(
                file,
                u.name.span(),
                Problem::Required { column: "name" },
            ));
        }
        let line = lines.line(u.id.span().start);
        let Some(kind) = UnitKind::parse(u.kind.get_ref()) else {
            let expected: Vec<&'static str> = UnitKind::ALL.iter().map(|k| k.code()).collect();
            let suggestion = suggest(u.kind.get_ref(), expected.iter().copied());
            diags.push(at_span(
                file,
                u.kind.span(),
                Problem::BadCode {
                    column: "kind",
                    value: u.kind.get_ref().clone(),
                    expected,
                    suggestion,
                },
            ));
            registry.remember_invalid(&id);
            continue;
        };
        let index = u32::try_from(units.len()).unwrap_or(u32::MAX);
        if let Err(first) = registry.register(
            &id,
            Subject::Unit(index),
            &file.shown,
            Source {
                file: file_index,
                line,
                byte: u32::try_from(u.id.span().start).unwrap_or(u32::MAX),
            },
        ) {
            diags.push(at_span(
                file,
                u.id.span(),
                Problem::DuplicateId { id, first },
            ));
            continue;
        }
        units.push(Unit {
            id,
            name: u.name.get_ref().trim().to_string(),
            kind,
            source: Source {
                file: file_index,
                line,
                byte: u32::try_from(u.id.span().start).unwrap_or(u32::MAX),
            },
        });
    }
    true
}

const ID: usize = 0;
const NAME: usize = 1;
const KIND: usize = 2;

/// The columns of the units as a table (`units.csv`, or a `units` sheet of
/// a workbook): the same three keys as `units.toml`.
pub const COLUMNS: [crate::load::csv_table::Column; 3] = [
    crate::load::csv_table::Column {
        key: "id",
        vi: "mã",
        aliases: &["ma", "madonvi"],
        required: true,
    },
    crate::load::csv_table::Column {
        key: "name",
        vi: "tên",
        aliases: &["tendonvi", "ten"],
        required: true,
    },
    crate::load::csv_table::Column {
        key: "kind",
        vi: "loại",
        aliases: &["loaidonvi"],
        required: true,
    },
];

/// Reads the units from a table, with the checks and messages of
/// [`parse_units`]. The file must be in memory (no restart). `false` when
/// its header does not allow reading it.
pub fn parse_units_table(
    file: crate::load::content::CsvFile,
    file_index: u16,
    registry: &mut Registry,
    units: &mut Vec<Unit>,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    use crate::load::csv_table::{Visit, read_rows};
    let mut problems = Vec::new();
    let parsed = read_rows(file, &COLUMNS, diags, |visit| {
        let Visit::Row { row, whole: true } = visit else {
            return;
        };
        let id = row.get(ID).into_owned();
        if id.is_empty() {
            problems.push(row.error(ID, Problem::Required { column: "id" }));
            return;
        }
        if let Some((at, ch)) = crate::text::bad_id_char(&id) {
            problems.push(row.error(
                ID,
                Problem::BadIdChar {
                    id: id.clone(),
                    ch,
                    at,
                },
            ));
            registry.remember_invalid(&id);
            return;
        }
        let name = row.get(NAME).into_owned();
        if name.is_empty() {
            problems.push(row.error(NAME, Problem::Required { column: "name" }));
        }
        let kind_text = row.get(KIND).into_owned();
        let Some(kind) = UnitKind::parse(&kind_text) else {
            let expected: Vec<&'static str> = UnitKind::ALL.iter().map(|k| k.code()).collect();
            let suggestion = suggest(&kind_text, expected.iter().copied());
            problems.push(row.error(
                KIND,
                Problem::BadCode {
                    column: "kind",
                    value: kind_text,
                    expected,
                    suggestion,
                },
            ));
            registry.remember_invalid(&id);
            return;
        };
        let index = u32::try_from(units.len()).unwrap_or(u32::MAX);
        let source = row.source(file_index);
        if let Err(first) = registry.register(&id, Subject::Unit(index), row.file(), source) {
            problems.push(row.error(ID, Problem::DuplicateId { id, first }));
            return;
        }
        units.push(Unit {
            id,
            name,
            kind,
            source,
        });
    });
    diags.extend(problems);
    parsed.is_some()
}
