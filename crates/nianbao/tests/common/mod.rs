//! What the tests share: where the fixtures are, and reading them. Each
//! test binary includes this module and uses part of it; the CLI's tests
//! include it too (`#[path]`), so that a fixture is named in one place.
#![allow(dead_code)]

use std::path::PathBuf;

/// The first seed, a whole 2021 report in pipe rows that reads with no
/// error: the report a test changes to make the case it needs.
pub const SEED_000: &str = "seeds/000_2d759736cf79b107.txt";

/// The project root, where `tests/` and `docs/` are.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `tests/fixtures/` at the project root, or `rel` below it.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// The text of the fixture at `rel` below `tests/fixtures/`.
pub fn read(rel: &str) -> String {
    let path = fixture(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// The files of the fixture folder `dir` (e.g. `seeds`) whose names end in
/// `.txt`, `.md` or `.html`, as paths below `tests/fixtures/`, in name order.
pub fn files(dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixture(dir))
        .unwrap_or_else(|err| panic!("tests/fixtures/{dir}: {err}"))
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| {
            [".txt", ".md", ".html"]
                .iter()
                .any(|ext| name.ends_with(ext))
        })
        .map(|name| format!("{dir}/{name}"))
        .collect();
    names.sort();
    names
}

/// The seeds' texts, in name order.
pub fn seeds() -> Vec<String> {
    files("seeds").iter().map(|rel| read(rel)).collect()
}

/// The objects of JSON Lines output (`nianbao check --format json`), one a line.
pub fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}
