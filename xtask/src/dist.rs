//! `cargo xtask dist`: builds the page into `dist/`: the wasm binding
//! through wasm-bindgen and wasm-opt into `dist/pkg/`, then the page's
//! files, `nianbao.html` and `embed/` (see `page.rs`).
//!
//! The wasm-bindgen CLI must be the exact version of the wasm-bindgen crate
//! in `Cargo.lock`, so xtask installs that version with `cargo install` when
//! the one on PATH differs. wasm-opt comes from the npm package `binaryen`,
//! installed with the browser tests' packages.

use crate::ci::WASM_TARGET;
use crate::{cargo_cmd, node, page, probe, project_root, run_cmd, target_dir, Result};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The settings of `wasm-pack.toml`.
struct Settings {
    krate: String,
    target: String,
    out_dir: String,
    wasm_opt: Vec<String>,
}

/// Reads `wasm-pack.toml` at the project root.
fn settings(root: &Path) -> Result<Settings> {
    let text = fs::read_to_string(root.join("wasm-pack.toml"))
        .map_err(|err| format!("cannot read wasm-pack.toml: {err}"))?;
    let table: toml::Table = text
        .parse()
        .map_err(|err| format!("wasm-pack.toml: {err}"))?;
    let string = |section: &str, key: &str| {
        table
            .get(section)
            .and_then(|s| s.get(key))
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .ok_or_else(|| format!("wasm-pack.toml: no {section}.{key}"))
    };
    let wasm_opt = table
        .get("profile")
        .and_then(|p| p.get("release"))
        .and_then(|r| r.get("wasm-opt"))
        .and_then(|v| v.as_array())
        .map(|args| {
            args.iter()
                .filter_map(|a| a.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    Ok(Settings {
        krate: string("build", "crate")?,
        target: string("build", "target")?,
        out_dir: string("build", "out-dir")?,
        wasm_opt,
    })
}

/// Builds `dist/` from scratch: the wasm module, the page's files, the
/// single-file page and the embeddable element.
pub fn run() -> Result<()> {
    let root = project_root();
    let settings = settings(&root)?;
    node::npm_ci()?;
    cargo_cmd(&format!(
        "build -p {} --target {WASM_TARGET} --release",
        settings.krate
    ))?;
    let wasm = target_dir()
        .join(WASM_TARGET)
        .join(format!("release/{}.wasm", settings.krate.replace('-', "_")));

    let lock = fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|err| format!("cannot read Cargo.lock: {err}"))?;
    let version =
        locked_version(&lock, "wasm-bindgen").ok_or("Cargo.lock has no wasm-bindgen package")?;
    let bindgen = wasm_bindgen_cli(&version)?;

    let dist = root.join("dist");
    if dist.exists() {
        fs::remove_dir_all(&dist)
            .map_err(|err| format!("cannot remove {}: {err}", dist.display()))?;
    }
    let out_dir = root.join(&settings.out_dir);
    run_cmd(
        Command::new(&bindgen)
            .args(["--target", &settings.target, "--out-dir"])
            .arg(&out_dir)
            .arg(&wasm),
    )?;
    let module = out_dir.join(format!("{}_bg.wasm", settings.krate.replace('-', "_")));
    optimise(&module, &settings.wasm_opt)?;
    page::assemble(&root.join("www"), &dist, &out_dir)?;

    let size = fs::metadata(&module)?.len();
    let single = fs::metadata(dist.join("nianbao.html"))?.len();
    eprintln!(
        "built dist/: pkg/nianbao_wasm_bg.wasm {} KiB, nianbao.html {} KiB, embed/",
        size.div_ceil(1024),
        single.div_ceil(1024)
    );
    Ok(())
}

/// The version of package `name` in the text of a `Cargo.lock`.
fn locked_version(lock: &str, name: &str) -> Option<String> {
    let name_line = format!("name = \"{name}\"");
    let mut lines = lock.lines();
    lines.find(|line| line.trim() == name_line)?;
    let version = lines
        .next()?
        .trim()
        .strip_prefix("version = \"")?
        .strip_suffix('"')?;
    Some(version.to_string())
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

/// The wasm features rustc enables by default for wasm32-unknown-unknown,
/// which wasm-opt must be told of or it rejects the module.
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Shrinks the module with the wasm-opt of the npm package `binaryen`
/// (Debian's binaryen 108 wrote a broken module) and the arguments of
/// `wasm-pack.toml`.
fn optimise(module: &Path, args: &[String]) -> Result<()> {
    let out = module.with_extension("opt.wasm");
    run_cmd(
        Command::new(node::bin("wasm-opt"))
            .args(args)
            .args(WASM_FEATURES)
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
    fn locked_version_reads_the_package_entry() {
        let lock = "\
[[package]]
name = \"wasm-bindgen-macro\"
version = \"0.2.1\"

[[package]]
name = \"wasm-bindgen\"
version = \"0.2.129\"
source = \"registry+https://github.com/rust-lang/crates.io-index\"
";
        assert_eq!(
            locked_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.129")
        );
        assert_eq!(locked_version(lock, "serde"), None);
    }

    #[test]
    fn wasm_pack_toml_names_the_binding_crate() {
        let settings = settings(&project_root()).unwrap();
        assert_eq!(settings.krate, "nianbao-wasm");
        assert!(project_root().join("crates").join(&settings.krate).is_dir());
        assert_eq!(settings.target, "web");
        assert_eq!(settings.wasm_opt, ["-Oz"]);
    }

    #[test]
    fn lock_pins_the_wasm_bindgen_of_the_workspace() {
        // `cargo xtask dist` installs the CLI of the locked version; the pin
        // in Cargo.toml keeps that version from moving under `cargo update`.
        let lock = fs::read_to_string(project_root().join("Cargo.lock")).unwrap();
        let manifest = fs::read_to_string(project_root().join("Cargo.toml")).unwrap();
        let version = locked_version(&lock, "wasm-bindgen").unwrap();
        assert!(
            manifest.contains(&format!("wasm-bindgen = \"={version}\"")),
            "Cargo.toml does not pin {version}"
        );
    }
}
