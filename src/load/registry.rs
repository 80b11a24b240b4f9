//! The ids of a data folder: units and people share one namespace, so that
//! an id names either. Built while units.toml and people.csv are read, then
//! looked up for every row of the other files, from several threads.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::diag::{Diagnostic, Problem};
use crate::load::Known;
use crate::load::csv_table::Row;
use crate::model::Subject;
use crate::text::suggest;

/// An id of at most 15 bytes, stored inline: a lookup then compares bytes in
/// the table itself instead of following a pointer to a string.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct ShortId([u8; 16]);

impl ShortId {
    fn new(id: &str) -> Option<ShortId> {
        let bytes = id.as_bytes();
        let len = u8::try_from(bytes.len()).ok().filter(|n| *n < 16)?;
        let mut inline = [0u8; 16];
        inline[..bytes.len()].copy_from_slice(bytes);
        inline[15] = len;
        Some(ShortId(inline))
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0[..usize::from(self.0[15])]).unwrap_or("")
    }
}

/// Where an id is defined, and what it names.
#[derive(Clone, Copy)]
struct Entry {
    subject: Subject,
    file: u16,
    line: u32,
}

/// Ids defined so far, units and people alike.
pub struct Registry {
    short: FxHashMap<ShortId, Entry>,
    long: FxHashMap<Box<str>, Entry>,
    /// The files ids are defined in, for "already used at file:line".
    files: Vec<PathBuf>,
    invalid: FxHashSet<String>,
    suggestions_left: AtomicUsize,
    /// A file that defines ids (units.toml, people.csv) could not be read:
    /// an unknown id may be one of its, so it is not reported again.
    incomplete: bool,
    /// Units and people registered (one past the highest index).
    units: usize,
    people: usize,
}

/// Resolves the subject cells of one file's rows. Files usually list
/// subjects in the order units.toml and people.csv define them, a subject's
/// rows together: the subject of the row before, or the one defined after
/// it, is tried (by comparing ids) before the table.
#[derive(Default)]
pub struct Resolver {
    last: Option<Subject>,
}

impl Resolver {
    /// The subject of a row's cell, as [`Registry::subject_cell`].
    pub fn subject(
        &mut self,
        known: Known<'_>,
        row: &Row<'_>,
        column: usize,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Subject> {
        let raw = row.raw(column);
        if let Some(last) = self.last {
            let next = match last {
                Subject::Unit(i) if (i as usize) + 1 < known.units.len() => Subject::Unit(i + 1),
                Subject::Unit(_) => Subject::Person(0),
                Subject::Person(i) => Subject::Person(i + 1),
            };
            for guess in [last, next] {
                if !raw.is_empty() && known.id(guess) == raw {
                    self.last = Some(guess);
                    return Some(guess);
                }
            }
        }
        let found = known.registry.subject_cell(row, column, diags);
        if found.is_some() {
            self.last = found;
        }
        found
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

impl Default for Registry {
    fn default() -> Self {
        Registry {
            short: FxHashMap::default(),
            long: FxHashMap::default(),
            files: Vec::new(),
            invalid: FxHashSet::default(),
            suggestions_left: AtomicUsize::new(50),
            incomplete: false,
            units: 0,
            people: 0,
        }
    }
}

impl Registry {
    fn entry(&self, id: &str) -> Option<&Entry> {
        match ShortId::new(id) {
            Some(short) => self.short.get(&short),
            None => self.long.get(id),
        }
    }

    /// Defines an id at `file:line`; `Err` holds where it was first defined.
    pub fn register(
        &mut self,
        id: &str,
        subject: Subject,
        file: &Path,
        line: u32,
    ) -> Result<(), String> {
        if let Some(first) = self.entry(id) {
            let path = self
                .files
                .get(usize::from(first.file))
                .map(|p| p.display().to_string());
            return Err(format!("{}:{}", path.unwrap_or_default(), first.line));
        }
        if self.files.last().is_none_or(|last| last != file) {
            self.files.push(file.to_path_buf());
        }
        let file = u16::try_from(self.files.len() - 1).unwrap_or(u16::MAX);
        let entry = Entry {
            subject,
            file,
            line,
        };
        match ShortId::new(id) {
            Some(short) => self.short.insert(short, entry),
            None => self.long.insert(id.into(), entry),
        };
        match subject {
            Subject::Unit(i) => self.units = self.units.max(i as usize + 1),
            Subject::Person(i) => self.people = self.people.max(i as usize + 1),
        }
        Ok(())
    }

    /// A dense index of a subject, units first, below [`Registry::dense_len`]:
    /// for per-subject tables without hashing.
    pub fn dense(&self, subject: Subject) -> usize {
        match subject {
            Subject::Unit(i) => i as usize,
            Subject::Person(i) => self.units + i as usize,
        }
    }

    /// How many dense indexes there are.
    pub fn dense_len(&self) -> usize {
        self.units + self.people
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
        match self.entry(id) {
            Some(entry) => Lookup::Found(entry.subject),
            None if self.incomplete || self.invalid.contains(id) => Lookup::Invalid,
            None => Lookup::Unknown,
        }
    }

    /// Every id, in no particular order.
    fn ids(&self) -> impl Iterator<Item = &str> {
        self.short
            .keys()
            .map(ShortId::as_str)
            .chain(self.long.keys().map(|k| &**k))
    }

    /// A known id close to `id`, for "did you mean"; only for the first few
    /// unknown ids of a run, as it scans them all.
    pub fn suggest(&self, id: &str) -> Option<String> {
        let left = self
            .suggestions_left
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1));
        if left.is_err() {
            return None;
        }
        // The closest id, ties broken by the id, so that the answer does not
        // depend on the table's order.
        let mut ids: Vec<&str> = self.ids().collect();
        ids.sort_unstable();
        suggest(id, ids).map(str::to_string)
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
                let suggestion = self.suggest(&id);
                diags.push(row.error(
                    column,
                    Problem::UnknownSubject {
                        value: id.into_owned(),
                        suggestion,
                    },
                ));
                None
            }
        }
    }

    /// The id index of a dataset.
    pub fn into_index(self) -> FxHashMap<String, Subject> {
        self.short
            .iter()
            .map(|(k, e)| (k.as_str().to_string(), e.subject))
            .chain(
                self.long
                    .into_iter()
                    .map(|(k, e)| (k.into_string(), e.subject)),
            )
            .collect()
    }
}
