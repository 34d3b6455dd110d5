//! The fuzz step of `cargo xtask test`: one minute of `cargo fuzz` on the
//! core's entry point (`fuzz/fuzz_targets/check.rs`), seeded with every
//! fixture, on the stable toolchain without a sanitizer (`-s none`).
//!
//! cargo-fuzz is installed from crates.io the first time (about a minute).
//! The corpus it grows is kept in `target/fuzz-corpus`, so later runs start
//! where the last one stopped. A crash fails the step; the input that
//! caused it is in `fuzz/artifacts/check/`, and becomes a regression
//! fixture in `tests/fixtures/regressions/` once fixed. A longer run, with
//! AddressSanitizer on nightly, is in BENCHMARKS.md.

use crate::{cargo, probe, run_cmd, target_dir, Result};

/// How long the step fuzzes, in seconds.
const SECONDS: u32 = 60;

/// Runs the fuzz target for a minute; fails on any crash, hang or leak of
/// memory past the limits below.
pub fn one_minute() -> Result<()> {
    if probe(cargo().args(["fuzz", "--version"])).is_none() {
        run_cmd(cargo().args(["install", "cargo-fuzz", "--locked"]))?;
    }
    let corpus = target_dir().join("fuzz-corpus");
    std::fs::create_dir_all(&corpus)?;
    let limits = [
        "-dict=check.dict".to_string(),
        // Larger than any fixture, so that spliced fixtures fit.
        "-max_len=65536".to_string(),
        // An input this size is read in milliseconds: a minute is a hang.
        "-timeout=60".to_string(),
        "-rss_limit_mb=2048".to_string(),
        format!("-max_total_time={SECONDS}"),
    ];
    let mut cmd = cargo();
    cmd.current_dir("fuzz")
        .args(["fuzz", "run", "--sanitizer", "none", "check"])
        .arg(&corpus)
        // Every fixture seeds it (libFuzzer reads directories recursively).
        .args(["../tests/fixtures", "--"])
        .args(limits);
    run_cmd(&mut cmd)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_seed_directories_exist() {
        let root = crate::project_root();
        for dir in ["seeds", "real", "regressions"] {
            assert!(root.join("tests/fixtures").join(dir).is_dir(), "{dir}");
        }
        assert!(root.join("fuzz/check.dict").is_file());
    }
}
