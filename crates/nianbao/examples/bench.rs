//! Measures the core on the fixtures: per-report latency and throughput.
//!
//! `cargo run --release -p nianbao --example bench` prints, for each seed and
//! real report, the median time of one `nianbao::check` over many runs, and
//! the throughput over all of them, and the time spent locating the cells
//! to blame in tables 三 and 四 (`nianbao::tables::locate`), its own budget.

use std::path::PathBuf;
use std::time::{Duration, Instant};

const RUNS: usize = 200;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut files: Vec<PathBuf> = ["seeds", "real"]
        .iter()
        .flat_map(|d| {
            std::fs::read_dir(root.join(d))
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
        })
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    files.sort();
    let (mut bytes, mut total) = (0usize, Duration::ZERO);
    println!(
        "{:<40} {:>8} {:>12} {:>12}",
        "report", "KB", "median µs", "locate µs"
    );
    for path in &files {
        let text = std::fs::read_to_string(path).expect("fixture is UTF-8");
        let mut times: Vec<Duration> = (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(nianbao::check(std::hint::black_box(&text)));
                start.elapsed()
            })
            .collect();
        times.sort();
        total += times.iter().sum::<Duration>();
        bytes += text.len() * RUNS;
        let name = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .display()
            .to_string();
        println!(
            "{name:<40} {:>8.1} {:>12.1} {:>12.1}",
            text.len() as f64 / 1024.0,
            times[RUNS / 2].as_secs_f64() * 1e6,
            locating(&nianbao::check(&text)).as_secs_f64() * 1e6
        );
    }
    println!(
        "throughput: {:.1} MB/s over {} runs",
        bytes as f64 / 1e6 / total.as_secs_f64(),
        files.len() * RUNS
    );
}

/// The median time of locating the cells to blame in the report's tables
/// 三 and 四, as the arithmetic rules do.
fn locating(report: &nianbao::Report) -> Duration {
    use nianbao::tables::locate;
    let tables = [&report.tables.requests, &report.tables.appeals];
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            for t in tables.into_iter().flatten() {
                let rels = t.relations();
                let value = |(r, c): locate::At| {
                    let cell = t.rows.get(r)?.cells.get(c)?;
                    match (cell.doubtful, cell.value) {
                        (true, _) => None,
                        (false, None) => Some(None),
                        (false, Some(v)) => v.count().map(Some),
                    }
                };
                std::hint::black_box(locate::locate(&value, rels));
            }
            start.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}
