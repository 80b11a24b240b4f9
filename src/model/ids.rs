//! The ids of a data folder, units and people alike (an id names either),
//! with where each is defined.
//!
//! Short ids (the usual case, up to 15 bytes) are kept inline in the table,
//! so that a lookup compares bytes in place instead of following a pointer:
//! a million rows look an id up each. They are spread over a few tables by
//! their bytes, so that a hundred thousand people are defined by several
//! threads at once, each filling its own tables ([`Ids::insert_all`]).

use rustc_hash::FxHashMap;

use crate::model::{Source, Subject};

/// An id of at most 15 bytes, stored inline.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct ShortId([u8; 16]);

impl ShortId {
    fn new(id: &str) -> Option<ShortId> {
        crate::text::packed(id).map(ShortId)
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0[..usize::from(self.0[15])]).unwrap_or("")
    }

    /// Which of the [`SHARDS`] tables holds it.
    fn shard(&self) -> usize {
        crate::text::spread(&self.0, SHARDS.trailing_zeros())
    }
}

/// How many tables the short ids are spread over (a power of two).
const SHARDS: usize = 4;

/// What an id names and where it is defined.
type Entry = (Subject, Source);

/// Every id, what it names and where it is defined.
#[derive(Clone, Debug, Default)]
pub struct Ids {
    short: [FxHashMap<ShortId, Entry>; SHARDS],
    long: FxHashMap<Box<str>, Entry>,
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
            Some(short) => self.short[short.shard()].get(&short).copied(),
            None => self.long.get(id).copied(),
        }
    }

    /// Defines an id; the definition already there, if any, is kept and
    /// returned.
    pub fn insert(&mut self, id: &str, subject: Subject, at: Source) -> Result<(), Source> {
        match ShortId::new(id) {
            Some(short) => insert_short(&mut self.short[short.shard()], short, subject, at),
            None => insert_long(&mut self.long, id, subject, at),
        }
    }

    /// Defines `n` ids, each as [`Ids::insert`] would in order: `id(i)` is
    /// the `i`-th (none: skipped). Up to `threads` threads share the work,
    /// each filling its own tables and taking the ids in the same order.
    /// Returns the positions of those already defined, in order, with
    /// where they first were.
    pub fn insert_all<'a>(
        &mut self,
        n: usize,
        id: impl Fn(usize) -> Option<(&'a str, Subject, Source)> + Sync,
        threads: usize,
    ) -> Vec<(usize, Source)> {
        let threads = if n < crate::par::PIECE {
            1
        } else {
            threads.clamp(1, SHARDS)
        };
        // Thread t fills the tables of shards t, t + threads..., the first
        // one also the table of long ids (rare).
        let mut dealt: Vec<Dealt<'_>> = (0..threads).map(|_| Dealt::default()).collect();
        for (shard, table) in self.short.iter_mut().enumerate() {
            dealt[shard % threads].short.push((shard, table));
        }
        dealt[0].long = Some(&mut self.long);
        let fill = |dealt: Dealt<'_>| {
            let mut long = dealt.long;
            let mut mine: [Option<&mut FxHashMap<ShortId, Entry>>; SHARDS] = Default::default();
            for (shard, table) in dealt.short {
                // A shard's share, and a little more: ids spread evenly, and
                // a table rounds its room up to a power of two anyway.
                table.reserve(n / SHARDS + n / 256 + 16);
                mine[shard] = Some(table);
            }
            let mut clashes = Vec::new();
            for i in 0..n {
                let Some((text, subject, at)) = id(i) else {
                    continue;
                };
                let inserted = match ShortId::new(text) {
                    Some(short) => mine[short.shard()]
                        .as_deref_mut()
                        .map(|table| insert_short(table, short, subject, at)),
                    None => long
                        .as_deref_mut()
                        .map(|table| insert_long(table, text, subject, at)),
                };
                if let Some(Err(first)) = inserted {
                    clashes.push((i, first));
                }
            }
            clashes
        };
        let mut clashes: Vec<(usize, Source)> = if threads == 1 {
            dealt.into_iter().flat_map(fill).collect()
        } else {
            std::thread::scope(|scope| {
                let fill = &fill;
                let handles: Vec<_> = dealt
                    .into_iter()
                    .map(|tables| scope.spawn(move || fill(tables)))
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        clashes.sort_unstable_by_key(|(i, _)| *i);
        clashes
    }

    /// Renames the subjects of every id: what `rename` returns in place of
    /// each.
    pub fn rename(&mut self, rename: impl Fn(Subject) -> Subject) {
        let entries = self.short.iter_mut().flat_map(|t| t.values_mut());
        for (subject, _) in entries.chain(self.long.values_mut()) {
            *subject = rename(*subject);
        }
    }

    /// Every id, sorted.
    pub fn sorted(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self
            .short
            .iter()
            .flat_map(|t| t.keys())
            .map(ShortId::as_str)
            .chain(self.long.keys().map(|k| &**k))
            .collect();
        ids.sort_unstable();
        ids
    }

    /// How many ids there are.
    pub fn len(&self) -> usize {
        self.short.iter().map(|t| t.len()).sum::<usize>() + self.long.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The tables one thread fills in [`Ids::insert_all`].
#[derive(Default)]
struct Dealt<'t> {
    short: Vec<(usize, &'t mut FxHashMap<ShortId, Entry>)>,
    long: Option<&'t mut FxHashMap<Box<str>, Entry>>,
}

/// Defines a long id in its table; the definition already there, if any,
/// is kept and returned.
fn insert_long(
    table: &mut FxHashMap<Box<str>, Entry>,
    id: &str,
    subject: Subject,
    at: Source,
) -> Result<(), Source> {
    match table.get(id) {
        Some((_, first)) => Err(*first),
        None => {
            table.insert(id.into(), (subject, at));
            Ok(())
        }
    }
}

/// Defines a short id in its table; the definition already there, if any,
/// is kept and returned.
fn insert_short(
    table: &mut FxHashMap<ShortId, Entry>,
    id: ShortId,
    subject: Subject,
    at: Source,
) -> Result<(), Source> {
    use std::collections::hash_map::Entry;
    match table.entry(id) {
        Entry::Occupied(first) => Err(first.get().1),
        Entry::Vacant(slot) => {
            slot.insert((subject, at));
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A short id holds its bytes, zeros after them, and its length.
        #[test]
        fn a_short_id_is_its_bytes_then_its_length(id in "\\PC{0,16}") {
            let bytes = id.as_bytes();
            let short = ShortId::new(&id);
            proptest::prop_assert_eq!(short.is_some(), bytes.len() < 16);
            if let Some(short) = short {
                let mut expected = [0u8; 16];
                expected[..bytes.len()].copy_from_slice(bytes);
                expected[15] = bytes.len() as u8;
                proptest::prop_assert_eq!(short.0, expected);
                proptest::prop_assert_eq!(short.as_str(), id.as_str());
            }
        }
    }

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

    /// Many ids at once, on several threads, as one by one: the same
    /// clashes (first definitions kept) and the same table.
    #[test]
    fn insert_all_is_insert_in_order() {
        let n = 3 * crate::par::PIECE;
        // Every seventh id repeats an earlier one; some are long, and some
        // long ones repeat too.
        let texts: Vec<String> = (0..n)
            .map(|i| match i % 7 {
                0 if i > 0 => format!("P{:06}", i / 3),
                5 => format!("a-long-identifier-number-{:06}", i / 2),
                6 => format!("another-long-identifier-{:06}", i / 14),
                _ => format!("P{i:06}"),
            })
            .collect();
        let entries: Vec<(&str, Subject, Source)> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let at = Source {
                    line: i as u32 + 2,
                    ..Source::default()
                };
                (t.as_str(), Subject::Person(i as u32), at)
            })
            .collect();
        let mut one_by_one = Ids::default();
        assert!(
            one_by_one
                .insert("P000003", Subject::Unit(0), Source::default())
                .is_ok()
        );
        let expected: Vec<(usize, Source)> = entries
            .iter()
            .enumerate()
            .filter_map(|(i, (id, s, at))| one_by_one.insert(id, *s, *at).err().map(|f| (i, f)))
            .collect();
        assert!(!expected.is_empty());
        assert!(
            expected.iter().any(|(i, _)| texts[*i].len() > 15),
            "long clashes too"
        );
        for threads in [1, 2, 3, 8] {
            let mut all = Ids::default();
            assert!(
                all.insert("P000003", Subject::Unit(0), Source::default())
                    .is_ok()
            );
            let clashes = all.insert_all(entries.len(), |i| Some(entries[i]), threads);
            assert_eq!(clashes, expected, "{threads} threads");
            assert_eq!(all.len(), one_by_one.len());
            for text in &texts {
                assert_eq!(
                    all.get(text).map(|(s, at)| (s, at.line)),
                    one_by_one.get(text).map(|(s, at)| (s, at.line))
                );
            }
        }
    }
}
