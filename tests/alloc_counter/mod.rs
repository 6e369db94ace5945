//! A counting global allocator for the no-allocation tests. It counts only on
//! threads that opted in, so the test threads the harness runs side by side do
//! not see each other's allocations. A test binary that declares this module
//! installs it as its allocator.
#![allow(dead_code)] // each test binary uses its own part

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    // Const-initialised and without a destructor: reading it never allocates.
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static MINE: Cell<usize> = const { Cell::new(0) };
    // Bytes this thread holds beyond what it held when counting began, and
    // the most it held at once.
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn note_bytes(delta: isize) {
    if COUNTING.try_with(Cell::get).unwrap_or(false) {
        let live = LIVE.try_with(|l| {
            l.set(l.get() + delta);
            l.get()
        });
        if let Ok(live) = live {
            let _ = PEAK.try_with(|p| p.set(p.get().max(live)));
        }
    }
}

fn note_allocation() {
    // `try_with`: the allocator may run while thread-locals are being torn down.
    let counting = COUNTING.try_with(Cell::get).unwrap_or(false);
    if counting {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        let _ = MINE.try_with(|m| m.set(m.get() + 1));
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note_allocation();
        note_bytes(layout.size() as isize);
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note_allocation();
        note_bytes(layout.size() as isize);
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note_allocation();
        note_bytes(new_size as isize - layout.size() as isize);
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        note_bytes(-(layout.size() as isize));
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations this thread made while running `f`.
pub fn allocations_during<R>(f: impl FnOnce() -> R) -> (usize, R) {
    let start = MINE.with(Cell::get);
    COUNTING.with(|c| c.set(true));
    let r = f();
    COUNTING.with(|c| c.set(false));
    (MINE.with(Cell::get) - start, r)
}

/// The most bytes this thread held at once while running `f`, beyond what it
/// held before.
pub fn peak_bytes_during<R>(f: impl FnOnce() -> R) -> (usize, R) {
    LIVE.with(|l| l.set(0));
    PEAK.with(|p| p.set(0));
    COUNTING.with(|c| c.set(true));
    let r = f();
    COUNTING.with(|c| c.set(false));
    (PEAK.with(Cell::get).max(0) as usize, r)
}

#[test]
fn the_counter_sees_allocations() {
    // Guards the guard: an allocation inside the measured section is counted.
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    let (count, v) = allocations_during(|| std::hint::black_box(vec![1u8; 64]));
    assert_eq!(count, 1);
    assert_eq!(v.len(), 64);
    let (count, v) = allocations_during(|| {
        let mut v = v;
        v.reserve(4096);
        v
    });
    assert_eq!(count, 1, "a realloc is counted");
    drop(v);
    let (count, ()) = allocations_during(|| ());
    assert_eq!(count, 0);
    // Peak bytes: what was held at once, not the sum of what came and went.
    let (peak, ()) = peak_bytes_during(|| {
        for _ in 0..10 {
            drop(std::hint::black_box(vec![0u8; 1 << 20]));
        }
    });
    assert_eq!(peak, 1 << 20);
    assert!(ALLOCATIONS.load(Ordering::Relaxed) >= before + 2);
}
