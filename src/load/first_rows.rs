//! Duplicate rows: the first row of each key met while reading files, in
//! file order, so that a duplicate is told from the row it repeats.
//!
//! A clean folder has no duplicate, and its rows are only marked in a set
//! of bits (one per review × subject × criterion: a few hundred kilobytes
//! for a province). When the bits find a key met before, the files are read
//! again with a map of where each key was first met, to name that row in
//! the message. Measured on a million rows, the map in the clean case cost
//! half the time of the whole read and a third more memory; the bits cost
//! nothing to speak of.

use std::path::Path;

use rustc_hash::FxHashMap;

use crate::model::{Source, Subject};
use crate::review::Review;

/// The keys met so far, and how they are kept.
#[derive(Debug)]
pub enum FirstRows {
    /// Only whether a key was met, by dense key.
    Bits(Bits),
    /// Where each key was first met (file index and line).
    Map(FxHashMap<u64, (u16, u32)>),
}

/// The set of bits of [`FirstRows::Bits`].
#[derive(Debug)]
pub struct Bits {
    words: Vec<u64>,
    /// The reviews rows may have (the plan's), by index.
    reviews: Vec<Review>,
    /// Units, and units and people (a subject's dense index is below it).
    units: usize,
    subjects: usize,
    /// Parts per review and subject (a criterion, or one for none).
    parts: usize,
    /// Whether a key was met twice, or fell outside the bits.
    pub again: bool,
    /// The review of the row before, and its index in `reviews`.
    last: Option<(Review, usize)>,
}

/// What [`FirstRows::first`] tells of a row's key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seen {
    /// The first row of its key.
    First,
    /// A key met before, at this file index and line.
    At(u16, u32),
    /// A key met before (the bits do not say where: the files are to be
    /// read again with a map).
    Before,
}

impl FirstRows {
    /// Bits for rows of `reviews` about `units` units and `people` people,
    /// `parts` keys each.
    pub fn bits(reviews: Vec<Review>, units: usize, people: usize, parts: usize) -> Self {
        let subjects = units + people;
        let keys = reviews.len() * subjects * parts.max(1);
        FirstRows::Bits(Bits {
            words: vec![0; keys.div_ceil(64)],
            reviews,
            units,
            subjects,
            parts: parts.max(1),
            again: false,
            last: None,
        })
    }

    /// A map of where each key was first met.
    pub fn map() -> Self {
        FirstRows::Map(FxHashMap::default())
    }

    /// Whether the bits met a key twice: the files are to be read again
    /// with [`FirstRows::map`].
    pub fn read_again(&self) -> bool {
        matches!(self, FirstRows::Bits(bits) if bits.again)
    }

    /// Notes the row of `review` × `subject` × `part` at `at`, and tells
    /// whether its key was met before.
    #[inline]
    pub fn first(&mut self, review: Review, subject: Subject, part: u16, at: Source) -> Seen {
        match self {
            FirstRows::Bits(bits) => bits.mark(review, subject, part),
            FirstRows::Map(map) => {
                let subject = match subject {
                    Subject::Unit(i) => u64::from(i),
                    Subject::Person(i) => 1 << 32 | u64::from(i),
                };
                let key = (review_key(review) << 33 | subject) << 16 | u64::from(part);
                match map.entry(key) {
                    std::collections::hash_map::Entry::Occupied(first) => {
                        let (file, line) = *first.get();
                        Seen::At(file, line)
                    }
                    std::collections::hash_map::Entry::Vacant(slot) => {
                        slot.insert((at.file, at.line));
                        Seen::First
                    }
                }
            }
        }
    }

    /// Forgets the rows of the file of index `file` (read again from the
    /// start).
    pub fn forget_file(&mut self, file: u16) {
        match self {
            // The bits do not know the files: read everything again.
            FirstRows::Bits(bits) => bits.again = true,
            FirstRows::Map(map) => map.retain(|_, (f, _)| *f != file),
        }
    }

    /// `file:line` of a first row, `files` naming the files by index.
    pub fn place(file: u16, line: u32, files: &[impl AsRef<Path>]) -> String {
        let path = files
            .get(usize::from(file))
            .map(|p| p.as_ref().to_path_buf())
            .unwrap_or_default();
        crate::load::workbook::place(&path, line)
    }
}

/// A review as 15 bits of a key: years from 1900 (an annual review), or
/// the first and last year of a period, folded in.
fn review_key(review: Review) -> u64 {
    match review {
        Review::Annual(y) => (y - 1900).clamp(0, 0x3FF) as u64,
        Review::Final(a, b) => {
            0x4000 | ((a - 1900).clamp(0, 0x7F) as u64) << 7 | ((b - a).clamp(0, 0x7F) as u64)
        }
    }
}

impl Bits {
    fn mark(&mut self, review: Review, subject: Subject, part: u16) -> Seen {
        let dense = match subject {
            Subject::Unit(i) => i as usize,
            Subject::Person(i) => self.units + i as usize,
        };
        // Rows of one review follow each other: the last one's index is
        // tried first (searching the plan's reviews on every row cost about
        // 30 instructions).
        let index = match self.last {
            Some((r, i)) if r == review => Some(i),
            _ => {
                let index = self.reviews.iter().position(|r| *r == review);
                self.last = index.map(|i| (review, i));
                index
            }
        };
        let (Some(index), true, true) =
            (index, dense < self.subjects, usize::from(part) < self.parts)
        else {
            // Not a key the bits hold: only the map can tell.
            self.again = true;
            return Seen::Before;
        };
        let key = (index * self.subjects + dense) * self.parts + usize::from(part);
        let (word, bit) = (key / 64, 1u64 << (key % 64));
        match self.words.get_mut(word) {
            Some(w) if *w & bit != 0 => {
                self.again = true;
                Seen::Before
            }
            Some(w) => {
                *w |= bit;
                Seen::First
            }
            None => {
                self.again = true;
                Seen::Before
            }
        }
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

    fn rows(seen: &mut FirstRows) -> Vec<Seen> {
        let r21 = Review::Annual(2021);
        let r25 = Review::Final(2021, 2025);
        vec![
            seen.first(r21, Subject::Person(3), 1, at(0, 2)),
            seen.first(r25, Subject::Person(3), 1, at(0, 3)),
            seen.first(r21, Subject::Unit(3), 1, at(1, 2)),
            seen.first(r21, Subject::Person(3), 0, at(1, 3)),
            seen.first(r21, Subject::Person(3), 1, at(1, 9)),
            seen.first(r21, Subject::Unit(3), 1, at(1, 10)),
        ]
    }

    #[test]
    fn the_bits_and_the_map_tell_the_same_duplicates() {
        let reviews = vec![Review::Annual(2021), Review::Final(2021, 2025)];
        let mut bits = FirstRows::bits(reviews, 5, 5, 2);
        let mut map = FirstRows::map();
        let by_bits = rows(&mut bits);
        let by_map = rows(&mut map);
        use Seen::*;
        assert_eq!(by_bits, [First, First, First, First, Before, Before]);
        assert_eq!(by_map, [First, First, First, First, At(0, 2), At(1, 2)]);
        assert!(bits.read_again() && !map.read_again());
        assert_eq!(FirstRows::place(1, 2, &["a.csv", "b.csv"]), "b.csv:2");
    }

    #[test]
    fn a_key_outside_the_bits_asks_for_the_map() {
        let mut bits = FirstRows::bits(vec![Review::Annual(2021)], 1, 1, 1);
        assert_eq!(
            bits.first(Review::Annual(2022), Subject::Unit(0), 0, at(0, 2)),
            Seen::Before
        );
        assert!(bits.read_again());
        let mut map = FirstRows::map();
        map.first(Review::Annual(2021), Subject::Unit(0), 0, at(0, 2));
        map.forget_file(0);
        assert_eq!(
            map.first(Review::Annual(2021), Subject::Unit(0), 0, at(0, 3)),
            Seen::First
        );
    }
}
