//! The command line for an office PC with nothing installed, built by
//! `cargo xtask dist` into `dist/cli/`: `nianbao.exe` for 64-bit Windows
//! (x86_64-pc-windows-gnu, linked by Debian's mingw-w64) and `nianbao`, a
//! static Linux binary (x86_64-unknown-linux-musl, with rustc's own musl).
//! `tests/browser/cli.test.mjs` checks what they are and runs the Linux one.

use crate::{cargo_cmd, ci, node, probe, target_dir, Result};
use std::fs;
use std::path::Path;
use std::process::Command;

/// Each target and the file cargo writes for it.
const BINARIES: [(&str, &str); 2] = [
    ("x86_64-pc-windows-gnu", "nianbao.exe"),
    ("x86_64-unknown-linux-musl", "nianbao"),
];

/// The linker rustc calls for the Windows target, from Debian's package.
const MINGW: (&str, &str) = ("x86_64-w64-mingw32-gcc", "gcc-mingw-w64-x86-64");

/// Installs what is missing (the two rustup targets, mingw-w64), builds the
/// CLI in release for both targets and copies it into `dist/cli/`.
pub fn build(dist: &Path) -> Result<()> {
    for (target, _) in BINARIES {
        ci::rustup_target(target)?;
    }
    if probe(Command::new(MINGW.0).arg("--version")).is_none() {
        eprintln!("installing Debian's {} (once)", MINGW.1);
        node::apt_install(&[MINGW.1])?;
    }
    let targets = BINARIES.map(|(target, _)| format!("--target {target}"));
    cargo_cmd(&format!(
        "build -p nianbao-cli --release {}",
        targets.join(" ")
    ))?;
    let cli = dist.join("cli");
    fs::create_dir_all(&cli)?;
    for (target, file) in BINARIES {
        fs::copy(
            target_dir().join(format!("{target}/release/{file}")),
            cli.join(file),
        )?;
    }
    Ok(())
}
