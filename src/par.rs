//! Work cut into consecutive pieces, one thread each, the results joined in
//! order: what one thread would give, sooner. Used where a review has many
//! candidates (working them out, writing them); the result never depends
//! on the number of pieces.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Below this many items, work is done on one thread: threads would cost
/// more than they save.
pub const PIECE: usize = 20_000;

/// The threads the machine offers, at most 8.
pub fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
}

/// How many pieces `n` items are cut into on at most `threads` threads.
pub fn pieces(n: usize, threads: usize) -> usize {
    Slicing::threads(threads).pieces(n)
}

/// How work on many items is cut: pieces of at least [`PIECE`] items on up
/// to a number of threads, or (for tests, which reach the paths of several
/// threads with few items) pieces of another size.
#[derive(Clone, Copy, Debug)]
pub struct Slicing {
    threads: usize,
    piece: usize,
}

impl Slicing {
    /// Pieces of at least [`PIECE`] items on up to `threads` threads.
    pub fn threads(threads: usize) -> Self {
        Slicing {
            threads,
            piece: PIECE,
        }
    }

    /// Pieces of at least `piece` items on up to `threads` threads.
    pub fn with_piece(threads: usize, piece: usize) -> Self {
        Slicing { threads, piece }
    }

    /// How many pieces `n` items are cut into.
    pub fn pieces(&self, n: usize) -> usize {
        (n / self.piece.max(1)).clamp(1, self.threads.clamp(1, 8))
    }
}

/// `work` on `pieces` consecutive ranges of `0..n` that together cover it,
/// one thread each, their results joined in order. The first piece's
/// vector takes the others: when it has room for them, nothing is moved
/// twice.
pub fn in_pieces<T: Send>(
    n: usize,
    pieces: usize,
    work: impl Fn(Range<usize>) -> Vec<T> + Sync,
) -> Vec<T> {
    if pieces <= 1 {
        return work(0..n);
    }
    let size = n.div_ceil(pieces);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..pieces)
            .map(|k| {
                let work = &work;
                scope.spawn(move || work((k * size).min(n)..((k + 1) * size).min(n)))
            })
            .collect();
        let mut all: Vec<T> = Vec::new();
        for handle in handles {
            let piece = handle
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            if all.is_empty() {
                all = piece;
            } else {
                all.extend(piece);
            }
        }
        all
    })
}

/// `work` on each of `n` items, on up to `threads` threads, each taking
/// the next item not yet taken (items that cost more than others are
/// shared out), with a state of its own made by `state` and kept from one
/// item to the next (room to work in); the results in item order.
pub fn in_turn<S, T: Send>(
    n: usize,
    threads: usize,
    state: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, usize) -> T + Sync,
) -> Vec<T> {
    let threads = threads.min(n);
    if threads <= 1 {
        let mut state = state();
        return (0..n).map(|k| work(&mut state, k)).collect();
    }
    let next = AtomicUsize::new(0);
    let take = || {
        let mut state = state();
        let mut done = Vec::new();
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            if k >= n {
                return done;
            }
            done.push((k, work(&mut state, k)));
        }
    };
    let mut all: Vec<(usize, T)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(take)).collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    all.sort_by_key(|(k, _)| *k);
    all.into_iter().map(|(_, t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_in_pieces_is_joined_in_order() {
        for n in [0, 1, 7, 100, 101] {
            let whole: Vec<usize> = (0..n).collect();
            for pieces in 1..6 {
                let joined = in_pieces(n, pieces, |range| range.collect::<Vec<_>>());
                assert_eq!(joined, whole, "{n} in {pieces} pieces");
            }
        }
    }

    #[test]
    fn work_in_turn_is_done_once_each_in_order() {
        for n in [0, 1, 2, 7, 40] {
            for threads in 0..5 {
                // Each thread counts the items it took in its state.
                let done = in_turn(
                    n,
                    threads,
                    || 0usize,
                    |taken, k| {
                        *taken += 1;
                        (k, *taken)
                    },
                );
                let items: Vec<usize> = done.iter().map(|(k, _)| *k).collect();
                assert_eq!(items, (0..n).collect::<Vec<_>>(), "{n} on {threads}");
                let states = done.iter().filter(|(_, taken)| *taken == 1).count();
                assert!(
                    states <= threads.max(1),
                    "{n} on {threads}: {states} states"
                );
            }
        }
    }

    #[test]
    fn few_items_are_one_piece() {
        assert_eq!(pieces(PIECE - 1, 8), 1);
        assert_eq!(pieces(5 * PIECE, 2), 2);
        assert_eq!(pieces(5 * PIECE, 0), 1);
    }
}
