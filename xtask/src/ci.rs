//! `cargo xtask test`: every check CI runs, in order, stopping at the first
//! that fails and naming it.
//!
//! `.ci/run` calls this and nothing else, so a developer runs exactly what
//! CI runs. The first step installs what the others need.

use crate::{cargo_cmd, dist, node, probe, run_cmd, Result};
use std::process::Command;

/// The target the core and the page are built for.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// A step: its name, which a failure reports, and what it runs.
type Step = (&'static str, fn() -> Result<()>);

/// The steps, in order.
const STEPS: &[Step] = &[
    ("setup", setup),
    ("fmt", || cargo_cmd("fmt --all --check")),
    ("clippy", || {
        cargo_cmd("clippy --workspace --all-targets -- -D warnings")
    }),
    ("test", test),
    ("fuzz (a minute a target)", crate::fuzz::one_minute),
    ("document reader for wasm", document_for_wasm),
    ("page and office CLI (dist)", dist::run),
    ("browser tests", browser_tests),
];

/// Runs every step; the error names the step that failed.
pub fn run() -> Result<()> {
    for (i, (name, step)) in STEPS.iter().enumerate() {
        eprintln!("\n==> [{}/{}] {name}", i + 1, STEPS.len());
        step().map_err(|err| format!("step '{name}' failed: {err}"))?;
    }
    eprintln!("\n==> all {} steps passed", STEPS.len());
    Ok(())
}

/// Installs the rustup components and the wasm target the later steps use,
/// asking rustup for each only when it is missing.
fn setup() -> Result<()> {
    let rustup = |args: &str| probe(Command::new("rustup").args(args.split(' ')));
    let Some(components) = rustup("component list --installed") else {
        eprintln!("note: rustup not found; assuming the toolchain has what the steps need");
        return Ok(());
    };
    for component in ["rustfmt", "clippy"] {
        let prefix = format!("{component}-");
        if !components.lines().any(|line| line.starts_with(&prefix)) {
            run_cmd(Command::new("rustup").args(["component", "add", component]))?;
        }
    }
    rustup_target(WASM_TARGET)?;
    eprintln!("rustfmt, clippy and {WASM_TARGET} are installed");
    Ok(())
}

/// Installs rustup's standard library for `target` when it is missing.
pub fn rustup_target(target: &str) -> Result<()> {
    let installed = probe(Command::new("rustup").args(["target", "list", "--installed"]));
    if installed.is_some_and(|list| !list.lines().any(|line| line.trim() == target)) {
        run_cmd(Command::new("rustup").args(["target", "add", target]))?;
    }
    Ok(())
}

/// The workspace's tests, with the ignored ones: the 50 MB hostile inputs
/// in their time and memory budgets, which a plain `cargo test` leaves out.
fn test() -> Result<()> {
    cargo_cmd("test --workspace -- --include-ignored")
}

/// The document reader, which the page's build does not include, so that
/// a dependency that does not build for wasm is caught here.
fn document_for_wasm() -> Result<()> {
    cargo_cmd(&format!(
        "build -p nianbao-document --target {WASM_TARGET} --release"
    ))
}

/// The page in Debian's Chromium, driven by playwright-core, and the
/// parity of the wasm `validate()` with the CLI's JSON, with node's test
/// runner: `tests/browser/*.test.mjs` against the `dist/` just built.
fn browser_tests() -> Result<()> {
    node::chromium()?;
    cargo_cmd("build -p nianbao-cli")?;
    node::node(&["--test", "--test-concurrency=1"])
}

/// `cargo xtask serve [--port N]`: builds `dist/` and serves it on
/// 127.0.0.1 with the browser tests' static server, until stopped.
pub fn serve(args: &[&str]) -> Result<()> {
    dist::page()?;
    let mut args = args.to_vec();
    args.insert(0, "serve.mjs");
    node::node(&args)
}

/// `cargo xtask bench`: builds `dist/`, then reports the sizes of the wasm
/// and of `nianbao.html` (raw, gzip, brotli), the time from opening
/// `nianbao.html` to ready, and the time to validate each seed in the page,
/// against the budgets.
pub fn bench() -> Result<()> {
    dist::page()?;
    node::chromium()?;
    node::node(&["bench.mjs"])
}

/// `cargo xtask screenshot`: builds `dist/` and writes
/// `docs/screenshot.png` of the sample report being checked.
pub fn screenshot() -> Result<()> {
    dist::page()?;
    node::chromium()?;
    node::cjk_fonts()?;
    node::node(&["screenshot.mjs"])
}
