//! A subject of the movement: a collective (unit) or an individual (person).

/// A unit or a person, by index into the dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Subject {
    /// Index into [`crate::model::Dataset::units`].
    Unit(u32),
    /// Index into [`crate::model::Dataset::people`].
    Person(u32),
}
