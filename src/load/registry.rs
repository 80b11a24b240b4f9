//! The ids of a data folder: units and people share one namespace, so that
//! an id names either. Built while units.toml and people.csv are read, then
//! looked up for every row of the other files.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashSet;

use crate::diag::{Diagnostic, Problem};
use crate::load::Known;
use crate::load::csv_table::Row;
use crate::model::{Ids, Source, Subject};
use crate::text::suggest_unordered;

/// How many unknown ids of a run get a "did you mean".
const SUGGESTIONS: usize = 50;

/// Resolves the subject cells of one file's rows. Files usually list
/// subjects in the order units.toml and people.csv define them, a subject's
/// rows together: the subject of the row before (its id kept here), or the
/// one defined after it, is tried (by comparing ids) before the table.
#[derive(Default)]
pub struct Resolver {
    last: Option<Subject>,
    /// The id of `last`.
    last_id: String,
}

impl Resolver {
    /// The subject of a row's cell, as [`Registry::subject_cell`].
    #[inline]
    pub fn subject(
        &mut self,
        known: &Known<'_>,
        row: &Row<'_>,
        column: usize,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Subject> {
        let raw = row.raw(column);
        if let Some(last) = self.last {
            if !raw.is_empty() && crate::text::same(&self.last_id, raw) {
                return Some(last);
            }
            let next = match last {
                Subject::Unit(i) if (i as usize) + 1 < known.units.len() => Subject::Unit(i + 1),
                Subject::Unit(_) => Subject::Person(0),
                Subject::Person(i) => Subject::Person(i + 1),
            };
            if !raw.is_empty() && crate::text::same(known.id(next), raw) {
                self.remember(next, raw);
                return Some(next);
            }
        }
        let found = known.registry.subject_cell(row, column, diags);
        if let Some(subject) = found {
            self.remember(subject, known.id(subject));
        }
        found
    }

    fn remember(&mut self, subject: Subject, id: &str) {
        self.last = Some(subject);
        self.last_id.clear();
        self.last_id.push_str(id);
    }
}

/// What an id refers to.
pub enum Lookup {
    /// A valid unit or person.
    Found(Subject),
    /// An id whose definition had an error (already reported).
    Invalid,
    /// No such id.
    Unknown,
}

/// Ids defined so far, units and people alike, and what the loader knows
/// of the ids it could not define.
#[derive(Default)]
pub struct Registry {
    ids: Ids,
    /// The files ids are defined in, for "already used at file:line".
    files: Vec<PathBuf>,
    invalid: FxHashSet<String>,
    /// A file that defines ids (units.toml, people.csv) could not be read:
    /// an unknown id may be one of its, so it is not reported again.
    incomplete: bool,
}

impl Registry {
    /// Defines an id at a row of a file (`file` is its path, for messages);
    /// `Err` holds where it was first defined.
    pub fn register(
        &mut self,
        id: &str,
        subject: Subject,
        file: &Path,
        at: Source,
    ) -> Result<(), String> {
        self.note_file(at.file, file);
        self.ids
            .insert(id, subject, at)
            .map_err(|first| self.place(first))
    }

    /// Notes the path of the file of index `slot`, for messages.
    fn note_file(&mut self, slot: u16, file: &Path) {
        let slot = usize::from(slot);
        if self.files.len() <= slot {
            self.files.resize(slot + 1, PathBuf::new());
        }
        if self.files[slot].as_os_str().is_empty() {
            self.files[slot] = file.to_path_buf();
        }
    }

    /// `file:line` of a definition.
    fn place(&self, at: Source) -> String {
        let path = self
            .files
            .get(usize::from(at.file))
            .cloned()
            .unwrap_or_default();
        crate::load::workbook::place(&path, at.line)
    }

    /// Forgets the people defined from index `first` on (their file is
    /// read again).
    pub fn forget_people(&mut self, first: usize) {
        self.ids
            .forget(|s| matches!(s, Subject::Person(i) if i as usize >= first));
    }

    /// Remembers an id whose definition was refused.
    pub fn remember_invalid(&mut self, id: &str) {
        self.invalid.insert(id.to_string());
    }

    /// Notes that a file defining ids could not be read as a whole (its
    /// error is already reported): ids not found are then not reported.
    pub fn mark_incomplete(&mut self) {
        self.incomplete = true;
    }

    /// Looks an id up.
    pub fn lookup(&self, id: &str) -> Lookup {
        match self.ids.get(id) {
            Some((subject, _)) => Lookup::Found(subject),
            None if self.incomplete || self.invalid.contains(id) => Lookup::Invalid,
            None => Lookup::Unknown,
        }
    }

    /// Fills in "did you mean" for the first unknown ids of a run, in the
    /// order of its messages: each scans every id, so only the first few
    /// get one.
    pub fn suggest_unknown(&self, diags: &mut [Diagnostic]) {
        // One that has its suggestion already (the plan's signer, found
        // among the people only) keeps it.
        let unknown = diags.iter_mut().filter_map(|d| match &mut d.problem {
            Problem::UnknownSubject { value, suggestion } if suggestion.is_none() => {
                Some((value, suggestion))
            }
            _ => None,
        });
        for (value, suggestion) in unknown.take(SUGGESTIONS) {
            // The closest id, ties broken by the id, so that the answer does
            // not depend on the table's order.
            let ids = self.ids.iter().map(|(id, _, _)| id);
            *suggestion = suggest_unordered(value, ids).map(str::to_string);
        }
    }

    /// Looks up the subject cell of a row, reporting an unknown id. `None`
    /// when the row cannot be used.
    pub fn subject_cell(
        &self,
        row: &Row<'_>,
        column: usize,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Subject> {
        let raw = row.raw(column);
        if raw.is_empty() {
            diags.push(row.error(column, Problem::Required { column: "subject" }));
            return None;
        }
        // Ids are matched as written first, then in NFC (an id typed with
        // decomposed Vietnamese letters is still the same id).
        if let Lookup::Found(s) = self.lookup(raw) {
            return Some(s);
        }
        let id = crate::text::nfc(raw);
        match self.lookup(&id) {
            Lookup::Found(s) => Some(s),
            Lookup::Invalid => None,
            Lookup::Unknown => {
                // "Did you mean" comes later: [`Registry::suggest_unknown`].
                diags.push(row.error(
                    column,
                    Problem::UnknownSubject {
                        value: id.into_owned(),
                        suggestion: None,
                    },
                ));
                None
            }
        }
    }

    /// A warning for each id that looks like one defined before it (the same
    /// Unicode TR39 skeleton: a Cyrillic `С` in place of a Latin `C`), at
    /// its definition. Only a folder with an id beyond ASCII can hold such a
    /// pair worth telling, so a folder of ASCII ids is not looked at.
    pub fn confusables(&self) -> Vec<Diagnostic> {
        if self.ids.iter().all(|(id, _, _)| id.is_ascii()) {
            return Vec::new();
        }
        let mut ids: Vec<(&str, Source)> = self.ids.iter().map(|(id, _, at)| (id, at)).collect();
        ids.sort_by_key(|(id, at)| (at.file, at.line, *id));
        let mut seen: rustc_hash::FxHashMap<String, (&str, Source)> = Default::default();
        let mut out = Vec::new();
        for (id, at) in ids {
            let skeleton = crate::text::skeleton(id);
            match seen.get(&skeleton) {
                Some(&(other, first)) if other != id => {
                    let mut d = Diagnostic::error(
                        self.files.get(usize::from(at.file)).cloned(),
                        Problem::ConfusableIds {
                            id: id.to_string(),
                            other: other.to_string(),
                            first: self.place(first),
                        },
                    )
                    .warning();
                    d.line = Some(at.line);
                    out.push(d);
                }
                Some(_) => {}
                None => {
                    seen.insert(skeleton, (id, at));
                }
            }
        }
        out
    }

    /// The ids, for the dataset.
    pub fn into_ids(self) -> Ids {
        self.ids
    }
}
