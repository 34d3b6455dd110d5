//! Every rule's fixtures, one test each: whole reports in
//! `tests/fixtures/rules/CODE/`, made from the seeds and real reports.
//! Each `invalid_*` yields the code, and what a reviewer reads of it (the
//! code's diagnostics, rendered as the CLI prints them) is a reviewed
//! snapshot beside it, `invalid_*.snap`; each `valid_*` yields neither the
//! code nor any error. `NAME.previous.txt` beside a fixture is last year's
//! report. The tests are generated from the files by datatest-stable, so
//! one mismatch does not hide the others.

use std::fs;

use datatest_stable::Utf8Path;
use nianbao::{render, LineIndex, Options, Severity};

fn fixture(path: &Utf8Path, text: String) -> datatest_stable::Result<()> {
    let dir = path.parent().ok_or("a fixture is in its code's folder")?;
    let code = dir.file_name().ok_or("a fixture is in its code's folder")?;
    let name = path.file_stem().ok_or("a fixture has a name")?;
    let previous = fs::read_to_string(dir.join(format!("{name}.previous.txt"))).ok();
    let options = Options {
        previous: previous.as_deref(),
        only: None,
    };
    let report = nianbao::check_with(&text, options);
    if name.starts_with("invalid_") {
        let found: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.code == code)
            .collect();
        if found.is_empty() {
            return Err(format!("{code}/{name} does not yield {code}").into());
        }
        let index = LineIndex::new(&text);
        let file = format!("{code}/{name}.txt");
        let shown: String = found
            .iter()
            .map(|d| render::diagnostic(d, &file, &index) + "\n")
            .collect();
        insta::with_settings!({
            snapshot_path => fs::canonicalize(dir)?,
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name, shown);
        });
    } else {
        let wrong: Vec<String> = report
            .diagnostics
            .iter()
            .filter(|d| d.code == code || d.severity == Severity::Error)
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        if !wrong.is_empty() {
            return Err(format!("{code}/{name} yields {}", wrong.join("; ")).into());
        }
    }
    Ok(())
}

datatest_stable::harness! {
    {
        test = fixture,
        root = "../../tests/fixtures/rules",
        pattern = r"^[A-Z]\d{3}/(in)?valid_\w+\.txt$",
    },
}
