//! The ids of a data folder, units and people alike (an id names either),
//! with where each is defined.
//!
//! Short ids (the usual case, up to 15 bytes) are kept inline in the table,
//! so that a lookup compares bytes in place instead of following a pointer:
//! a million rows look an id up each.

use rustc_hash::FxHashMap;

use crate::model::{Source, Subject};

/// An id of at most 15 bytes, stored inline.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct ShortId([u8; 16]);

impl ShortId {
    fn new(id: &str) -> Option<ShortId> {
        let bytes = id.as_bytes();
        let len = u8::try_from(bytes.len()).ok().filter(|n| *n < 16)?;
        let mut inline = [0u8; 16];
        inline[..bytes.len()].copy_from_slice(bytes);
        inline[15] = len;
        Some(ShortId(inline))
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0[..usize::from(self.0[15])]).unwrap_or("")
    }
}

/// Every id, what it names and where it is defined.
#[derive(Clone, Debug, Default)]
pub struct Ids {
    short: FxHashMap<ShortId, (Subject, Source)>,
    long: FxHashMap<Box<str>, (Subject, Source)>,
}

impl std::fmt::Debug for ShortId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Ids {
    /// What an id names, and where it is defined.
    pub fn get(&self, id: &str) -> Option<(Subject, Source)> {
        match ShortId::new(id) {
            Some(short) => self.short.get(&short).copied(),
            None => self.long.get(id).copied(),
        }
    }

    /// Defines an id; the definition already there, if any, is kept and
    /// returned.
    pub fn insert(&mut self, id: &str, subject: Subject, at: Source) -> Result<(), Source> {
        use std::collections::hash_map::Entry;
        match ShortId::new(id) {
            Some(short) => match self.short.entry(short) {
                Entry::Occupied(first) => Err(first.get().1),
                Entry::Vacant(slot) => {
                    slot.insert((subject, at));
                    Ok(())
                }
            },
            None => match self.long.get(id) {
                Some((_, first)) => Err(*first),
                None => {
                    self.long.insert(id.into(), (subject, at));
                    Ok(())
                }
            },
        }
    }

    /// Makes room for `more` ids.
    pub fn reserve(&mut self, more: usize) {
        self.short.reserve(more);
    }

    /// Every id, sorted.
    pub fn sorted(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self
            .short
            .keys()
            .map(ShortId::as_str)
            .chain(self.long.keys().map(|k| &**k))
            .collect();
        ids.sort_unstable();
        ids
    }

    /// How many ids there are.
    pub fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_ids() {
        let mut ids = Ids::default();
        let at = Source::default();
        assert!(ids.insert("NV01", Subject::Person(0), at).is_ok());
        let long = "a-very-long-identifier-of-a-unit";
        assert!(ids.insert(long, Subject::Unit(3), at).is_ok());
        assert_eq!(ids.get("NV01").map(|e| e.0), Some(Subject::Person(0)));
        assert_eq!(ids.get(long).map(|e| e.0), Some(Subject::Unit(3)));
        assert!(ids.insert("NV01", Subject::Person(9), at).is_err());
        assert_eq!(ids.get("NV0"), None);
        assert_eq!(ids.sorted(), vec!["NV01", long]);
    }
}
