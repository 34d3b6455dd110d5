//! Work on every core, results in order: items are taken in order by a
//! pool of threads, and each result is handed on once all those before it
//! have been, so the output is the same whatever the number of threads.
//! The thread that finishes the item next in order hands it on, with any
//! later ones already waiting: no thread only passes results on, and a
//! thread sleeps only when it is too far ahead.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

/// How many results may wait for an earlier, slower one, per thread: a
/// bound on the memory a single slow item can make the others hold.
const WINDOW_PER_THREAD: usize = 64;

/// The results waiting for an earlier one, and where they go.
struct Order<T, S> {
    /// How many results have been handed on.
    handed: usize,
    waiting: BTreeMap<usize, T>,
    sink: S,
    /// Threads asleep until the results before theirs are handed on.
    asleep: usize,
}

/// Runs `work` on items `0..n` on `threads` threads (the calling thread
/// one of them) and calls `sink` with each result in item order, one call
/// at a time, on the thread that finished the item or a later one. `sink`
/// may break to stop the run: no item is started after that, and `sink`
/// receives nothing more.
pub fn ordered<T: Send>(
    n: usize,
    threads: usize,
    work: impl Fn(usize) -> T + Sync,
    mut sink: impl FnMut(usize, T) -> ControlFlow<()> + Send,
) {
    let threads = threads.clamp(1, n.max(1));
    if threads == 1 {
        for i in 0..n {
            if sink(i, work(i)).is_break() {
                return;
            }
        }
        return;
    }
    let window = WINDOW_PER_THREAD * threads;
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let order = Mutex::new(Order {
        handed: 0,
        waiting: BTreeMap::new(),
        sink,
        asleep: 0,
    });
    let moved = Condvar::new();
    let lock = || order.lock().unwrap_or_else(|e| e.into_inner());
    let worker = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        if i >= n || stop.load(Ordering::Relaxed) {
            return;
        }
        {
            let mut o = lock();
            while i >= o.handed + window && !stop.load(Ordering::Relaxed) {
                o.asleep += 1;
                o = moved.wait(o).unwrap_or_else(|e| e.into_inner());
                o.asleep -= 1;
            }
        }
        let result = work(i);
        let mut o = lock();
        if stop.load(Ordering::Relaxed) {
            return;
        }
        o.waiting.insert(i, result);
        let before = o.handed;
        loop {
            let at = o.handed;
            let Some(result) = o.waiting.remove(&at) else {
                break;
            };
            o.handed += 1;
            if (o.sink)(at, result).is_break() {
                stop.store(true, Ordering::Relaxed);
                o.waiting.clear();
                break;
            }
        }
        if o.handed > before && o.asleep > 0 || stop.load(Ordering::Relaxed) {
            moved.notify_all();
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(worker);
        }
        worker();
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_arrive_in_order_whatever_the_threads() {
        for threads in [1, 2, 7] {
            let mut seen = Vec::new();
            ordered(
                300,
                threads,
                |i| {
                    // Uneven work, so that items finish out of order.
                    std::thread::sleep(std::time::Duration::from_micros((i % 7) as u64 * 50));
                    i * 2
                },
                |i, r| {
                    seen.push((i, r));
                    ControlFlow::Continue(())
                },
            );
            assert_eq!(seen, (0..300).map(|i| (i, i * 2)).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_slow_item_holds_the_others_within_the_window() {
        let threads = 2;
        let first_done = AtomicBool::new(false);
        let furthest = AtomicUsize::new(0);
        let mut seen = 0;
        ordered(
            10_000,
            threads,
            |i| {
                if i == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                    first_done.store(true, Ordering::SeqCst);
                } else if !first_done.load(Ordering::SeqCst) {
                    furthest.fetch_max(i, Ordering::SeqCst);
                }
            },
            |_, ()| {
                seen += 1;
                ControlFlow::Continue(())
            },
        );
        assert_eq!(seen, 10_000);
        assert!(furthest.load(Ordering::SeqCst) < WINDOW_PER_THREAD * threads);
    }

    #[test]
    fn a_break_stops_the_run() {
        let started = AtomicUsize::new(0);
        let mut seen = 0;
        ordered(
            100_000,
            2,
            |_| started.fetch_add(1, Ordering::Relaxed),
            |i, _| {
                seen += 1;
                if i == 10 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        assert_eq!(seen, 11);
        assert!(started.load(Ordering::Relaxed) < 100_000);
    }
}
