//! How much memory loading the dictionaries takes, measured two ways.
//!
//! `dragoman dict stats` wants the heap cost of a `Knowledge`, which the resident
//! set size shows only roughly (the allocator keeps freed pages, the binary's own
//! pages count too). So the binary's global allocator is mimalloc wrapped in
//! counters that are switched on only while `dict stats` measures a
//! load: bytes allocated, bytes still held, the peak held, allocations made. When
//! the counters are off (always, in `dragoman code`) each allocation costs one
//! relaxed atomic load more than mimalloc's.
//!
//! mimalloc rather than the system allocator because tagging and parsing make a few
//! small allocations per word: with it `dragoman parse` is 12–20% faster on one core
//! (measured side by side on 24,000 news sentences), at about 25 MB more peak memory.
//!
//! The resident set growth (`VmRSS` in `/proc/self/status`) is reported beside it,
//! on platforms that have `/proc`.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicBool, AtomicIsize, AtomicUsize, Ordering::Relaxed};

/// mimalloc, with counters that `measure` switches on.
pub struct CountingAlloc;

static ON: AtomicBool = AtomicBool::new(false);
static HELD: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);
static ALLOCATED: AtomicUsize = AtomicUsize::new(0);
static COUNT: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize, new_block: bool) {
    let held = HELD.fetch_add(bytes as isize, Relaxed) + bytes as isize;
    PEAK.fetch_max(held, Relaxed);
    ALLOCATED.fetch_add(bytes, Relaxed);
    if new_block {
        COUNT.fetch_add(1, Relaxed);
    }
}

fn shrank(bytes: usize) {
    HELD.fetch_sub(bytes as isize, Relaxed);
}

// SAFETY: every call is passed to `MiMalloc` unchanged; the counters only observe.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = mimalloc::MiMalloc.alloc(layout);
        if !p.is_null() && ON.load(Relaxed) {
            grew(layout.size(), true);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = mimalloc::MiMalloc.alloc_zeroed(layout);
        if !p.is_null() && ON.load(Relaxed) {
            grew(layout.size(), true);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        mimalloc::MiMalloc.dealloc(ptr, layout);
        if ON.load(Relaxed) {
            shrank(layout.size());
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = mimalloc::MiMalloc.realloc(ptr, layout, new_size);
        if !p.is_null() && ON.load(Relaxed) {
            if new_size >= layout.size() {
                grew(new_size - layout.size(), false);
            } else {
                shrank(layout.size() - new_size);
            }
        }
        p
    }
}

/// What the counters saw while `measure` ran its closure.
#[derive(Debug, Clone, Copy, Default)]
pub struct Usage {
    /// Bytes allocated and not freed by the end (what the result holds).
    pub held: usize,
    /// The most bytes held at any moment.
    pub peak: usize,
    /// All bytes allocated, freed or not.
    pub allocated: usize,
    pub allocations: usize,
    /// Growth of the resident set, when `/proc/self/status` exists.
    pub rss_growth: Option<usize>,
}

/// Runs `f` with the counters on. Meant for one thread: allocations made by other
/// threads meanwhile are counted too.
pub fn measure<T>(f: impl FnOnce() -> T) -> (T, Usage) {
    let rss_before = resident_bytes();
    HELD.store(0, Relaxed);
    PEAK.store(0, Relaxed);
    ALLOCATED.store(0, Relaxed);
    COUNT.store(0, Relaxed);
    ON.store(true, Relaxed);
    let value = f();
    ON.store(false, Relaxed);
    let rss_after = resident_bytes();
    let usage = Usage {
        held: HELD.load(Relaxed).max(0) as usize,
        peak: PEAK.load(Relaxed).max(0) as usize,
        allocated: ALLOCATED.load(Relaxed),
        allocations: COUNT.load(Relaxed),
        rss_growth: rss_before.zip(rss_after).map(|(b, a)| a.saturating_sub(b)),
    };
    (value, usage)
}

/// The resident set size, from `VmRSS` in `/proc/self/status` (Linux).
pub fn resident_bytes() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: usize = line["VmRSS:".len()..].trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kb * 1024)
}
