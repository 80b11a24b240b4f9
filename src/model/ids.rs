//! The ids of a data folder, units and people alike (an id names either),
//! with where each is defined.

use compact_str::CompactString;
use rustc_hash::FxHashMap;

use crate::model::{Source, Subject};

/// Every id, what it names and where it is defined.
#[derive(Clone, Debug, Default)]
pub struct Ids {
    map: FxHashMap<CompactString, (Subject, Source)>,
}

impl Ids {
    /// What an id names, and where it is defined.
    pub fn get(&self, id: &str) -> Option<(Subject, Source)> {
        self.map.get(id).copied()
    }

    /// Defines an id; the definition already there, if any, is kept and
    /// returned.
    pub fn insert(&mut self, id: &str, subject: Subject, at: Source) -> Result<(), Source> {
        use std::collections::hash_map::Entry;
        match self.map.entry(CompactString::from(id)) {
            Entry::Occupied(first) => Err(first.get().1),
            Entry::Vacant(slot) => {
                slot.insert((subject, at));
                Ok(())
            }
        }
    }

    /// Forgets the ids for which `forget` is true of what they name.
    pub fn forget(&mut self, forget: impl Fn(Subject) -> bool) {
        self.map.retain(|_, (subject, _)| !forget(*subject));
    }

    /// Every id, what it names and where it is defined, in no order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Subject, Source)> + '_ {
        self.map
            .iter()
            .map(|(id, (subject, at))| (id.as_str(), *subject, *at))
    }

    /// Every id, sorted.
    pub fn sorted(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.map.keys().map(CompactString::as_str).collect();
        ids.sort_unstable();
        ids
    }

    /// How many ids there are.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_defined_once() {
        let mut ids = Ids::default();
        let at = Source::default();
        let later = Source { line: 9, ..at };
        assert!(ids.insert("NV01", Subject::Person(0), at).is_ok());
        let long = "a-very-long-identifier-of-a-unit";
        assert!(ids.insert(long, Subject::Unit(3), at).is_ok());
        assert_eq!(ids.get("NV01").map(|e| e.0), Some(Subject::Person(0)));
        assert_eq!(ids.get(long).map(|e| e.0), Some(Subject::Unit(3)));
        assert_eq!(ids.insert("NV01", Subject::Person(9), later), Err(at));
        assert_eq!(ids.get("NV01").map(|e| e.0), Some(Subject::Person(0)));
        assert_eq!(ids.get("NV0"), None);
        assert_eq!(ids.sorted(), vec!["NV01", long]);
        ids.forget(|s| matches!(s, Subject::Person(_)));
        assert_eq!(ids.sorted(), vec![long]);
        assert_eq!(ids.len(), 1);
    }
}
