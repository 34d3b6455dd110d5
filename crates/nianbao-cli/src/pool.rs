//! Work on every core, results in order: items are taken in order by a
//! pool of threads, and each result is handed on once all those before it
//! have been, so the output is the same whatever the number of threads.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

/// How many results may wait for an earlier, slower one, per thread: a
/// bound on the memory a single slow item can make the others hold.
const WINDOW_PER_THREAD: usize = 64;

/// Runs `work` on items `0..n` on `threads` threads and calls `sink` with
/// each result in item order, on the calling thread. `sink` may break to
/// stop the run: no item is started after that.
pub fn ordered<T: Send>(
    n: usize,
    threads: usize,
    work: impl Fn(usize) -> T + Sync,
    mut sink: impl FnMut(usize, T) -> ControlFlow<()>,
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
    // How many results have been handed on; workers wait while too far ahead.
    let handed = Mutex::new(0usize);
    let moved = Condvar::new();
    let (tx, rx) = mpsc::channel::<(usize, T)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, stop, handed, moved, work) = (&next, &stop, &handed, &moved, &work);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n || stop.load(Ordering::Relaxed) {
                    return;
                }
                {
                    let mut done = handed.lock().unwrap_or_else(|e| e.into_inner());
                    while i >= *done + window && !stop.load(Ordering::Relaxed) {
                        done = moved.wait(done).unwrap_or_else(|e| e.into_inner());
                    }
                }
                if tx.send((i, work(i))).is_err() {
                    return;
                }
            });
        }
        drop(tx);
        let mut waiting = BTreeMap::new();
        let mut expected = 0;
        for (i, result) in &rx {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&expected) {
                let flow = sink(expected, result);
                expected += 1;
                if flow.is_break() {
                    // A sink that asked to stop receives nothing more, not
                    // even results that are already waiting.
                    stop.store(true, Ordering::Relaxed);
                    break;
                }
            }
            *handed.lock().unwrap_or_else(|e| e.into_inner()) = expected;
            moved.notify_all();
            if stop.load(Ordering::Relaxed) {
                break;
            }
        }
        stop.store(true, Ordering::Relaxed);
        moved.notify_all();
        // Results still arriving from started items are dropped with `rx`.
        drop(rx);
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
