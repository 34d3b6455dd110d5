//! Scaling: the time and the peak memory of one `nianbao::check` as the
//! input grows from 10 KB to 50 MB, for inputs of four kinds.
//!
//! `cargo run --release -p nianbao --example scaling` measures each kind
//! and size in a fresh process of its own (the example runs itself), so
//! that the peak resident memory (`VmHWM` in `/proc/self/status`) is that
//! of the one check, the input included. Time is given on the clock and on
//! the CPU (`/proc/thread-self/schedstat`); on a busy machine the second is
//! the one to read.
//!
//! - `long report`: seed 000 with its prose (section 一) repeated until the
//!   text is the size wanted: a report with a very long narrative.
//! - `long table`: seed 000 with the rows of table 三 repeated, as a paste
//!   gone wrong would repeat them: every row beyond the table is reported.
//! - `html page`: the long report as an HTML page, a paragraph a line.
//! - `line breaks`: nothing but line breaks, the most lines for the bytes.

use std::time::{Duration, Instant};

#[path = "../tests/common/mod.rs"]
mod common;

const KINDS: &[&str] = &["long report", "long table", "html page", "line breaks"];
const SIZES: &[usize] = &[10_000, 100_000, 1_000_000, 10_000_000, 50_000_000];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, kind, size] = &args[..] {
        if flag == "--one" {
            return one(kind, size.parse().unwrap());
        }
    }
    println!(
        "{:<12} {:>10} {:>10} {:>10} {:>9} {:>11} {:>8}",
        "input", "bytes", "ms", "cpu ms", "MB/s cpu", "peak MB", "x input"
    );
    for kind in KINDS {
        for &size in SIZES {
            let out = std::process::Command::new(&args[0])
                .args(["--one", kind, &size.to_string()])
                .output()
                .unwrap();
            let line = String::from_utf8(out.stdout).unwrap();
            let f: Vec<f64> = line
                .split_whitespace()
                .map(|x| x.parse().unwrap())
                .collect();
            let (bytes, secs, cpu, peak_kb) = (f[0], f[1], f[2], f[3]);
            // The CPU clock moves in scheduler ticks: a check shorter than
            // a few of them is timed on the wall clock only.
            let cpu = if cpu < 0.004 { secs } else { cpu };
            println!(
                "{kind:<12} {bytes:>10} {:>10.2} {:>10.2} {:>9.1} {:>11.1} {:>8.2}",
                secs * 1e3,
                cpu * 1e3,
                bytes / 1e6 / cpu,
                peak_kb / 1e3,
                peak_kb * 1e3 / bytes
            );
        }
    }
}

/// Measures one kind and size; prints bytes, seconds and peak kilobytes.
fn one(kind: &str, size: usize) {
    let text = input(kind, size);
    let runs = if size <= 1_000_000 { 5 } else { 1 };
    let (best, cpu) = (0..runs)
        .map(|_| {
            let (start, cpu) = (Instant::now(), cpu_ns());
            std::hint::black_box(nianbao::check(std::hint::black_box(&text)));
            (start.elapsed(), Duration::from_nanos(cpu_ns() - cpu))
        })
        .min()
        .unwrap_or_default();
    println!(
        "{} {} {} {}",
        text.len(),
        best.as_secs_f64(),
        cpu.as_secs_f64(),
        peak_kb()
    );
}

/// Time this thread has run on a CPU, in nanoseconds: unlike the time on
/// the clock, not lengthened by other work on a busy machine.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// The peak resident memory of this process so far, in kilobytes.
fn peak_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn seed() -> String {
    common::read(common::SEED_000)
}

/// The input of `kind`, about `size` bytes long.
fn input(kind: &str, size: usize) -> String {
    let seed = seed();
    match kind {
        "long report" => long_report(&seed, size),
        "long table" => {
            let rows: String = seed
                .lines()
                .filter(|l| {
                    l.contains(" | ")
                        && l.chars()
                            .next()
                            .is_some_and(|c| c == '(' || c == '1' || c == '2' || c == '3')
                })
                .map(|l| format!("{l}\n"))
                .collect();
            let at = seed.find("(七)总计").unwrap_or(seed.len() / 2);
            let mut text = String::with_capacity(size + seed.len());
            text.push_str(&seed[..at]);
            while text.len() + seed.len() - at < size {
                text.push_str(&rows);
            }
            text.push_str(&seed[at..]);
            text
        }
        "html page" => {
            let report = long_report(&seed, size * 9 / 10);
            let mut page = String::from("<html><body>\n");
            for line in report.lines() {
                page.push_str("<p>");
                page.push_str(&line.replace('&', "&amp;").replace('<', "&lt;"));
                page.push_str("</p>\n");
            }
            page.push_str("</body></html>\n");
            page
        }
        _ => "\n".repeat(size),
    }
}

/// The seed with the prose of its first section repeated to `size` bytes.
fn long_report(seed: &str, size: usize) -> String {
    let start = seed.find("一、总体情况").unwrap_or(0);
    let end = seed
        .find("二、")
        .filter(|&e| e > start)
        .unwrap_or(seed.len());
    let prose = &seed[start..end];
    let prose = prose.split_once('\n').map_or(prose, |(_, rest)| rest);
    let mut text = String::with_capacity(size + seed.len());
    text.push_str(&seed[..end]);
    while text.len() + seed.len() - end < size {
        text.push_str(prose);
    }
    text.push_str(&seed[end..]);
    text
}
