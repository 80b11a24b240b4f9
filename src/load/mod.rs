//! The loader: a data folder in, a validated [`Dataset`] (or every problem
//! found) out.
//!
//! It reads `plan.toml`, `units.toml`, `people.csv`, `achievements.csv` and/or
//! `achievements/*.csv`, and the optional `nominations.csv` and `awards.csv`.
//! Each file is decoded ([`source`]), parsed ([`csv_table`], TOML), and each
//! value checked against the plan and the ids defined so far. Problems are
//! collected, never thrown: one run reports them all, each with file, line
//! and column.

pub mod achievements;
pub mod awards;
pub mod csv_table;
pub mod legacy;
pub mod nominations;
pub mod people;
pub mod plan_file;
pub mod position;
pub mod source;
pub mod units_file;
pub mod values;

use rustc_hash::{FxHashMap, FxHashSet};
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;

use crate::diag::{Diagnostic, Problem};
use crate::model::{Dataset, Subject};
use crate::plan::Plan;
use crate::review::Review;
use crate::text::suggest;

use csv_table::Row;
use source::{TextFile, read_text};

/// The plan shipped with the tool (the Department's 2021–2025 CCHC plan),
/// which `init` writes into a new folder.
pub const BUILTIN_PLAN: &str = include_str!("../../data/plan.toml");

/// The fixed file names of a data folder.
pub mod files {
    /// The plan.
    pub const PLAN: &str = "plan.toml";
    /// The collectives.
    pub const UNITS: &str = "units.toml";
    /// The individuals.
    pub const PEOPLE: &str = "people.csv";
    /// Achievements, as one file.
    pub const ACHIEVEMENTS: &str = "achievements.csv";
    /// Achievements, as a folder of CSV files.
    pub const ACHIEVEMENTS_DIR: &str = "achievements";
    /// Nominations (optional).
    pub const NOMINATIONS: &str = "nominations.csv";
    /// Granted awards (optional).
    pub const AWARDS: &str = "awards.csv";
}

/// How to read a folder.
#[derive(Clone, Copy, Debug, Default)]
pub struct LoadOptions {
    /// The encoding of files without a BOM, when not UTF-8 (`--encoding`).
    pub encoding: Option<&'static Encoding>,
}

/// What loading a folder gave: a dataset when nothing was an error, and
/// every diagnostic (errors and warnings) in the order found.
#[derive(Debug)]
pub struct Loaded {
    /// The dataset, if the folder had no error.
    pub dataset: Option<Dataset>,
    /// Every problem found.
    pub diagnostics: Vec<Diagnostic>,
}

/// Ids defined so far, units and people alike (ids are unique across both).
#[derive(Default)]
pub struct Registry {
    ids: FxHashMap<String, (Subject, u16, u32)>,
    /// The files ids are defined in, for "already used at file:line".
    id_files: Vec<PathBuf>,
    invalid: FxHashSet<String>,
    suggestions_left: usize,
    /// A file that defines ids (units.toml, people.csv) could not be read:
    /// an unknown id may be one of its, so it is not reported again.
    incomplete: bool,
    /// Units and people registered (one past the highest index).
    units: usize,
    people: usize,
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

impl Registry {
    fn new() -> Self {
        Registry {
            suggestions_left: 50,
            ..Default::default()
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
        if let Some((_, f, l)) = self.ids.get(id) {
            let first = self
                .id_files
                .get(usize::from(*f))
                .map(|p| p.display().to_string());
            return Err(format!("{}:{l}", first.unwrap_or_default()));
        }
        if self.id_files.last().is_none_or(|last| last != file) {
            self.id_files.push(file.to_path_buf());
        }
        let f = u16::try_from(self.id_files.len() - 1).unwrap_or(u16::MAX);
        self.ids.insert(id.to_string(), (subject, f, line));
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
        match self.ids.get(id) {
            Some((subject, _, _)) => Lookup::Found(*subject),
            None if self.incomplete || self.invalid.contains(id) => Lookup::Invalid,
            None => Lookup::Unknown,
        }
    }

    /// A known id close to `id`, for "did you mean"; only for the first few
    /// unknown ids of a run, as it scans them all.
    pub fn suggest(&mut self, id: &str) -> Option<String> {
        if self.suggestions_left == 0 {
            return None;
        }
        self.suggestions_left -= 1;
        suggest(id, self.ids.keys().map(String::as_str)).map(str::to_string)
    }

    /// Looks up the subject cell of a row, reporting an unknown id. `None`
    /// when the row cannot be used.
    pub fn subject_cell(
        &mut self,
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
        let found = self.lookup(raw);
        if let Lookup::Found(s) = found {
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

    fn into_index(self) -> FxHashMap<String, Subject> {
        self.ids
            .into_iter()
            .map(|(id, (s, _, _))| (id, s))
            .collect()
    }
}

/// Reads the review cell of a row; with a plan, the review must be one of
/// its own. `None` when the row cannot be used.
pub fn review_cell(
    row: &Row<'_>,
    column: usize,
    plan: Option<&Plan>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Review> {
    let text = row.raw(column);
    if text.is_empty() {
        diags.push(row.error(column, Problem::Required { column: "review" }));
        return None;
    }
    let Ok(review) = text.parse::<Review>() else {
        diags.push(row.error(
            column,
            Problem::BadReview {
                value: crate::text::nfc(text).into_owned(),
            },
        ));
        return None;
    };
    match plan.map(|p| p.review(review)) {
        Some(Err(reason)) => {
            diags.push(row.error(
                column,
                Problem::ReviewNotInPlan {
                    value: text.to_string(),
                    reason,
                },
            ));
            None
        }
        _ => Some(review),
    }
}

fn file_index(files: &[PathBuf]) -> u16 {
    u16::try_from(files.len()).unwrap_or(u16::MAX)
}

/// Parses a plan from text (the built-in plan, or a test's).
pub fn plan_from_str(text: &str, shown: &str) -> Result<Plan, Vec<Diagnostic>> {
    let file = TextFile {
        shown: shown.into(),
        text: text.to_string(),
    };
    plan_file::parse_plan(&file).map(|(plan, _)| plan)
}

/// Every path of a data folder the tool reads or would read: the files that
/// exist, the optional ones that do not yet, and the achievements folder.
pub fn input_paths(dir: &Path) -> Vec<PathBuf> {
    use files::*;
    [
        PLAN,
        UNITS,
        PEOPLE,
        ACHIEVEMENTS,
        ACHIEVEMENTS_DIR,
        NOMINATIONS,
        AWARDS,
    ]
    .iter()
    .map(|f| dir.join(f))
    .collect()
}

/// Loads a data folder.
pub fn load(dir: &Path, options: &LoadOptions) -> Loaded {
    let mut diags: Vec<Diagnostic> = Vec::new();
    if !dir.exists() {
        diags.push(Diagnostic::error(
            Some(dir.to_path_buf()),
            Problem::NoDataFolder,
        ));
        return Loaded {
            dataset: None,
            diagnostics: diags,
        };
    }
    if !dir.is_dir() {
        diags.push(Diagnostic::error(
            Some(dir.to_path_buf()),
            Problem::NotAFolder,
        ));
        return Loaded {
            dataset: None,
            diagnostics: diags,
        };
    }
    let mut files: Vec<PathBuf> = Vec::new();
    let read = |name: &Path,
                required: Option<&'static str>,
                diags: &mut Vec<Diagnostic>|
     -> Option<TextFile> {
        let path = dir.join(name);
        if !path.exists() {
            if let Some(what) = required {
                diags.push(Diagnostic::error(Some(path), Problem::MissingFile { what }));
            }
            return None;
        }
        match read_text(&path, &path, options.encoding, diags) {
            Ok(file) => Some(file),
            Err(d) => {
                diags.push(*d);
                None
            }
        }
    };

    let plan_text = read(Path::new(files::PLAN), Some(files::PLAN), &mut diags);
    let plan = plan_text.and_then(|file| match plan_file::parse_plan(&file) {
        Ok((plan, warnings)) => {
            diags.extend(warnings);
            Some(plan)
        }
        Err(errors) => {
            diags.extend(errors);
            None
        }
    });
    files.push(dir.join(files::PLAN));

    let mut registry = Registry::new();
    let mut units = Vec::new();
    let units_read =
        read(Path::new(files::UNITS), Some(files::UNITS), &mut diags).is_some_and(|file| {
            units_file::parse_units(
                &file,
                file_index(&files),
                &mut registry,
                &mut units,
                &mut diags,
            )
        });
    if !units_read {
        registry.mark_incomplete();
    }
    files.push(dir.join(files::UNITS));

    let mut people = Vec::new();
    let people_read =
        read(Path::new(files::PEOPLE), Some(files::PEOPLE), &mut diags).is_some_and(|file| {
            people::parse_people(
                &file,
                file_index(&files),
                &units,
                &mut registry,
                &mut people,
                &mut diags,
            )
        });
    if !people_read {
        registry.mark_incomplete();
    }
    files.push(dir.join(files::PEOPLE));

    let mut achievement_files: Vec<PathBuf> = Vec::new();
    if dir.join(files::ACHIEVEMENTS).exists() {
        achievement_files.push(PathBuf::from(files::ACHIEVEMENTS));
    }
    let folder = dir.join(files::ACHIEVEMENTS_DIR);
    if folder.is_dir() {
        match std::fs::read_dir(&folder) {
            Ok(entries) => {
                let mut found: Vec<PathBuf> = entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| {
                        p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"))
                    })
                    .filter_map(|p| p.strip_prefix(dir).ok().map(Path::to_path_buf))
                    .collect();
                found.sort();
                achievement_files.extend(found);
            }
            Err(e) => diags.push(Diagnostic::error(
                Some(folder),
                Problem::Unreadable {
                    reason: e.to_string(),
                },
            )),
        }
    }
    if achievement_files.is_empty() {
        diags.push(Diagnostic::error(
            Some(dir.join(files::ACHIEVEMENTS)),
            Problem::MissingFile {
                what: "achievements.csv / achievements/*.csv",
            },
        ));
    }
    let mut achievements = achievements::Achievements::new(plan.as_ref());
    for name in &achievement_files {
        if let Some(file) = read(name, None, &mut diags) {
            achievements.parse(
                &file,
                file_index(&files),
                &units,
                &people,
                &mut registry,
                &mut diags,
            );
        }
        files.push(dir.join(name));
    }
    let achievements = achievements.finish();

    let mut nominations = Vec::new();
    if let Some(file) = read(Path::new(files::NOMINATIONS), None, &mut diags) {
        nominations::parse_nominations(
            &file,
            file_index(&files),
            plan.as_ref(),
            &mut registry,
            &mut nominations,
            &mut diags,
        );
    }
    files.push(dir.join(files::NOMINATIONS));

    let mut awards = Vec::new();
    if let Some(file) = read(Path::new(files::AWARDS), None, &mut diags) {
        awards::parse_awards(
            &file,
            file_index(&files),
            &mut registry,
            &mut awards,
            &mut diags,
        );
    }
    files.push(dir.join(files::AWARDS));

    let dataset = match plan {
        Some(plan) if !diags.iter().any(Diagnostic::is_error) => Some(Dataset {
            plan,
            units,
            people,
            achievements,
            nominations,
            awards,
            files,
            index: registry.into_index(),
        }),
        _ => None,
    };
    Loaded {
        dataset,
        diagnostics: diags,
    }
}
