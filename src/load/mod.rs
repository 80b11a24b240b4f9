//! The loader: a data folder in, a validated [`Dataset`] (or every problem
//! found) out.
//!
//! It reads `plan.toml`, `units.toml`, `people.csv`, `achievements.csv` and/or
//! `achievements/*.csv`, and the optional `nominations.csv` and `awards.csv`;
//! any of those but the plan may instead be a workbook or a sheet of the
//! folder's workbook `thiduakt.xlsx` ([`workbook`]).
//! Each file is decoded ([`source`]), parsed ([`csv_table`], TOML), and each
//! value checked against the plan and the ids defined so far. Problems are
//! collected, never thrown: one run reports them all, each with file, line
//! and column.

pub mod achievements;
pub mod awards;
pub mod content;
pub mod csv_table;
pub mod details;
pub mod first_rows;
pub mod initiatives;
pub mod keep;
pub mod legacy;
pub mod nominations;
pub mod people;
pub mod plan_file;
pub mod registrations;
pub mod registry;

pub use keep::Keep;
pub use registry::{Lookup, Registry, Resolver};
pub mod position;
pub mod source;
pub mod units_file;
pub mod values;
pub mod workbook;

use std::path::{Path, PathBuf};

use encoding_rs::Encoding;

use crate::diag::{Diagnostic, Problem};
use crate::model::{Dataset, SourceFile};
use crate::plan::Plan;
use crate::review::Review;

use content::CsvFile;
use csv_table::Row;
use first_rows::FirstRows;
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
    /// Registrations for the movement (optional).
    pub const REGISTRATIONS: &str = "registrations.csv";
    /// Initiatives and their recognition (optional).
    pub const INITIATIVES: &str = "initiatives.csv";
    /// The collectives, as a table instead of `units.toml`.
    pub const UNITS_CSV: &str = "units.csv";
}

/// How to read a folder.
#[derive(Clone, Copy, Debug, Default)]
pub struct LoadOptions {
    /// The encoding of files without a BOM, when not UTF-8 (`--encoding`).
    pub encoding: Option<&'static Encoding>,
    /// Read every file whole into memory before parsing it, in one piece:
    /// the plain path, slower, which the streamed one must match.
    pub in_memory: bool,
    /// The achievement and nomination rows to keep (all are checked).
    pub keep: Keep,
}

/// What the files read so far define, which later files refer to: the
/// plan, the units and people, and their ids.
#[derive(Clone, Copy)]
pub struct Known<'a> {
    /// The plan, if it could be read.
    pub plan: Option<&'a Plan>,
    /// The units.
    pub units: &'a [crate::model::Unit],
    /// The people.
    pub people: &'a [crate::model::Person],
    /// Their ids.
    pub registry: &'a Registry,
    /// The review the command judges, if one: the problems of other
    /// reviews' rows are warnings ([`Keep::defer`]).
    pub keep: Keep,
}

impl Known<'_> {
    /// The id of a subject.
    pub fn id(&self, subject: crate::model::Subject) -> &str {
        match subject {
            crate::model::Subject::Unit(i) => {
                self.units.get(i as usize).map_or("", |u| u.id.as_str())
            }
            crate::model::Subject::Person(i) => {
                self.people.get(i as usize).map_or("", |p| p.id.as_str())
            }
        }
    }
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

/// Reads review cells, remembering the last one: rows of a review usually
/// follow each other, and the same text is the same review.
#[derive(Default)]
pub struct Reviews {
    last_text: String,
    last: Option<Review>,
}

impl Reviews {
    /// As [`review_cell`].
    #[inline]
    pub fn cell(
        &mut self,
        row: &Row<'_>,
        column: usize,
        plan: Option<&Plan>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Review> {
        let text = row.raw(column);
        if self.last.is_some() && crate::text::same(text, &self.last_text) {
            return self.last;
        }
        let review = review_cell(row, column, plan, diags);
        if review.is_some() {
            self.last_text.clear();
            self.last_text.push_str(text);
        }
        self.last = review;
        review
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

/// The index the next file listed in `files` will have.
fn file_index(files: &[SourceFile]) -> u16 {
    index_of_file(files.len())
}

/// A file's index in [`Dataset::files`], as rows hold it.
fn index_of_file(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
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
        REGISTRATIONS,
        INITIATIVES,
    ]
    .iter()
    .map(|f| dir.join(f))
    .chain(std::iter::once(dir.join(UNITS_CSV)))
    .chain(
        [
            "units",
            "people",
            "achievements",
            "nominations",
            "awards",
            "registrations",
            "initiatives",
            workbook::BOOK_STEM,
        ]
        .iter()
        .flat_map(|stem| {
            workbook::EXTENSIONS
                .iter()
                .map(move |ext| dir.join(format!("{stem}.{ext}")))
        }),
    )
    .collect()
}

/// Where one file of the folder is read from.
#[derive(Clone, Debug)]
enum Place {
    /// A CSV (or TOML) file, by its name in the folder.
    File(PathBuf),
    /// A sheet of a workbook, by the workbook's name in the folder.
    Sheet {
        /// The workbook.
        book: PathBuf,
        /// The sheet.
        sheet: String,
    },
    /// A source that could not be opened (already reported).
    Broken,
}

impl Place {
    /// The place as shown in a message.
    fn shown(&self, dir: &Path) -> String {
        match self {
            Place::File(name) => dir.join(name).display().to_string(),
            Place::Sheet { book, sheet } => workbook::sheet_shown(&dir.join(book), sheet)
                .display()
                .to_string(),
            Place::Broken => String::new(),
        }
    }

    /// The dataset's record of it.
    fn source_file(&self, dir: &Path, fallback: &str, decoded: bool) -> SourceFile {
        match self {
            Place::File(name) => SourceFile {
                path: dir.join(name),
                decoded,
                sheet: None,
            },
            Place::Sheet { book, sheet } => SourceFile {
                path: dir.join(book),
                decoded: true,
                sheet: Some(sheet.clone()),
            },
            Place::Broken => SourceFile {
                path: dir.join(fallback),
                decoded,
                sheet: None,
            },
        }
    }
}

/// The names a sheet of `thiduakt.xlsx` may have for each file, English
/// and Vietnamese (matched as headers are).
pub mod sheet_names {
    /// Units.
    pub const UNITS: &[&str] = &["units", "đơn vị"];
    /// People.
    pub const PEOPLE: &[&str] = &["people", "cá nhân", "nhân sự"];
    /// Achievements.
    pub const ACHIEVEMENTS: &[&str] = &["achievements", "kết quả", "thành tích"];
    /// Nominations.
    pub const NOMINATIONS: &[&str] = &["nominations", "đề nghị"];
    /// Awards.
    pub const AWARDS: &[&str] = &["awards", "khen thưởng"];
    /// Registrations.
    pub const REGISTRATIONS: &[&str] = &["registrations", "đăng ký", "đăng ký thi đua"];
    /// Initiatives.
    pub const INITIATIVES: &[&str] = &["initiatives", "sáng kiến"];
}

/// Whether a file name is debris of an office suite or of a system (a lock
/// file, a thumbnail cache, a hidden file), never data.
pub fn is_debris(name: &str) -> bool {
    name.starts_with("~$")
        || name.starts_with('.')
        || name.eq_ignore_ascii_case("Thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

/// The debris files of a folder, sorted, each noted with a warning; those
/// of version control (`.git`, `.gitignore`) are left out of the notes.
fn note_debris(folder: &Path, diags: &mut Vec<Diagnostic>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| is_debris(n) && !n.starts_with(".git"))
        })
        .collect();
    found.sort();
    for path in found {
        diags.push(Diagnostic::error(Some(path), Problem::Ignored).warning());
    }
}

/// The sources found for one file of the folder: `stem.csv` (or the TOML
/// name), `stem.xlsx` and the other workbook forms, a sheet of the
/// folder's workbook. More than one is an error naming the first two.
fn resolve(
    dir: &Path,
    plain: &[&str],
    stem: &str,
    names: &[&str],
    book: Option<&(PathBuf, Vec<String>)>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Place> {
    let mut found: Vec<Place> = plain
        .iter()
        // A directory in the place of a file is said to be one when read,
        // and a broken link one too.
        .filter(|name| std::fs::symlink_metadata(dir.join(name)).is_ok())
        .map(|name| Place::File(PathBuf::from(name)))
        .collect();
    for ext in workbook::EXTENSIONS {
        let name = PathBuf::from(format!("{stem}.{ext}"));
        if dir.join(&name).is_file() {
            found.push(Place::Sheet {
                book: name,
                sheet: String::new(),
            });
        }
    }
    if let Some((book, sheets)) = book
        && let Some(sheet) = sheets.iter().find(|s| workbook::sheet_is(s, names))
    {
        found.push(Place::Sheet {
            book: book.clone(),
            sheet: sheet.clone(),
        });
    }
    if found.len() > 1 {
        let shown = |p: &Place| match p {
            Place::Sheet { book, sheet } if sheet.is_empty() => {
                dir.join(book).display().to_string()
            }
            p => p.shown(dir),
        };
        diags.push(Diagnostic::error(
            Some(dir.join(plain.first().copied().unwrap_or(stem))),
            Problem::TwoSources {
                first: shown(&found[0]),
                second: shown(&found[1]),
            },
        ));
    }
    let place = found.into_iter().next()?;
    // A workbook of its own: the sheet named after the file, else its
    // first visible sheet.
    match place {
        Place::Sheet { book, sheet } if sheet.is_empty() => {
            let path = dir.join(&book);
            match workbook::Book::open(&path, &path) {
                Ok(opened) => match opened
                    .find(names)
                    .or_else(|| opened.visible.first().cloned())
                {
                    Some(sheet) => Some(Place::Sheet { book, sheet }),
                    None => {
                        diags.push(Diagnostic::error(
                            Some(path),
                            Problem::EmptyFile {
                                header: String::new(),
                            },
                        ));
                        Some(Place::Broken)
                    }
                },
                Err(d) => {
                    diags.push(*d);
                    Some(Place::Broken)
                }
            }
        }
        place => Some(place),
    }
}

/// Every visible sheet of a workbook, as achievement places.
fn every_sheet(dir: &Path, name: &Path, diags: &mut Vec<Diagnostic>) -> Vec<Place> {
    let path = dir.join(name);
    match workbook::Book::open(&path, &path) {
        Ok(book) => book
            .visible
            .into_iter()
            .map(|sheet| Place::Sheet {
                book: name.to_path_buf(),
                sheet,
            })
            .collect(),
        Err(d) => {
            diags.push(*d);
            vec![Place::Broken]
        }
    }
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
    let mut files: Vec<SourceFile> = Vec::new();
    note_debris(dir, &mut diags);
    // The folder's workbook, which may hold any file as a sheet.
    let mut books: Vec<PathBuf> = workbook::BOOK_EXTENSIONS
        .iter()
        .map(|ext| PathBuf::from(format!("{}.{ext}", workbook::BOOK_STEM)))
        .filter(|name| dir.join(name).is_file())
        .collect();
    if books.len() > 1 {
        diags.push(Diagnostic::error(
            Some(dir.join(&books[0])),
            Problem::TwoSources {
                first: dir.join(&books[0]).display().to_string(),
                second: dir.join(&books[1]).display().to_string(),
            },
        ));
    }
    books.truncate(1);
    let book: Option<(PathBuf, Vec<String>)> = books.pop().and_then(|name| {
        let path = dir.join(&name);
        match workbook::Book::open(&path, &path) {
            Ok(b) => Some((name, b.visible)),
            Err(d) => {
                diags.push(*d);
                None
            }
        }
    });
    let book = book.as_ref();
    // The text of each sheet read, as its diagnostics name it until
    // they are rewritten to name the cell.
    let sheets: Vec<PathBuf> = Vec::new();
    let sheets = std::sync::Mutex::new(sheets);
    let exists = |name: &Path, required: Option<&'static str>, diags: &mut Vec<Diagnostic>| {
        let path = dir.join(name);
        if !path.exists() {
            // A link to nothing is not a missing file: it says where it points.
            if let Some(problem) = source::broken_link(&path) {
                diags.push(Diagnostic::error(Some(path), problem));
            } else if let Some(what) = required {
                diags.push(Diagnostic::error(Some(path), Problem::MissingFile { what }));
            }
            return None;
        }
        Some(path)
    };
    let read = |name: &Path, required, diags: &mut Vec<Diagnostic>| -> Option<TextFile> {
        let path = exists(name, required, diags)?;
        source::read_toml(&path, &path, diags)
            .map_err(|d| diags.push(*d))
            .ok()
    };
    // A table read whole (units.csv): any encoding, as the other CSV files.
    let read_table = |name: &Path, diags: &mut Vec<Diagnostic>| -> Option<TextFile> {
        let path = exists(name, None, diags)?;
        read_text(&path, &path, options.encoding, diags)
            .map_err(|d| diags.push(*d))
            .ok()
    };
    let open_sheet = |opened: &mut Option<(PathBuf, workbook::Book)>,
                      name: &Path,
                      sheet: &str,
                      columns: &[csv_table::Column],
                      diags: &mut Vec<Diagnostic>|
     -> Option<CsvFile> {
        let path = dir.join(name);
        if opened.as_ref().is_none_or(|(p, _)| *p != path) {
            *opened = None;
            match workbook::Book::open(&path, &path) {
                Ok(b) => *opened = Some((path.clone(), b)),
                Err(d) => {
                    diags.push(*d);
                    return None;
                }
            }
        }
        let (_, book) = opened.as_mut()?;
        let file = book
            .sheet(sheet, columns)
            .map_err(|d| diags.push(*d))
            .ok()?;
        if let Ok(mut s) = sheets.lock() {
            s.push(file.shown.clone());
        }
        Some(file)
    };
    let open = |place: Option<&Place>,
                missing: &'static str,
                required: bool,
                columns: &[csv_table::Column],
                opened: &mut Option<(PathBuf, workbook::Book)>,
                diags: &mut Vec<Diagnostic>|
     -> Option<CsvFile> {
        match place {
            None => {
                if required {
                    diags.push(Diagnostic::error(
                        Some(dir.join(missing)),
                        Problem::MissingFile { what: missing },
                    ));
                }
                None
            }
            Some(Place::Broken) => None,
            Some(Place::Sheet { book, sheet }) => open_sheet(opened, book, sheet, columns, diags),
            Some(Place::File(name)) => {
                let path = exists(name, None, diags)?;
                let file = if options.in_memory {
                    read_text(&path, &path, options.encoding, diags).map(CsvFile::from_text)
                } else {
                    CsvFile::open(&path, &path, options.encoding, diags)
                };
                file.map_err(|d| diags.push(*d)).ok()
            }
        }
    };

    let plan_text = read(Path::new(files::PLAN), Some(files::PLAN), &mut diags);
    let plan = plan_text
        .as_ref()
        .and_then(|file| match plan_file::parse_plan(file) {
            Ok((plan, warnings)) => {
                diags.extend(warnings);
                Some(plan)
            }
            Err(errors) => {
                diags.extend(errors);
                None
            }
        });
    files.push(SourceFile {
        path: dir.join(files::PLAN),
        decoded: false,
        sheet: None,
    });

    let mut registry = Registry::default();
    let mut units = Vec::new();
    let units_place = resolve(
        dir,
        &[files::UNITS, files::UNITS_CSV],
        "units",
        sheet_names::UNITS,
        book,
        &mut diags,
    );
    let units_read = match &units_place {
        Some(Place::File(name)) if name.as_os_str() == files::UNITS => {
            read(name, Some(files::UNITS), &mut diags).is_some_and(|file| {
                units_file::parse_units(
                    &file,
                    file_index(&files),
                    &mut registry,
                    &mut units,
                    &mut diags,
                )
            })
        }
        // A table (units.csv, or a sheet), read in memory.
        Some(Place::File(name)) => read_table(name, &mut diags).is_some_and(|file| {
            units_file::parse_units_table(
                CsvFile::from_text(file),
                file_index(&files),
                &mut registry,
                &mut units,
                &mut diags,
            )
        }),
        place => open(
            place.as_ref(),
            files::UNITS,
            true,
            &units_file::COLUMNS,
            &mut None,
            &mut diags,
        )
        .is_some_and(|file| {
            units_file::parse_units_table(
                file,
                file_index(&files),
                &mut registry,
                &mut units,
                &mut diags,
            )
        }),
    };
    if !units_read {
        registry.mark_incomplete();
    }
    files.push(
        units_place
            .as_ref()
            .unwrap_or(&Place::File(PathBuf::from(files::UNITS)))
            .source_file(dir, files::UNITS, false),
    );

    let mut people = Vec::new();
    let people_place = resolve(
        dir,
        &[files::PEOPLE],
        "people",
        sheet_names::PEOPLE,
        book,
        &mut diags,
    );
    let people_read = open(
        people_place.as_ref(),
        files::PEOPLE,
        true,
        &people::COLUMNS,
        &mut None,
        &mut diags,
    )
    .and_then(|file| {
        people::parse_people(
            file,
            file_index(&files),
            &units,
            &mut registry,
            &mut people,
            &mut diags,
        )
    });
    if people_read.is_none() {
        registry.mark_incomplete();
    }
    files.push(
        people_place
            .as_ref()
            .unwrap_or(&Place::File(PathBuf::from(files::PEOPLE)))
            .source_file(dir, files::PEOPLE, people_read.unwrap_or(false)),
    );

    // Ids that look alike but differ (TR39 skeletons).
    diags.extend(registry.confusables());
    // The signer of the Giấy khen is one of the people (spec §3).
    if let (Some(plan), Some(file), Some(_)) = (&plan, &plan_text, people_read)
        && let (Some(signer), Some(span)) = (&plan.giay_khen.signer, &plan.giay_khen.signer_span)
    {
        let problem = match registry.lookup(signer) {
            Lookup::Found(crate::model::Subject::Person(_)) => None,
            Lookup::Found(crate::model::Subject::Unit(_)) => Some(Problem::SignerNotPerson {
                value: signer.clone(),
            }),
            // The signer's row was refused, its error told already
            // (as for any other reference to a refused row).
            Lookup::Invalid => None,
            Lookup::Unknown => {
                let suggestion = crate::text::suggest(signer, people.iter().map(|p| p.id.as_str()))
                    .map(str::to_string);
                Some(Problem::UnknownSubject {
                    value: signer.clone(),
                    suggestion,
                })
            }
        };
        if let Some(problem) = problem {
            // A warning: a new folder made by `init` has the sample
            // plan's signer and no people yet.
            diags.push(position::at_span(file, span.clone(), problem).warning());
        }
    }

    // Achievements: one file or workbook (every visible sheet of a
    // workbook of their own, or their sheet of the folder's workbook),
    // and the files and workbooks of the achievements folder.
    let mut achievement_places: Vec<Place> = Vec::new();
    match resolve(
        dir,
        &[files::ACHIEVEMENTS],
        "achievements",
        sheet_names::ACHIEVEMENTS,
        book,
        &mut diags,
    ) {
        Some(Place::Sheet { book: name, .. }) if book.is_none_or(|(b, _)| *b != name) => {
            achievement_places.extend(every_sheet(dir, &name, &mut diags));
        }
        Some(place) => achievement_places.push(place),
        None => {}
    }
    let folder = dir.join(files::ACHIEVEMENTS_DIR);
    if folder.is_dir() {
        note_debris(&folder, &mut diags);
        match std::fs::read_dir(&folder) {
            Ok(entries) => {
                let mut found: Vec<PathBuf> = entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    // Anything named .csv but a folder is read: a FIFO, a
                    // device or a broken link is then an error, not skipped.
                    .filter(|p| {
                        !p.is_dir()
                            && !p
                                .file_name()
                                .and_then(|n| n.to_str())
                                .is_some_and(is_debris)
                            && (p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"))
                                || workbook::is_workbook(p))
                    })
                    .filter_map(|p| p.strip_prefix(dir).ok().map(Path::to_path_buf))
                    .collect();
                found.sort();
                for name in found {
                    if workbook::is_workbook(&name) {
                        achievement_places.extend(every_sheet(dir, &name, &mut diags));
                    } else {
                        achievement_places.push(Place::File(name));
                    }
                }
            }
            Err(e) => diags.push(Diagnostic::error(
                Some(folder),
                Problem::Unreadable {
                    reason: e.to_string(),
                },
            )),
        }
    }
    if achievement_places.is_empty() {
        diags.push(Diagnostic::error(
            Some(dir.join(files::ACHIEVEMENTS)),
            Problem::MissingFile {
                what: "achievements.csv / achievements/*.csv",
            },
        ));
    }
    let nominations_place = resolve(
        dir,
        &[files::NOMINATIONS],
        "nominations",
        sheet_names::NOMINATIONS,
        book,
        &mut diags,
    );
    let awards_place = resolve(
        dir,
        &[files::AWARDS],
        "awards",
        sheet_names::AWARDS,
        book,
        &mut diags,
    );
    let registrations_place = resolve(
        dir,
        &[files::REGISTRATIONS],
        "registrations",
        sheet_names::REGISTRATIONS,
        book,
        &mut diags,
    );
    let initiatives_place = resolve(
        dir,
        &[files::INITIATIVES],
        "initiatives",
        sheet_names::INITIATIVES,
        book,
        &mut diags,
    );
    let known = Known {
        plan: plan.as_ref(),
        units: &units,
        people: &people,
        registry: &registry,
        keep: options.keep,
    };
    // The files that only refer to ids are read side by side, one thread
    // each. Each keeps its own messages, joined afterwards in the order the
    // files are listed.
    let first = files.len();
    let nominations_index = first + achievement_places.len();
    let keep = options.keep;
    // Duplicates are looked for with bits, or (when the bits found one,
    // and the files are read again) with a map that tells where each key
    // was first met ([`first_rows`]).
    let first_rows = |parts: usize| match plan.as_ref() {
        Some(plan) => FirstRows::bits(plan.reviews(), units.len(), people.len(), parts),
        None => FirstRows::map(),
    };
    let criteria = plan.as_ref().map_or(1, |p| p.criteria.len());
    let read_achievements_with = |first_rows: FirstRows| {
        let mut diags = Vec::new();
        let mut decoded = Vec::new();
        let mut achievements = achievements::Achievements::new(keep, first_rows);
        let mut opened = None;
        for (i, place) in achievement_places.iter().enumerate() {
            decoded.push(
                open(
                    Some(place),
                    files::ACHIEVEMENTS,
                    false,
                    &achievements::COLUMNS,
                    &mut opened,
                    &mut diags,
                )
                .is_some_and(|file| {
                    achievements.parse(file, index_of_file(first + i), known, &mut diags)
                }),
            );
        }
        let again = achievements.read_again();
        ((achievements.finish(), decoded, diags), again)
    };
    let read_achievements = || match read_achievements_with(first_rows(criteria)) {
        (_, true) => read_achievements_with(FirstRows::map()).0,
        (read, false) => read,
    };
    let read_nominations_with = |first_rows: FirstRows| {
        let mut diags = Vec::new();
        let mut rows = Vec::new();
        let read = open(
            nominations_place.as_ref(),
            files::NOMINATIONS,
            false,
            &nominations::COLUMNS,
            &mut None,
            &mut diags,
        )
        .map(|file| {
            nominations::parse_nominations(
                file,
                index_of_file(nominations_index),
                known,
                keep,
                first_rows,
                &mut rows,
                &mut diags,
            )
        });
        let again = read.as_ref().is_some_and(|r| r.again);
        ((rows, read.is_some_and(|r| r.decoded), diags), again)
    };
    let read_nominations = || match read_nominations_with(first_rows(1)) {
        (_, true) => read_nominations_with(FirstRows::map()).0,
        (read, false) => read,
    };
    let read_awards = || {
        let mut diags = Vec::new();
        let mut rows = Vec::new();
        let decoded = open(
            awards_place.as_ref(),
            files::AWARDS,
            false,
            &awards::COLUMNS,
            &mut None,
            &mut diags,
        )
        .is_some_and(|file| {
            awards::parse_awards(
                file,
                index_of_file(nominations_index + 1),
                known,
                &mut rows,
                &mut diags,
            )
        });
        (rows, decoded, diags)
    };
    let read_registrations = || {
        let mut diags = Vec::new();
        let mut rows = Vec::new();
        let file = open(
            registrations_place.as_ref(),
            files::REGISTRATIONS,
            false,
            &registrations::COLUMNS,
            &mut None,
            &mut diags,
        );
        let present = file.is_some();
        let decoded = file.is_some_and(|file| {
            registrations::parse_registrations(
                file,
                index_of_file(nominations_index + 2),
                known,
                &mut rows,
                &mut diags,
            )
        });
        // A file with no row (the header `init` writes) is a record not
        // kept yet: nobody is noted as not registered, as without the file.
        (
            (present && !rows.is_empty()).then_some(rows),
            decoded,
            diags,
        )
    };
    let read_initiatives = || {
        let mut diags = Vec::new();
        let mut rows = Vec::new();
        let file = open(
            initiatives_place.as_ref(),
            files::INITIATIVES,
            false,
            &initiatives::COLUMNS,
            &mut None,
            &mut diags,
        );
        let present = file.is_some();
        let decoded = file.is_some_and(|file| {
            initiatives::parse_initiatives(
                file,
                index_of_file(nominations_index + 3),
                known,
                &mut rows,
                &mut diags,
            )
        });
        (present.then_some(rows), decoded, diags)
    };
    // The small files one after the other, beside the two large ones.
    let small = || (read_awards(), read_registrations(), read_initiatives());
    let (
        read_achievements,
        (read_nominations, (read_awards, read_registrations, read_initiatives)),
    ) = rayon::join(read_achievements, || rayon::join(read_nominations, small));
    let ((achievements, citations), decoded, more) = read_achievements;
    for (place, decoded) in achievement_places.iter().zip(decoded) {
        files.push(place.source_file(dir, files::ACHIEVEMENTS, decoded));
    }
    diags.extend(more);
    let (nominations, decoded, more) = read_nominations;
    files.push(
        nominations_place
            .as_ref()
            .unwrap_or(&Place::File(PathBuf::from(files::NOMINATIONS)))
            .source_file(dir, files::NOMINATIONS, decoded),
    );
    diags.extend(more);
    let (awards, decoded, more) = read_awards;
    files.push(
        awards_place
            .as_ref()
            .unwrap_or(&Place::File(PathBuf::from(files::AWARDS)))
            .source_file(dir, files::AWARDS, decoded),
    );
    diags.extend(more);
    let (registrations, decoded, more) = read_registrations;
    files.push(
        registrations_place
            .as_ref()
            .unwrap_or(&Place::File(PathBuf::from(files::REGISTRATIONS)))
            .source_file(dir, files::REGISTRATIONS, decoded),
    );
    diags.extend(more);
    let (initiatives, decoded, more) = read_initiatives;
    files.push(
        initiatives_place
            .as_ref()
            .unwrap_or(&Place::File(PathBuf::from(files::INITIATIVES)))
            .source_file(dir, files::INITIATIVES, decoded),
    );
    diags.extend(more);

    registry.suggest_unknown(&mut diags);
    let sheets = sheets.into_inner().unwrap_or_default();
    if !sheets.is_empty() {
        for d in &mut diags {
            workbook::relocate(d, &sheets);
        }
    }
    let dataset = match plan {
        Some(plan) if !diags.iter().any(Diagnostic::is_error) => Some(Dataset {
            plan,
            units,
            people,
            achievements,
            nominations,
            awards,
            registrations,
            initiatives,
            citations,
            files,
            index: registry.into_ids(),
        }),
        _ => None,
    };
    Loaded {
        dataset,
        diagnostics: diags,
    }
}
