//! A collective: the Department, an office, an attached unit or a related
//! organisation (units.toml).

use crate::model::Source;
use crate::plan::UnitKind;

/// One `[[unit]]` of units.toml.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// Id, unique across units and people.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Kind of unit.
    pub kind: UnitKind,
    /// Where it is defined.
    pub source: Source,
}
