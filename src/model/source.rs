//! Where a record came from, so that any result can be traced to a line.

/// A row of a file of the data folder ([`crate::model::Dataset::files`]):
/// its line for people, its byte offset to read it again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Source {
    /// Index into the dataset's list of files.
    pub file: u16,
    /// Line number, from 1.
    pub line: u32,
    /// Byte offset of the row in the file's text (files are at most 2 GB).
    pub byte: u32,
}
