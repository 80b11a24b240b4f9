//! The process's memory: the system allocator, with large blocks backed by
//! huge pages where the kernel offers them on request.
//!
//! A province's folder makes the tool hold tens of megabytes in a few large
//! vectors (rows, id tables, candidates). Touched for the first time, each
//! 4 KiB page of them costs the kernel a fault; on Linux, whose transparent
//! huge pages are often given only to memory that asks for them
//! (`/sys/kernel/mm/transparent_hugepage/enabled` set to `madvise`), a block
//! of 2 MiB or more is marked `MADV_HUGEPAGE` as soon as it is allocated or
//! grown, so that it faults in 2 MiB at a time. This is what glibc does when
//! started with `GLIBC_TUNABLES=glibc.malloc.hugetlb=1`, for the large
//! blocks only, without asking the user to set it.
//!
//! Nothing else changes: memory comes from and returns to
//! [`std::alloc::System`], and the advice is only advice (refused where huge
//! pages are off or unknown; elsewhere than Linux, not given).

use std::alloc::{GlobalAlloc, Layout, System};

/// The system allocator, asking for huge pages under large blocks.
pub struct HugePages;

/// Blocks from this size on are advised (the size of an x86-64 or arm64
/// huge page: a smaller block could not hold one).
const LARGE: usize = 2 << 20;

// SAFETY: every block comes from `System` and goes back to it with the
// layout it was allocated with; advising a block neither moves nor frees it
// and leaves its contents as they are.
unsafe impl GlobalAlloc for HugePages {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller keeps `alloc`'s contract, passed on as is.
        let block = unsafe { System.alloc(layout) };
        advise(block, layout.size());
        block
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let block = unsafe { System.alloc_zeroed(layout) };
        advise(block, layout.size());
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        // SAFETY: `block` came from `System` with `layout` (see `alloc`).
        unsafe { System.dealloc(block, layout) }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `dealloc`; the caller keeps `realloc`'s contract.
        let moved = unsafe { System.realloc(block, layout, new_size) };
        advise(moved, new_size);
        moved
    }
}

/// Marks a block of `size` bytes at `block` for huge pages, when it is
/// large enough to hold one.
#[cfg(target_os = "linux")]
fn advise(block: *mut u8, size: usize) {
    if size < LARGE || block.is_null() {
        return;
    }
    // The advice goes by whole pages: from the page the block starts in.
    // The kernel backs with a huge page each 2 MiB-aligned stretch that
    // lies wholly inside the mapping; the rest stays in small pages.
    const PAGE: usize = 4096;
    let start = block as usize & !(PAGE - 1);
    let len = size + (block as usize - start);
    // SAFETY: the range lies within pages the block occupies, all mapped
    // and owned by this process; MADV_HUGEPAGE changes how they are backed,
    // never what they hold. A refusal (huge pages off, pages of another
    // size) leaves them as they were, and is ignored.
    unsafe {
        libc::madvise(start as *mut libc::c_void, len, libc::MADV_HUGEPAGE);
    }
}

#[cfg(not(target_os = "linux"))]
fn advise(_block: *mut u8, _size: usize) {}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks of every size the tool uses, allocated, zeroed, grown and
    /// shrunk through the wrapper, keep what was written in them.
    #[test]
    fn blocks_keep_their_contents() {
        for size in [1, 100, LARGE - 1, LARGE, LARGE + 4095, 3 * LARGE + 17] {
            let layout = Layout::from_size_align(size, 8).expect("layout");
            // SAFETY: the layout is non-zero; each block is used within its
            // size and given back with its layout.
            unsafe {
                let zeroed = HugePages.alloc_zeroed(layout);
                assert!(!zeroed.is_null());
                assert!((0..size).step_by(4093).all(|i| *zeroed.add(i) == 0));
                HugePages.dealloc(zeroed, layout);

                let block = HugePages.alloc(layout);
                assert!(!block.is_null());
                for i in (0..size).step_by(977) {
                    *block.add(i) = (i % 251) as u8;
                }
                let bigger = size * 2 + LARGE;
                let grown = HugePages.realloc(block, layout, bigger);
                assert!(!grown.is_null());
                assert!(
                    (0..size)
                        .step_by(977)
                        .all(|i| *grown.add(i) == (i % 251) as u8)
                );
                *grown.add(bigger - 1) = 7;
                let bigger_layout = Layout::from_size_align(bigger, 8).expect("layout");
                let shrunk = HugePages.realloc(grown, bigger_layout, size);
                assert!(
                    (0..size)
                        .step_by(977)
                        .all(|i| *shrunk.add(i) == (i % 251) as u8)
                );
                HugePages.dealloc(shrunk, layout);
            }
        }
    }

    /// Where the kernel has transparent huge pages, a large block's mapping
    /// carries the advice (`hg` among its flags in /proc/self/smaps) and a
    /// small block's is not given it by this wrapper.
    #[cfg(target_os = "linux")]
    #[test]
    fn large_blocks_are_advised() {
        if !std::path::Path::new("/sys/kernel/mm/transparent_hugepage/enabled").exists() {
            return;
        }
        let flags_at = |address: usize| -> Option<String> {
            let smaps = std::fs::read_to_string("/proc/self/smaps").ok()?;
            let mut inside = false;
            for line in smaps.lines() {
                let first = line.split_whitespace().next().unwrap_or("");
                if let Some((from, to)) = first.split_once('-')
                    && let (Ok(from), Ok(to)) = (
                        usize::from_str_radix(from, 16),
                        usize::from_str_radix(to, 16),
                    )
                {
                    inside = (from..to).contains(&address);
                } else if inside && let Some(flags) = line.strip_prefix("VmFlags:") {
                    return Some(flags.to_string());
                }
            }
            None
        };
        let layout = Layout::from_size_align(8 * LARGE, 8).expect("layout");
        // SAFETY: a non-zero layout, one byte written inside the block, given
        // back with its layout.
        unsafe {
            let block = HugePages.alloc(layout);
            assert!(!block.is_null());
            *block.add(LARGE) = 1;
            let flags = flags_at(block as usize + LARGE).expect("the block's mapping");
            HugePages.dealloc(block, layout);
            assert!(
                flags.split_whitespace().any(|f| f == "hg"),
                "flags: {flags}"
            );
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
