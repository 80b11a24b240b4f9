//! Everything a data folder holds, validated and indexed.

use std::path::PathBuf;

use crate::model::{
    Achievement, Citation, GrantedAward, Initiative, Nomination, Person, Registration, Source,
    Subject, Unit,
};
use crate::plan::{Category, Plan, SubjectKind};

/// A file of the data folder, and how it was read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceFile {
    /// Its path.
    pub path: PathBuf,
    /// Whether it was decoded in memory (another encoding, lone CRs...):
    /// byte offsets then count in its decoded text, not in the file.
    pub decoded: bool,
    /// For a workbook, the sheet (`path` is the workbook, a row's line is
    /// its row in the sheet).
    pub sheet: Option<String>,
}

/// A validated data folder.
#[derive(Clone, Debug)]
pub struct Dataset {
    /// The plan.
    pub plan: Plan,
    /// Collectives, in file order.
    pub units: Vec<Unit>,
    /// Individuals, in file order.
    pub people: Vec<Person>,
    /// Achievement rows, in file order.
    pub achievements: Vec<Achievement>,
    /// Nomination rows, in file order.
    pub nominations: Vec<Nomination>,
    /// Granted awards, in file order.
    pub awards: Vec<GrantedAward>,
    /// Registrations for the movement, in file order; `None` when the
    /// folder has no registrations.csv, or one without rows (then nobody is noted as not
    /// registered).
    pub registrations: Option<Vec<Registration>>,
    /// Initiatives and their recognition, in file order; `None` when the
    /// folder has no initiatives.csv.
    pub initiatives: Option<Vec<Initiative>>,
    /// The initiatives achievement rows cite, every review's.
    pub citations: Vec<Citation>,
    /// The files records came from ([`Source::file`] indexes this).
    pub files: Vec<SourceFile>,
    /// Every id, unit or person.
    pub index: crate::model::Ids,
}

impl Dataset {
    /// A dense index of a subject (units first, then people), below
    /// [`Dataset::dense_len`]: for per-subject tables without hashing.
    pub fn dense(&self, subject: Subject) -> usize {
        match subject {
            Subject::Unit(i) => i as usize,
            Subject::Person(i) => self.units.len() + i as usize,
        }
    }

    /// How many dense indexes there are.
    pub fn dense_len(&self) -> usize {
        self.units.len() + self.people.len()
    }

    /// The subject of a dense index.
    pub fn from_dense(&self, index: usize) -> Subject {
        match index.checked_sub(self.units.len()) {
            None => Subject::Unit(index as u32),
            Some(person) => Subject::Person(person as u32),
        }
    }

    /// The subject with this id.
    pub fn subject(&self, id: &str) -> Option<Subject> {
        self.index.get(id).map(|(subject, _)| subject)
    }

    /// The person who signs the Giấy khen (`[giay_khen] signer`), if the
    /// plan names one of the people: a unit's id there is no signer (the
    /// loader warns of it).
    pub fn signer(&self) -> Option<Subject> {
        self.plan
            .giay_khen
            .signer
            .as_deref()
            .and_then(|id| self.subject(id))
            .filter(|s| matches!(s, Subject::Person(_)))
    }

    /// The subjects a clerk may mean by `text`: the one with this id; else
    /// the one whose id differs only in case (`nv07`); else those whose
    /// name is `text`, ignoring case, diacritics and spaces ("tran minh
    /// khoa"). Empty when none; more than one when a name is shared.
    pub fn find_subjects(&self, text: &str) -> Vec<Subject> {
        let text = text.trim();
        if let Some(subject) = self.subject(text) {
            return vec![subject];
        }
        let all = || (0..self.dense_len()).map(|i| self.from_dense(i));
        let by_id: Vec<Subject> = all()
            .filter(|s| self.id(*s).eq_ignore_ascii_case(text))
            .collect();
        if !by_id.is_empty() {
            return by_id;
        }
        let folded = crate::text::fold(text);
        if folded.is_empty() {
            return Vec::new();
        }
        all()
            .filter(|s| crate::text::fold(self.name(*s)) == folded)
            .collect()
    }

    /// The id of a subject.
    pub fn id(&self, subject: Subject) -> &str {
        match subject {
            Subject::Unit(i) => &self.units[i as usize].id,
            Subject::Person(i) => &self.people[i as usize].id,
        }
    }

    /// The name of a subject.
    pub fn name(&self, subject: Subject) -> &str {
        match subject {
            Subject::Unit(i) => &self.units[i as usize].name,
            Subject::Person(i) => &self.people[i as usize].name,
        }
    }

    /// The kind of a subject.
    pub fn kind(&self, subject: Subject) -> SubjectKind {
        match subject {
            Subject::Unit(i) => SubjectKind::Unit(self.units[i as usize].kind),
            Subject::Person(i) => SubjectKind::Person(self.people[i as usize].kind),
        }
    }

    /// Collective or individual.
    pub fn category(&self, subject: Subject) -> Category {
        self.kind(subject).category()
    }

    /// The unit a subject is counted under: a collective itself, a person
    /// their unit (none for an outside person without one).
    pub fn home_unit(&self, subject: Subject) -> Option<&Unit> {
        self.home_unit_index(subject)
            .and_then(|u| self.units.get(u))
    }

    /// The position in [`Dataset::units`] of [`Dataset::home_unit`].
    pub fn home_unit_index(&self, subject: Subject) -> Option<usize> {
        match subject {
            Subject::Unit(i) => Some(i as usize),
            Subject::Person(i) => self.people[i as usize].unit.map(|u| u as usize),
        }
    }

    /// `file:line` of a source, for messages; for a row of a workbook
    /// `book.xlsx[sheet]!A5`, the cell a clerk looks up.
    pub fn locate(&self, source: Source) -> String {
        let Some(f) = self.files.get(usize::from(source.file)) else {
            return format!(":{}", source.line);
        };
        match &f.sheet {
            Some(sheet) => format!("{}[{sheet}]!A{}", f.path.display(), source.line),
            None => format!("{}:{}", f.path.display(), source.line),
        }
    }
}
