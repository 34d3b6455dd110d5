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
    ("fmt", fmt),
    ("clippy", clippy),
    ("test", test),
    ("fuzz (a minute a target)", crate::fuzz::one_minute),
    ("core and document reader for wasm", core_for_wasm),
    ("page (dist)", dist::run),
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
    let targets = rustup("target list --installed").unwrap_or_default();
    if !targets.lines().any(|line| line.trim() == WASM_TARGET) {
        run_cmd(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
    }
    eprintln!("rustfmt, clippy and {WASM_TARGET} are installed");
    Ok(())
}

fn fmt() -> Result<()> {
    cargo_cmd("fmt --all --check")
}

fn clippy() -> Result<()> {
    cargo_cmd("clippy --workspace --all-targets -- -D warnings")
}

fn test() -> Result<()> {
    cargo_cmd("test --workspace")
}

/// The core and the document reader, so that a dependency that does not
/// build for wasm is caught here, not by the page's build.
fn core_for_wasm() -> Result<()> {
    cargo_cmd(&format!(
        "build -p nianbao -p nianbao-document --target {WASM_TARGET} --release"
    ))
}

/// The page in Debian's Chromium, driven by playwright-core, and the
/// parity of the wasm `validate()` with the CLI's JSON, with node's test
/// runner: `tests/browser/*.test.mjs` against the `dist/` just built.
fn browser_tests() -> Result<()> {
    browser_setup()?;
    cargo_cmd("build -p nianbao-cli")?;
    node::node(&["--test", "--test-concurrency=1"])
}

/// What the browser tests need: their npm packages and Chromium.
fn browser_setup() -> Result<()> {
    node::npm_ci()?;
    node::chromium()
}

/// `cargo xtask bench`: builds `dist/`, then reports the sizes of the wasm
/// and of `nianbao.html` (raw, gzip, brotli), the time from opening
/// `nianbao.html` to ready, and the time to validate each seed in the page,
/// against the budgets.
pub fn bench() -> Result<()> {
    dist::run()?;
    browser_setup()?;
    node::node(&["bench.mjs"])
}

/// `cargo xtask screenshot`: builds `dist/` and writes
/// `docs/screenshot.png` of the sample report being checked.
pub fn screenshot() -> Result<()> {
    dist::run()?;
    browser_setup()?;
    node::cjk_fonts()?;
    node::node(&["screenshot.mjs"])
}
