//! What the document reader's tests share: a bound on the time of a read
//! that must end, a guard against a hang rather than a benchmark.

use std::time::{Duration, Instant};

/// Runs `f` and fails if it takes longer than `limit`.
pub fn within<T>(limit: Duration, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    assert!(start.elapsed() < limit, "took {:?}", start.elapsed());
    out
}
