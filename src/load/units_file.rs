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
