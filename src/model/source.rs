//! Where a record came from, so that any result can be traced to a line.

/// A line of a file of the data folder ([`crate::model::Dataset::files`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Source {
    /// Index into the dataset's list of files.
    pub file: u16,
    /// Line number, from 1.
    pub line: u32,
}
