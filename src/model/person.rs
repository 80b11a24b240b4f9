//! An individual (people.csv).

use compact_str::CompactString;

use crate::model::Source;
use crate::plan::PersonKind;
use crate::text::fold;

/// Gender, as official lists record it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// Nam.
    Nam,
    /// Nữ.
    Nu,
}

impl Gender {
    /// Reads `nam`, `nữ`, `nu`, `male`, `female`, `m`, `f`.
    pub fn parse(text: &str) -> Option<Gender> {
        match text {
            "nam" => return Some(Gender::Nam),
            "nữ" => return Some(Gender::Nu),
            _ => {}
        }
        match fold(text).as_str() {
            "nam" | "male" | "m" => Some(Gender::Nam),
            "nu" | "female" | "f" => Some(Gender::Nu),
            _ => None,
        }
    }

    /// The stable code (`nam`, `nu`).
    pub fn code(self) -> &'static str {
        match self {
            Gender::Nam => "nam",
            Gender::Nu => "nu",
        }
    }
}

/// One row of people.csv. Texts up to 24 bytes (most ids, names and
/// positions) are kept inline: a hundred thousand people cost no allocation
/// each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Id, unique across units and people.
    pub id: CompactString,
    /// Full name (họ và tên).
    pub name: CompactString,
    /// Index of the person's unit; outside people may have none.
    pub unit: Option<u32>,
    /// Position (chức vụ), if given.
    pub position: Option<CompactString>,
    /// Staff or related individual.
    pub kind: PersonKind,
    /// Gender, if given.
    pub gender: Option<Gender>,
    /// Where the person is defined.
    pub source: Source,
}
