//! `cargo xtask`: the project's automation, in Rust so that it runs wherever
//! cargo does: `test` (everything CI checks), `dist` and `serve` (the page),
//! `bench` and `screenshot` (the page in Chromium), and `codegen`
//! (generated source files).
//!
//! Each subcommand installs what it needs and is safe to run again; nothing
//! here downloads anything but crates through cargo, rustup's own targets,
//! npm packages and Debian packages.

mod ci;
mod codegen;
mod dist;
mod fuzz;
mod node;
mod office;
mod page;
#[cfg(test)]
mod tidy;

use std::env;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{self, Command};

/// Errors are reported once, in `main`, as a single line.
pub type Result<T, E = Box<dyn std::error::Error>> = std::result::Result<T, E>;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  test              run every check CI runs: fmt, clippy, tests, wasm builds
  dist              build the page and the CLI for Windows and static Linux into dist/
  serve [--port N]  build the page and serve dist/ on 127.0.0.1 (default port 8000)
  bench             build the page; report its sizes, time to ready and time per seed
  screenshot        build the page; write docs/screenshot.png of a seed being checked
  codegen           regenerate crates/nianbao/src/text/t2s_table.rs from fast2s";

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    if let Err(err) = env::set_current_dir(project_root()) {
        eprintln!("error: cannot enter the project root: {err}");
        process::exit(1);
    }
    let result = match args.as_slice() {
        ["test"] => ci::run(),
        ["dist"] => dist::run(),
        ["serve", rest @ ..] => ci::serve(rest),
        ["bench"] => ci::bench(),
        ["screenshot"] => ci::screenshot(),
        ["codegen"] => codegen::run(),
        [] | ["help" | "-h" | "--help"] => {
            println!("{USAGE}");
            return;
        }
        _ => {
            eprintln!("{USAGE}");
            process::exit(2);
        }
    };
    if let Err(err) = result {
        eprintln!("error: {err}");
        process::exit(1);
    }
}

/// The workspace root, where `Cargo.toml` and `Cargo.lock` are.
///
/// `cargo run` says where xtask's manifest is when it starts it; that comes
/// first, because the path compiled in may be another clone's when clones
/// share a target directory (cargo then counts the binary as fresh).
pub fn project_root() -> PathBuf {
    let manifest_dir = env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .filter(|dir| dir.join("src/main.rs").is_file())
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest_dir
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// Cargo's target directory, honouring `CARGO_TARGET_DIR`.
pub fn target_dir() -> PathBuf {
    env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| project_root().join("target"))
}

/// Package `name` as cargo metadata reports it from the workspace and
/// `Cargo.lock`: its locked version, where cargo downloaded its sources.
pub fn package(name: &str) -> Result<cargo_metadata::Package> {
    let metadata = cargo_metadata::MetadataCommand::new()
        .manifest_path(project_root().join("Cargo.toml"))
        .exec()?;
    let package = metadata
        .packages
        .into_iter()
        .find(|p| p.name.as_str() == name);
    package.ok_or_else(|| format!("cargo metadata lists no package {name}").into())
}

/// A `cargo` command using the same cargo that runs xtask.
pub fn cargo() -> Command {
    Command::new(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Runs cargo with `args`, split at spaces; see [`run_cmd`].
pub fn cargo_cmd(args: &str) -> Result<()> {
    run_cmd(cargo().args(args.split(' ')))
}

/// Runs `cmd`, echoing it first; fails unless it exits successfully.
pub fn run_cmd(cmd: &mut Command) -> Result<()> {
    let shown = show(cmd);
    eprintln!("$ {shown}");
    let status = cmd
        .status()
        .map_err(|err| format!("cannot run `{shown}`: {err}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})").into())
    }
}

/// Runs `cmd` quietly and returns its standard output, or `None` when it
/// cannot be started or fails: for probing what is installed.
pub fn probe(cmd: &mut Command) -> Option<String> {
    let output = cmd.output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// `cmd` as a person would type it, with the program's file name only.
fn show(cmd: &Command) -> String {
    let program = Path::new(cmd.get_program());
    let program = program.file_name().unwrap_or(program.as_os_str());
    std::iter::once(program)
        .chain(cmd.get_args())
        .map(OsStr::to_string_lossy)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_finds_locked_packages_only() {
        assert!(package("fast2s").unwrap().manifest_path.is_file());
        assert!(package("no-such-package").is_err());
    }

    #[test]
    fn show_names_the_program_by_file_name() {
        let mut cmd = Command::new("/usr/bin/cargo");
        cmd.args(["fmt", "--all"]);
        assert_eq!(show(&cmd), "cargo fmt --all");
    }
}
