//! `cargo xtask dist`: builds the page into `dist/`: the two binding crates
//! for wasm32 (the core's, and the document reader's, a module of its own
//! that the page loads only when a .pdf or .docx is opened), each through
//! wasm-bindgen and wasm-opt into `dist/pkg/`, then the page's three forms
//! (see `page.rs`), and the CLI for an office PC into `dist/cli/` (see
//! `office.rs`).
//!
//! The wasm-bindgen CLI must be the exact version of the wasm-bindgen crate
//! in `Cargo.lock`, so xtask installs that version with `cargo install` when
//! the one on PATH differs. wasm-opt comes from the npm package `binaryen`,
//! installed with the browser tests' packages.
//! The module keeps to the browser floor, Chromium 86 (see [`FLOOR`], and
//! ARCHITECTURE.md for why and how).

use crate::ci::WASM_TARGET;
use crate::{
    cargo_cmd, node, office, package, page, probe, project_root, run_cmd, target_dir, Result,
};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The binding crates compiled to wasm, and their file names as cargo
/// writes them: the core's, and the document reader's.
const BINDINGS: [(&str, &str); 2] = [
    ("nianbao-wasm", "nianbao_wasm"),
    ("nianbao-document-wasm", "nianbao_document_wasm"),
];

/// The WebAssembly features of Chromium 86 (360安全浏览器 13), as wasm-opt
/// names them: the module may use these and no others.
/// `tests/browser/floor.test.mjs` holds every `.wasm` in `dist/` to them.
const FLOOR: &str = "mutable-globals sign-ext nontrapping-float-to-int bulk-memory multivalue";

/// `cargo xtask dist`: the page, then the CLI for an office PC.
pub fn run() -> Result<()> {
    page()?;
    office::build(&project_root().join("dist"))
}

/// Builds `dist/` from scratch: the wasm module, the page's files, the
/// single-file page and the embeddable element.
pub fn page() -> Result<()> {
    let root = project_root();
    // `serve`, `bench` and `dist` build the page on a fresh machine too.
    crate::ci::rustup_target(WASM_TARGET)?;
    node::npm_ci()?;
    // The CLI of the version in Cargo.lock, which cargo metadata reports.
    let bindgen = wasm_bindgen_cli(&package("wasm-bindgen")?.version.to_string())?;

    let dist = root.join("dist");
    if dist.exists() {
        fs::remove_dir_all(&dist)
            .map_err(|err| format!("cannot remove {}: {err}", dist.display()))?;
    }
    let pkg = dist.join("pkg");
    let mut built = Vec::new();
    for (binding, file) in BINDINGS {
        // The `wasm` profile: release, optimised for size (the download is
        // budgeted), leaving the CLI's release build optimised for speed.
        // Each crate is built alone, with its own features.
        cargo_cmd(&format!(
            "build -p {binding} --target {WASM_TARGET} --profile wasm"
        ))?;
        let wasm = target_dir().join(format!("{WASM_TARGET}/wasm/{file}.wasm"));
        bind(&bindgen, &wasm, &pkg)?;
        let module = pkg.join(format!("{file}_bg.wasm"));
        built.push(format!(
            "pkg/{file}_bg.wasm {} KiB",
            fs::metadata(&module)?.len().div_ceil(1024)
        ));
    }
    page::assemble(&root.join("www"), &dist)?;

    let single = fs::metadata(dist.join("nianbao.html"))?.len();
    eprintln!(
        "built dist/: {}, nianbao.html {} KiB, embed/",
        built.join(", "),
        single.div_ceil(1024)
    );
    Ok(())
}

/// Runs wasm-bindgen on `wasm`, as rustc wrote it, into `pkg`, as an ES
/// module loaded by `<script type="module">`, and optimises the module it
/// writes there. First wasm-opt drops the `target_features` section, which
/// wasm-bindgen and wasm-opt take as leave to use the features it names
/// (`-g`: the names stay for wasm-bindgen).
fn bind(bindgen: &Path, wasm: &Path, pkg: &Path) -> Result<()> {
    let page = target_dir().join("page");
    fs::create_dir_all(&page)?;
    let plain = page.join(wasm.file_name().ok_or("no module file name")?);
    run_cmd(
        Command::new(node::bin("wasm-opt"))
            .args(["--strip-target-features", "-g"])
            .arg(wasm)
            .arg("-o")
            .arg(&plain),
    )?;
    run_cmd(
        Command::new(bindgen)
            .args(["--target", "web", "--out-dir"])
            .arg(pkg)
            .arg(&plain),
    )?;
    let stem = plain.file_stem().unwrap_or_default().to_string_lossy();
    optimise(&pkg.join(format!("{stem}_bg.wasm")))
}

/// A wasm-bindgen CLI of `version`: the one on PATH, the one cargo installed
/// before, or one installed now.
fn wasm_bindgen_cli(version: &str) -> Result<PathBuf> {
    let installed = cargo_home().join("bin/wasm-bindgen");
    for candidate in [PathBuf::from("wasm-bindgen"), installed.clone()] {
        let printed = probe(Command::new(&candidate).arg("--version")).unwrap_or_default();
        // It prints `wasm-bindgen 0.2.129`.
        if printed.split_whitespace().nth(1) == Some(version) {
            return Ok(candidate);
        }
    }
    eprintln!("installing wasm-bindgen-cli {version} (once; takes a few minutes)");
    cargo_cmd(&format!(
        "install --locked wasm-bindgen-cli --version {version}"
    ))?;
    Ok(if installed.exists() {
        installed
    } else {
        PathBuf::from("wasm-bindgen")
    })
}

/// Where `cargo install` puts binaries by default.
fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

/// Shrinks the module for size (the wasm is the page's download) with the
/// wasm-opt of the npm package `binaryen` (Debian's binaryen 108 wrote a
/// broken module), allowed the floor's features only: it fails on a module
/// that uses more.
fn optimise(module: &Path) -> Result<()> {
    let out = module.with_extension("opt.wasm");
    run_cmd(
        Command::new(node::bin("wasm-opt"))
            .args(["-Oz", "--mvp-features"])
            .args(
                FLOOR
                    .split(' ')
                    .map(|feature| format!("--enable-{feature}")),
            )
            .arg(module)
            .arg("-o")
            .arg(&out),
    )?;
    fs::rename(&out, module)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workspace_pins_the_locked_wasm_bindgen() {
        // `cargo xtask dist` installs the CLI of the locked version; the pin
        // in Cargo.toml keeps that version from moving under `cargo update`.
        let version = package("wasm-bindgen").unwrap().version;
        let manifest = fs::read_to_string(project_root().join("Cargo.toml")).unwrap();
        assert!(
            manifest.contains(&format!("wasm-bindgen = \"={version}\"")),
            "Cargo.toml does not pin {version}"
        );
    }

    #[test]
    fn the_binding_crates_build_the_wasm_files() {
        for (binding, file) in BINDINGS {
            let binding = package(binding).unwrap();
            assert!(binding.targets.iter().any(|t| t.name == file));
        }
    }
}
