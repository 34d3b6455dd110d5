//! The JavaScript side of the toolchain, installed on demand and only when
//! missing: the npm packages of `tests/browser/` (esbuild, binaryen for
//! wasm-opt, playwright-core, axe-core, wabt) by `npm ci`, and Debian's Chromium,
//! which playwright-core drives. No browser or binary is downloaded from anywhere
//! but the npm registry and Debian's archive.

use crate::{probe, project_root, run_cmd, Result};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where the browser tests and their `package.json` live.
pub fn tests_dir() -> PathBuf {
    project_root().join("tests/browser")
}

/// The Chromium playwright-core launches, from Debian's package.
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// A copy of the `package-lock.json` that `npm ci` last installed, kept in
/// `node_modules/` so that a later run knows whether to install again.
const STAMP: &str = "node_modules/.nianbao-installed-lock.json";

/// Runs `npm ci` in `tests/browser/` unless `node_modules/` already holds
/// exactly what `package-lock.json` asks for.
pub fn npm_ci() -> Result<()> {
    let dir = tests_dir();
    let lock = fs::read(dir.join("package-lock.json"))
        .map_err(|err| format!("cannot read tests/browser/package-lock.json: {err}"))?;
    if fs::read(dir.join(STAMP)).is_ok_and(|stamp| stamp == lock) {
        return Ok(());
    }
    if probe(Command::new("npm").arg("--version")).is_none() {
        return Err("npm not found; install Node.js 18 or later with npm".into());
    }
    // npm keeps its own cache lock; a failed download is tried once more.
    let ci = || {
        run_cmd(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund", "--fetch-retries=3"])
                .current_dir(&dir),
        )
    };
    ci().or_else(|err| {
        eprintln!("npm ci failed ({err}); trying once more");
        ci()
    })?;
    fs::write(dir.join(STAMP), lock)?;
    Ok(())
}

/// A program installed by `npm ci`, e.g. `wasm-opt`.
pub fn bin(name: &str) -> PathBuf {
    tests_dir().join("node_modules/.bin").join(name)
}

/// Installs Debian's Chromium when it is missing.
pub fn chromium() -> Result<()> {
    if Path::new(CHROMIUM).exists() {
        return Ok(());
    }
    eprintln!("installing Debian's chromium (once)");
    apt_install(&["chromium"])
}

/// `apt-get update` and `apt-get install` of `packages`, each waiting up to
/// ten minutes for another apt or dpkg to release its lock, and tried a
/// second time when it fails (a download cut off, a mirror in sync).
pub fn apt_install(packages: &[&str]) -> Result<()> {
    const LOCK: [&str; 2] = ["-o", "DPkg::Lock::Timeout=600"];
    let twice = |args: &[&str]| {
        let run = || {
            run_cmd(
                Command::new("apt-get")
                    .args(LOCK)
                    .args(args)
                    .env("DEBIAN_FRONTEND", "noninteractive"),
            )
        };
        run().or_else(|err| {
            eprintln!("apt-get failed ({err}); trying once more");
            run()
        })
    };
    twice(&["update"])?;
    let mut install = vec!["install", "-y", "--no-install-recommends"];
    install.extend_from_slice(packages);
    twice(&install)
}

/// Installs Debian's Noto CJK fonts when no font covers Chinese, so that a
/// screenshot shows characters rather than boxes.
pub fn cjk_fonts() -> Result<()> {
    let listed = probe(Command::new("fc-list").arg(":lang=zh")).unwrap_or_default();
    if !listed.trim().is_empty() {
        return Ok(());
    }
    apt_install(&["fonts-noto-cjk"])
}

/// Runs `node` with `args` in `tests/browser/`, with the path of the
/// built CLI in `NIANBAO_CLI` for the parity test.
pub fn node(args: &[&str]) -> Result<()> {
    run_cmd(
        Command::new("node")
            .args(args)
            .current_dir(tests_dir())
            .env("CHROMIUM", CHROMIUM)
            .env("NIANBAO_CLI", crate::target_dir().join("debug/nianbao")),
    )
}
