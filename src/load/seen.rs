//! Keys met while reading a file, as bits that the threads reading its
//! pieces set together: a duplicate row is found without a pass in file
//! order, unless a key turns up twice.
//!
//! A key is a number below the capacity (for example, a subject's dense
//! index times the plan's reviews plus the review's index). Setting a bit
//! tells whether it was set before; the caller that meets one already set
//! works its duplicates out again in file order, so that the first row of a
//! key is the one kept whatever the threads did.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::load::Keep;
use crate::review::Review;

/// A set of keys below a capacity, shared between threads.
#[derive(Debug, Default)]
pub struct SeenBits {
    words: Vec<AtomicU64>,
}

impl SeenBits {
    /// Room for keys below `keys`, none set.
    pub fn new(keys: usize) -> Self {
        let mut bits = SeenBits::default();
        bits.grow(keys);
        bits
    }

    /// Makes room for keys below `keys`; the keys set stay set.
    pub fn grow(&mut self, keys: usize) {
        let words = keys.div_ceil(64);
        if self.words.len() < words {
            self.words.resize_with(words, AtomicU64::default);
        }
    }

    /// Sets a key: whether it was not set before; `None` for a key beyond
    /// the capacity (which the caller must check in file order).
    pub fn mark(&self, key: usize) -> Option<bool> {
        let word = self.words.get(key / 64)?;
        let bit = 1u64 << (key % 64);
        Some(word.fetch_or(bit, Ordering::Relaxed) & bit == 0)
    }

    /// Unsets every key.
    pub fn clear(&mut self) {
        for word in &mut self.words {
            *word.get_mut() = 0;
        }
    }
}

/// What the threads reading a file of rows share: the keys seen, the
/// plan's reviews (a key counts a review by its index among them), and
/// which rows are kept.
pub struct Seen<'a> {
    /// The keys seen.
    pub bits: &'a SeenBits,
    /// The plan's reviews.
    pub reviews: &'a [Review],
    /// The rows kept.
    pub keep: Keep,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_new_once() {
        let mut seen = SeenBits::new(130);
        assert_eq!(seen.mark(0), Some(true));
        assert_eq!(seen.mark(129), Some(true));
        assert_eq!(seen.mark(129), Some(false));
        assert_eq!(seen.mark(64), Some(true));
        assert_eq!(seen.mark(192), None);
        seen.grow(200);
        assert_eq!(seen.mark(129), Some(false));
        assert_eq!(seen.mark(192), Some(true));
        seen.clear();
        assert_eq!(seen.mark(129), Some(true));
    }
}
