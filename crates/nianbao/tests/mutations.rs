//! Changing any single number of table 三 or 四 of a correct report yields
//! an error naming that cell: every cell takes part in some relation, and
//! the reader keeps reading the changed report the same way.

mod common;

use nianbao::Severity;

/// Reports whose tables 三 and 四 satisfy every relation.
const CORRECT: &[&str] = &[
    common::SEED_000,
    "seeds/001_5e12dc152a705630.txt",
    "seeds/002_fe52555f254f9b80.txt",
    "real/009.txt",
    "real/011.txt",
    "real/012.md",
    "real/013.md",
    "real/014.md",
];

#[test]
fn correct_reports_have_no_errors() {
    for name in CORRECT {
        let report = nianbao::check(&common::read(name));
        let errors: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

#[test]
fn every_changed_number_is_named_by_an_error() {
    let mut checked = 0;
    for name in CORRECT {
        let text = common::read(name);
        let report = nianbao::check(&text);
        let tables = [&report.tables.requests, &report.tables.appeals];
        for table in tables.into_iter().flatten() {
            for row in &table.rows {
                for cell in &row.cells {
                    let (Some(span), Some(value)) = (cell.span, cell.value.and_then(|v| v.count()))
                    else {
                        continue;
                    };
                    let changed =
                        format!("{}{}{}", &text[..span.start], value + 7, &text[span.end..]);
                    let path = table.path(row.key, cell.column);
                    let after = nianbao::check(&changed);
                    let named = after
                        .diagnostics
                        .iter()
                        .any(|d| d.severity == Severity::Error && d.cells.contains(&path));
                    assert!(
                        named,
                        "{name}: changing {path} from {value} to {} is not reported",
                        value + 7
                    );
                    checked += 1;
                }
            }
        }
    }
    // 8 reports × (25 or 23 rows × 7 + 15), less the few empty cells.
    assert!(checked > 1500, "only {checked} cells checked");
}
