//! The fuzz step of `cargo xtask test`: one minute of `cargo fuzz` on each
//! target: the core's entry point (`fuzz/fuzz_targets/check.rs`), seeded
//! with every fixture, and the PDF and DOCX readers (`pdf.rs`, `docx.rs`),
//! seeded with the document fixtures; on the stable toolchain without a
//! sanitizer (`-s none`).
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

/// The fuzz targets: name, its corpus directory under the target
/// directory, the fixtures that seed it, and its dictionary if any.
const TARGETS: &[(&str, &str, &str, Option<&str>)] = &[
    // Every fixture seeds the core's target (libFuzzer reads directories recursively).
    (
        "check",
        "fuzz-corpus",
        "../tests/fixtures",
        Some("check.dict"),
    ),
    // The document readers, seeded with the committed documents.
    (
        "pdf",
        "fuzz-corpus-pdf",
        "../tests/fixtures/documents",
        None,
    ),
    (
        "docx",
        "fuzz-corpus-docx",
        "../tests/fixtures/documents",
        None,
    ),
];

/// Runs each fuzz target for a minute; fails on any crash, hang or leak of
/// memory past the limits below.
pub fn one_minute() -> Result<()> {
    if probe(cargo().args(["fuzz", "--version"])).is_none() {
        run_cmd(cargo().args(["install", "cargo-fuzz", "--locked"]))?;
    }
    for &(target, corpus, seeds, dict) in TARGETS {
        let corpus = target_dir().join(corpus);
        std::fs::create_dir_all(&corpus)?;
        let mut limits = vec![
            // Larger than any fixture (the LibreOffice PDFs are up to
            // 240 kB), so that spliced fixtures fit.
            "-max_len=262144".to_string(),
            // An input this size is read in milliseconds: a minute is a hang.
            "-timeout=60".to_string(),
            "-rss_limit_mb=2048".to_string(),
            format!("-max_total_time={SECONDS}"),
        ];
        if let Some(dict) = dict {
            limits.push(format!("-dict={dict}"));
        }
        let mut cmd = cargo();
        cmd.current_dir("fuzz")
            .args(["fuzz", "run", "--sanitizer", "none", target])
            .arg(&corpus)
            .args([seeds, "--"])
            .args(limits);
        run_cmd(&mut cmd)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_seed_directories_exist() {
        let root = crate::project_root();
        for dir in ["seeds", "real", "regressions", "documents"] {
            assert!(root.join("tests/fixtures").join(dir).is_dir(), "{dir}");
        }
        assert!(root.join("fuzz/check.dict").is_file());
    }
}
