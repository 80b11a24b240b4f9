//! The first row of each key met while reading files, to tell a duplicate
//! row from the row it repeats: one map, filled in file order.

use std::path::Path;

use std::collections::BTreeMap;

use crate::model::{Source, Subject};
use crate::review::Review;

/// The first row (file index and line) of each key seen so far. A key packs
/// a review (its index among those met), a subject and a third part (a
/// criterion, or nothing) into one word, in that order: the rows of a file
/// sorted by review and subject come in increasing order, and an ordered
/// map takes them at its end, where it was just working (measured against
/// a hash map, which scatters them: half the time on a million rows).
#[derive(Debug, Default)]
pub struct FirstRows {
    map: BTreeMap<u64, (u16, u32)>,
    /// The reviews met, each key holding its index here.
    reviews: Vec<Review>,
}

impl FirstRows {
    /// The key of a row of `review` about `subject`, and `part`.
    pub fn key(&mut self, review: Review, subject: Subject, part: u16) -> u64 {
        let index = match self.reviews.iter().position(|r| *r == review) {
            Some(i) => i,
            None => {
                self.reviews.push(review);
                self.reviews.len() - 1
            }
        };
        let subject = match subject {
            Subject::Unit(i) => u64::from(i),
            Subject::Person(i) => 1 << 32 | u64::from(i),
        };
        // 15 bits are left for the review: past that many, reviews share
        // keys, which only a folder of thousands of reviews could reach.
        (index as u64 & 0x7FFF) << 49 | subject << 16 | u64::from(part)
    }

    /// Notes the row of `key` at `at`; if the key was met before, the first
    /// row's file index and line instead (the map keeps the first).
    pub fn first(&mut self, key: u64, at: Source) -> Option<(u16, u32)> {
        match self.map.entry(key) {
            std::collections::btree_map::Entry::Occupied(first) => Some(*first.get()),
            std::collections::btree_map::Entry::Vacant(slot) => {
                slot.insert((at.file, at.line));
                None
            }
        }
    }

    /// Forgets the rows of the file of index `file` (read again from the
    /// start).
    pub fn forget_file(&mut self, file: u16) {
        self.map.retain(|_, (f, _)| *f != file);
    }

    /// `file:line` of a first row, `files` naming the files by index.
    pub fn place(&self, (file, line): (u16, u32), files: &[impl AsRef<Path>]) -> String {
        let path = files
            .get(usize::from(file))
            .map(|p| p.as_ref().display().to_string());
        format!("{}:{line}", path.unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(file: u16, line: u32) -> Source {
        Source {
            file,
            line,
            byte: 0,
        }
    }

    #[test]
    fn the_first_row_of_a_key_is_kept() {
        let mut seen = FirstRows::default();
        let a = seen.key(Review::Annual(2021), Subject::Person(3), 1);
        let b = seen.key(Review::Final(2021, 2025), Subject::Person(3), 1);
        let c = seen.key(Review::Annual(2021), Subject::Unit(3), 1);
        let d = seen.key(Review::Annual(2022), Subject::Person(3), 1);
        assert!(a != b && a != c && b != c && d != a && d != b);
        assert_eq!(seen.key(Review::Annual(2021), Subject::Person(3), 1), a);
        assert_eq!(seen.first(a, at(0, 2)), None);
        assert_eq!(seen.first(b, at(0, 3)), None);
        assert_eq!(seen.first(c, at(1, 2)), None);
        assert_eq!(seen.first(a, at(1, 9)), Some((0, 2)));
        assert_eq!(seen.first(a, at(1, 10)), Some((0, 2)));
        seen.forget_file(0);
        assert_eq!(seen.first(a, at(1, 11)), None);
        assert_eq!(seen.first(c, at(1, 12)), Some((1, 2)));
        assert_eq!(seen.place((1, 2), &["a.csv", "b.csv"]), "b.csv:2");
    }
}
