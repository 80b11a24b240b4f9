//! The process's memory: the system allocator for small blocks, and for
//! large ones pages of their own, backed by huge pages where the kernel
//! offers them on request.
//!
//! A province's folder makes the tool hold tens of megabytes in a few large
//! vectors (rows, id tables, candidates). Touched for the first time, each
//! 4 KiB page of them costs the kernel a fault; on Linux, whose transparent
//! huge pages are often given only to memory that asks for them
//! (`/sys/kernel/mm/transparent_hugepage/enabled` set to `madvise`), a
//! block of 2 MiB or more is mapped on its own and marked `MADV_HUGEPAGE`
//! before anything is written to it, so that it faults in 2 MiB at a time,
//! and it grows by being remapped, never copied. (Left to the system
//! allocator, such blocks soon come from its arenas, where a growing vector
//! is copied into fresh pages before any advice could be given.) A few
//! large blocks given back are kept mapped for the next ones that fit, as
//! an allocator's arenas would keep them.
//!
//! Huge pages are asked for the first 64 MiB of large blocks only (see
//! `HUGE_BYTES`). The advice is only advice: refused where huge pages are
//! off or unknown, it leaves ordinary pages. Elsewhere than Linux every
//! block comes from [`std::alloc::System`].

use std::alloc::{GlobalAlloc, Layout, System};

/// The system allocator, with large blocks mapped on their own.
pub struct HugePages;

/// Blocks from this size on are large (the size of an x86-64 huge page: a
/// smaller block could not hold one). Elsewhere than Linux, none is.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
const LARGE: usize = 2 << 20;

/// Whether a block of this layout is mapped on its own: the rule that
/// `alloc`, `realloc` and `dealloc` share, so a block is always given back
/// where it came from.
#[cfg(target_os = "linux")]
fn is_large(size: usize, align: usize) -> bool {
    size >= LARGE && align <= pages::PAGE
}

#[cfg(not(target_os = "linux"))]
fn is_large(_size: usize, _align: usize) -> bool {
    false
}

// SAFETY: a block is large or small by its layout alone (`is_large`), the
// same at allocation and when given back or resized; small blocks come from
// and go back to `System` with their layout; large ones are mappings of
// their own (`pages`), page-aligned (enough for their alignment, at most a
// page), kept or unmapped whole when given back, and handed out again only
// once given back. Resizing keeps the first `min(old, new)` bytes.
unsafe impl GlobalAlloc for HugePages {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if is_large(layout.size(), layout.align()) {
            pages::reuse(layout.size()).unwrap_or_else(|| pages::map(layout.size()))
        } else {
            // SAFETY: the caller keeps `alloc`'s contract, passed on as is.
            unsafe { System.alloc(layout) }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if is_large(layout.size(), layout.align()) {
            // A new mapping reads as zeros.
            pages::map(layout.size())
        } else {
            // SAFETY: as for `alloc`.
            unsafe { System.alloc_zeroed(layout) }
        }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        if is_large(layout.size(), layout.align()) {
            // SAFETY: a large block is a mapping of this size (`alloc`).
            unsafe { pages::unmap(block, layout.size()) }
        } else {
            // SAFETY: a small block came from `System` with `layout`.
            unsafe { System.dealloc(block, layout) }
        }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let align = layout.align();
        match (is_large(layout.size(), align), is_large(new_size, align)) {
            // SAFETY: the block is a mapping of the old size.
            (true, true) => unsafe { pages::remap(block, layout.size(), new_size) },
            // SAFETY: as for `dealloc`; the caller keeps `realloc`'s
            // contract, passed on as is.
            (false, false) => unsafe { System.realloc(block, layout, new_size) },
            (_, _) => {
                // From one kind of block to the other: a new one, the
                // contents copied, the old one given back.
                let Ok(new_layout) = Layout::from_size_align(new_size, align) else {
                    return std::ptr::null_mut();
                };
                // SAFETY: `new_layout` is non-zero (one of the two sizes is
                // large, the other is a block's size, non-zero by the
                // caller's contract); the copy stays within both blocks; the
                // old block is given back with its layout, once.
                unsafe {
                    let moved = self.alloc(new_layout);
                    if !moved.is_null() {
                        std::ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                        self.dealloc(block, layout);
                    }
                    moved
                }
            }
        }
    }
}

/// Large blocks as mappings of their own.
#[cfg(target_os = "linux")]
mod pages {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::LARGE;

    /// The granularity the blocks are mapped by (the kernel rounds lengths
    /// up to its own page size, where that is larger).
    pub const PAGE: usize = 4096;

    /// The length of the mapping of a block of `size` bytes.
    fn length(size: usize) -> usize {
        size.div_ceil(PAGE) * PAGE
    }

    /// How many bytes of large blocks are asked to be backed by huge pages,
    /// at most, in one run: a review's rows and candidates, a province's
    /// people. Beyond that, ordinary pages: where free huge pages must first
    /// be found (memory compacted) or, in a virtual machine, taken back from
    /// the host, asking for hundreds of megabytes of them at once costs more
    /// than it saves (measured: summary at 220,000 people, 290 MB, was 10 to
    /// 25 % slower with every large block advised than with the first 64 MiB).
    const HUGE_BYTES: usize = 64 << 20;

    /// Asks for huge pages under `len` bytes of a mapping not yet touched,
    /// of which `new` count towards [`HUGE_BYTES`] (a grown block's added
    /// part: the rest was counted before), while the budget lasts. A
    /// refusal (huge pages off, or not built in) leaves it as it is.
    fn advise(start: *mut libc::c_void, len: usize, new: usize, advised: &AtomicUsize) {
        let before = advised.fetch_add(new, Ordering::Relaxed);
        if before.saturating_add(new) > HUGE_BYTES {
            return;
        }
        // SAFETY: the range is a mapping of this process; the advice
        // changes how its pages are backed, never what they hold.
        unsafe {
            libc::madvise(start, len, libc::MADV_HUGEPAGE);
        }
    }

    /// Bytes of large blocks advised so far in this run.
    static ADVISED: AtomicUsize = AtomicUsize::new(0);

    /// A new mapping for `size` bytes (at least [`LARGE`]), starting on a
    /// huge page's boundary, advised while the budget lasts; null when none
    /// can be had.
    pub fn map(size: usize) -> *mut u8 {
        map_counting(size, &ADVISED)
    }

    /// [`map`], counting the bytes advised in `advised`.
    pub fn map_counting(size: usize, advised: &AtomicUsize) -> *mut u8 {
        let len = length(size);
        // Room to slide the start to the next 2 MiB boundary; the slack
        // on either side is given back at once.
        let Some(room) = len.checked_add(LARGE) else {
            return std::ptr::null_mut();
        };
        // SAFETY: a new private anonymous mapping, shared with nothing.
        let mapped = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                room,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if mapped == libc::MAP_FAILED {
            return std::ptr::null_mut();
        }
        let at = mapped as usize;
        let start = at.next_multiple_of(LARGE);
        let (head, tail) = (start - at, at + room - (start + len));
        // SAFETY: the head and the tail lie within the mapping just made,
        // outside the block handed out.
        unsafe {
            if head > 0 {
                libc::munmap(mapped, head);
            }
            if tail > 0 {
                libc::munmap((start + len) as *mut libc::c_void, tail);
            }
        }
        advise(start as *mut libc::c_void, len, len, advised);
        start as *mut u8
    }

    /// Large blocks given back, kept mapped (their pages already touched)
    /// for the next large blocks that fit: the vectors a command makes
    /// again and again (a review's candidates, one after the other) then
    /// land on pages in place instead of on fresh ones, which the kernel
    /// must find and clear first. A few are kept, up to [`SPARE_BYTES`].
    static SPARE: Mutex<[(usize, usize); SPARE_SLOTS]> = Mutex::new([(0, 0); SPARE_SLOTS]);

    /// How many blocks are kept at most.
    const SPARE_SLOTS: usize = 8;

    /// How many bytes are kept at most.
    const SPARE_BYTES: usize = 64 << 20;

    /// The kept blocks (start, length; a length of 0 is a free slot).
    fn spare() -> std::sync::MutexGuard<'static, [(usize, usize); SPARE_SLOTS]> {
        SPARE
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// A kept block for `size` bytes (at least [`LARGE`]): the smallest
    /// that holds them, cut to their length; none when none does.
    pub fn reuse(size: usize) -> Option<*mut u8> {
        let len = length(size);
        let (start, kept) = {
            let mut spare = spare();
            let slot = spare
                .iter_mut()
                .filter(|(_, kept)| *kept >= len)
                .min_by_key(|(_, kept)| *kept)?;
            std::mem::take(slot)
        };
        if kept > len {
            // SAFETY: the tail lies within the kept mapping, past the block
            // handed out; both lengths are whole pages.
            unsafe {
                libc::munmap((start + len) as *mut libc::c_void, kept - len);
            }
        }
        Some(start as *mut u8)
    }

    /// Gives back the mapping of a block of `size` bytes: kept for reuse
    /// while there is room and it starts on a huge page's boundary (a block
    /// moved when it grew may not), unmapped otherwise.
    ///
    /// # Safety
    ///
    /// `block` must come from [`map`], [`reuse`] or [`remap`] with this
    /// size, and not be used again.
    pub unsafe fn unmap(block: *mut u8, size: usize) {
        let len = length(size);
        {
            let mut spare = spare();
            let kept: usize = spare.iter().map(|(_, kept)| kept).sum();
            if kept + len <= SPARE_BYTES && block as usize % LARGE == 0 {
                if let Some(slot) = spare.iter_mut().find(|(_, kept)| *kept == 0) {
                    *slot = (block as usize, len);
                    return;
                }
            }
        }
        // SAFETY: by the caller, the block is a mapping of this length.
        unsafe {
            libc::munmap(block.cast(), len);
        }
    }

    /// The block grown or shrunk to `new_size` bytes (both large), moved
    /// if it must be (its pages go along, nothing is copied); null when it
    /// cannot be, the block then left as it was.
    ///
    /// # Safety
    ///
    /// `block` must come from [`map`], [`reuse`] or [`remap`] with `size`.
    pub unsafe fn remap(block: *mut u8, size: usize, new_size: usize) -> *mut u8 {
        let new_len = length(new_size);
        // SAFETY: by the caller, the block is a mapping of the old length;
        // on failure it is left as it was.
        let moved =
            unsafe { libc::mremap(block.cast(), length(size), new_len, libc::MREMAP_MAYMOVE) };
        if moved == libc::MAP_FAILED {
            return std::ptr::null_mut();
        }
        // The advice goes with a moved or grown mapping; told again, the
        // added part counts.
        advise(
            moved,
            new_len,
            new_len.saturating_sub(length(size)),
            &ADVISED,
        );
        moved.cast()
    }
}

/// Elsewhere than Linux no block is large ([`is_large`]): these are never
/// called, and hand out nothing.
#[cfg(not(target_os = "linux"))]
mod pages {
    /// Never called.
    pub fn map(_size: usize) -> *mut u8 {
        std::ptr::null_mut()
    }

    /// Never called.
    pub fn reuse(_size: usize) -> Option<*mut u8> {
        None
    }

    /// Never called.
    ///
    /// # Safety
    ///
    /// None needed: it does nothing.
    pub unsafe fn unmap(_block: *mut u8, _size: usize) {}

    /// Never called.
    ///
    /// # Safety
    ///
    /// None needed: it does nothing.
    pub unsafe fn remap(_block: *mut u8, _size: usize, _new_size: usize) -> *mut u8 {
        std::ptr::null_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes of a block of `size` bytes that the test writes: every
    /// 977th and the last.
    fn written(size: usize) -> impl Iterator<Item = usize> {
        (0..size).step_by(977).chain([size - 1])
    }

    /// Whether the first `n` bytes at `at` hold what was written in a
    /// block of `size` bytes.
    ///
    /// # Safety
    ///
    /// `at` must be valid for `n` reads.
    unsafe fn holds(at: *const u8, size: usize, n: usize) -> bool {
        // SAFETY: by the caller, every index below `n` is readable.
        written(size)
            .filter(|&i| i < n)
            .all(|i| unsafe { *at.add(i) } == (i % 251) as u8)
    }

    /// Blocks of every size the tool uses, and of alignments above a page,
    /// allocated, zeroed, grown past the large size and shrunk back to
    /// their size and below the large size, keep what was written in them.
    #[test]
    fn blocks_keep_their_contents() {
        let sizes = [1, 100, LARGE - 1, LARGE, LARGE + 4095, 3 * LARGE + 17];
        for (size, align) in sizes.into_iter().flat_map(|s| [(s, 8), (s, 8192)]) {
            let layout = |n: usize| Layout::from_size_align(n, align).expect("layout");
            let bigger = size * 2 + LARGE;
            // SAFETY: every layout is non-zero; each block is used within
            // its size and given back (or resized) with its layout, once.
            unsafe {
                let zeroed = HugePages.alloc_zeroed(layout(size));
                assert!(!zeroed.is_null());
                assert_eq!(zeroed as usize % align, 0);
                assert!((0..size).step_by(4093).all(|i| *zeroed.add(i) == 0));
                HugePages.dealloc(zeroed, layout(size));

                let block = HugePages.alloc(layout(size));
                assert!(!block.is_null());
                assert_eq!(block as usize % align, 0);
                for i in written(size) {
                    *block.add(i) = (i % 251) as u8;
                }
                let grown = HugePages.realloc(block, layout(size), bigger);
                assert!(!grown.is_null() && holds(grown, size, size), "{size} grown");
                *grown.add(bigger - 1) = 7;
                let back = HugePages.realloc(grown, layout(bigger), size);
                assert!(!back.is_null() && holds(back, size, size), "{size} back");
                let small = HugePages.realloc(back, layout(size), 100.min(size));
                assert!(
                    !small.is_null() && holds(small, size, 100.min(size)),
                    "{size} to 100"
                );
                HugePages.dealloc(small, layout(100.min(size)));
            }
        }
    }

    /// A large block starts on a huge page's boundary, so that all of it
    /// can be backed by huge pages, whether new or kept from one given
    /// back (here a block grown, so perhaps moved, then given back).
    #[cfg(target_os = "linux")]
    #[test]
    fn large_blocks_start_on_a_boundary() {
        for size in [LARGE, 5 * LARGE + 3] {
            let layout = Layout::from_size_align(size, 8).expect("layout");
            // SAFETY: non-zero layouts; each block given back once, as
            // allocated or resized.
            unsafe {
                let block = HugePages.alloc(layout);
                assert!(!block.is_null());
                assert_eq!(block as usize % LARGE, 0);
                let grown = HugePages.realloc(block, layout, 7 * size);
                assert!(!grown.is_null());
                let grown_layout = Layout::from_size_align(7 * size, 8).expect("layout");
                HugePages.dealloc(grown, grown_layout);
                let again = HugePages.alloc(layout);
                assert!(!again.is_null());
                assert_eq!(again as usize % LARGE, 0);
                HugePages.dealloc(again, layout);
            }
        }
    }

    /// Where the kernel has transparent huge pages, a large block's mapping
    /// carries the advice (`hg` among its flags in /proc/self/smaps) while
    /// the budget lasts, and not past it.
    #[cfg(target_os = "linux")]
    #[test]
    fn large_blocks_are_advised() {
        // Only where the kernel has transparent huge pages and shows its
        // mappings' flags.
        let thp = std::path::Path::new("/sys/kernel/mm/transparent_hugepage/enabled").exists();
        if !thp || std::fs::read_to_string("/proc/self/smaps").is_err() {
            return;
        }
        let flags_at = |address: usize| -> Option<String> {
            let smaps = std::fs::read_to_string("/proc/self/smaps").ok()?;
            let mut inside = false;
            for line in smaps.lines() {
                // A mapping's first line: its range, in hexadecimal.
                let first = line.split_whitespace().next().unwrap_or("");
                let range = first.split_once('-').and_then(|(from, to)| {
                    let from = usize::from_str_radix(from, 16).ok()?;
                    let to = usize::from_str_radix(to, 16).ok()?;
                    Some(from..to)
                });
                match (range, line.strip_prefix("VmFlags:")) {
                    (Some(range), _) => inside = range.contains(&address),
                    (None, Some(flags)) if inside => return Some(flags.to_string()),
                    _ => {}
                }
            }
            None
        };
        // The budget is the run's: this test counts on its own.
        let advised = std::sync::atomic::AtomicUsize::new(0);
        let size = 24 * LARGE;
        let advice = || {
            let block = pages::map_counting(size, &advised);
            assert!(!block.is_null());
            // SAFETY: one byte written inside the block; the block given
            // back (unmapped or kept) once, with its size.
            unsafe {
                *block.add(LARGE) = 1;
                let flags = flags_at(block as usize + LARGE).expect("the block's mapping");
                pages::unmap(block, size);
                flags.split_whitespace().any(|f| f == "hg")
            }
        };
        // 48 MiB, then 48 MiB more: past the budget of 64 MiB.
        assert!(advice(), "the first block is advised");
        assert!(!advice(), "a block past the budget is not");
    }

    /// Large blocks given back and handed out again (kept blocks are
    /// reused, cut to size) never overlap a block in use, keep what is
    /// written in them, and a zeroed block reads as zeros whatever was
    /// given back before it.
    #[test]
    fn kept_blocks_are_handed_out_once() {
        let sizes = [3 * LARGE, LARGE, 5 * LARGE + 100, 2 * LARGE, LARGE + 1];
        let layout = |n: usize| Layout::from_size_align(n, 8).expect("layout");
        let fill = |block: *mut u8, n: usize, tag: u8| {
            // SAFETY: `block` holds `n` bytes, written every 4 KiB and at
            // the end.
            unsafe {
                for i in (0..n).step_by(4096).chain([n - 1]) {
                    *block.add(i) = tag;
                }
            }
        };
        let holds = |block: *mut u8, n: usize, tag: u8| {
            // SAFETY: as for `fill`.
            (0..n)
                .step_by(4096)
                .chain([n - 1])
                .all(|i| unsafe { *block.add(i) } == tag)
        };
        // SAFETY: each block is used within its size and given back once,
        // with its layout.
        unsafe {
            for round in 0..3u8 {
                let live: Vec<(*mut u8, usize, u8)> = sizes
                    .iter()
                    .enumerate()
                    .map(|(k, &n)| {
                        let block = HugePages.alloc(layout(n));
                        assert!(!block.is_null());
                        let tag = round * 16 + k as u8 + 1;
                        fill(block, n, tag);
                        (block, n, tag)
                    })
                    .collect();
                let zeroed = HugePages.alloc_zeroed(layout(2 * LARGE));
                assert!(!zeroed.is_null());
                assert!(holds(zeroed, 2 * LARGE, 0));
                for &(block, n, tag) in &live {
                    assert!(holds(block, n, tag), "round {round}: {n} bytes overwritten");
                }
                HugePages.dealloc(zeroed, layout(2 * LARGE));
                // Every other block back, then the rest: kept ones are
                // reused by the next round, in other sizes.
                for &(block, n, _) in live.iter().step_by(2).chain(live.iter().skip(1).step_by(2)) {
                    HugePages.dealloc(block, layout(n));
                }
            }
        }
    }

    /// A vector grown past the large size through the global allocator
    /// (this binary's tests run with it) holds what was pushed.
    #[test]
    fn vectors_grow_through_it() {
        let n = 3 * LARGE / 8;
        let v: Vec<u64> = (0..n as u64).collect();
        assert_eq!(v.len(), n);
        assert!(v.iter().enumerate().all(|(i, x)| *x == i as u64));
    }
}
