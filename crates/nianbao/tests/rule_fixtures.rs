//! Every rule's fixtures: whole reports from `tests/fixtures/rules/CODE/`,
//! made from the seeds and real reports. Each `invalid_*` yields the code,
//! each `valid_*` does not, and what a reviewer reads of each invalid one
//! (the rule's diagnostics, rendered as the CLI prints them) is a reviewed
//! snapshot. `NAME.previous.txt` beside a fixture is last year's report.

use std::path::{Path, PathBuf};

use nianbao::codes::{self, Status};
use nianbao::{render, LineIndex, Options};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/rules")
}

/// The fixtures of one code: (name, text, last year's text).
fn fixtures(dir: &Path) -> Vec<(String, String, Option<String>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".txt") else {
            continue;
        };
        if stem.ends_with(".previous") {
            continue;
        }
        let previous = std::fs::read_to_string(dir.join(format!("{stem}.previous.txt"))).ok();
        out.push((
            stem.to_string(),
            std::fs::read_to_string(&path).unwrap(),
            previous,
        ));
    }
    out.sort();
    out
}

#[test]
fn every_active_code_has_invalid_and_valid_fixtures() {
    for code in codes::ALL.iter().filter(|c| c.status == Status::Active) {
        let names: Vec<String> = fixtures(&root().join(code.code))
            .into_iter()
            .map(|f| f.0)
            .collect();
        assert!(
            names.iter().any(|n| n.starts_with("invalid_")),
            "{} has no invalid fixture",
            code.code
        );
        assert!(
            names.iter().any(|n| n.starts_with("valid_")),
            "{} has no valid fixture",
            code.code
        );
    }
}

#[test]
fn fixtures_yield_their_code_or_not() {
    let mut failures = Vec::new();
    for code in codes::ALL.iter().filter(|c| c.status == Status::Active) {
        for (name, text, previous) in fixtures(&root().join(code.code)) {
            let options = Options {
                previous: previous.as_deref(),
                only: None,
            };
            let report = nianbao::check_with(&text, options);
            let found: Vec<_> = report
                .diagnostics
                .iter()
                .filter(|d| d.code == code.code)
                .collect();
            if name.starts_with("invalid_") {
                if found.is_empty() {
                    failures.push(format!("{}/{name} does not yield {}", code.code, code.code));
                    continue;
                }
                let index = LineIndex::new(&text);
                let file = format!("{}/{name}.txt", code.code);
                let shown: String = found
                    .iter()
                    .map(|d| render::diagnostic(d, &file, &index) + "\n")
                    .collect();
                insta::assert_snapshot!(format!("{}_{name}", code.code), shown);
            } else if !found.is_empty() {
                failures.push(format!(
                    "{}/{name} yields {}: {:?}",
                    code.code, code.code, found[0].message
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
