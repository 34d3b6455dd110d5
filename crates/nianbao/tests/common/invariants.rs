//! What every report keeps, whatever the text: its spans lie inside the
//! input on character boundaries, the output's UTF-16 offsets are those
//! spans counted as JavaScript counts, and no error of a table's
//! arithmetic (T) names a cell read with doubt, or blames an empty one
//! (an error with empty cells holds whatever they hold). Asserted
//! by the property tests (`tests/properties.rs`) and by the fuzz target
//! (`fuzz/fuzz_targets/check.rs`), which both include this file.

use nianbao::{Report, Severity};
use serde_json::Value as Json;

/// Checks `text` and asserts every invariant of its report.
pub fn assert_invariants(text: &str) {
    let report = nianbao::check(text);
    for span in report.spans() {
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "{span:?} outside {} bytes",
            text.len()
        );
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{span:?} splits a character"
        );
    }
    utf16_offsets_are_the_spans(text, &report);
    no_error_rests_on_doubt(&report);
}

/// Every diagnostic's and every cell's `start` and `end` in the output are
/// its span's ends in UTF-16 code units.
fn utf16_offsets_are_the_spans(text: &str, report: &Report) {
    // The UTF-16 offset of each character boundary, counted here.
    let mut utf16 = vec![0; text.len() + 1];
    let mut count = 0;
    for (i, c) in text.char_indices() {
        utf16[i] = count;
        count += c.len_utf16();
    }
    utf16[text.len()] = count;
    let at = |byte: usize| Json::from(utf16[byte]);
    let output = nianbao::output::Output::new(report, text, None);
    let output = serde_json::to_value(&output).expect("the output serialises");
    let diagnostics = output["diagnostics"].as_array().expect("diagnostics");
    for (d, out) in report.diagnostics.iter().zip(diagnostics) {
        if let Some(span) = d.span {
            assert_eq!(
                (&out["start"], &out["end"]),
                (&at(span.start), &at(span.end)),
                "{}",
                d.code
            );
        }
    }
    for table in report.tables.iter() {
        for row in &table.rows {
            for cell in &row.cells {
                let path = table.path(row.key, cell.column);
                if let Some(span) = cell.span {
                    let out = &output["cells"][&path];
                    assert_eq!(
                        (&out["start"], &out["end"]),
                        (&at(span.start), &at(span.end)),
                        "{path}"
                    );
                }
            }
        }
    }
}

/// No error of a table's arithmetic names a cell read with doubt, or
/// blames a cell left empty. T006 alone names doubtful cells: it says a
/// table is wrong whichever of the readings is right, and the cells it
/// names are doubtful because the readings differ on them.
fn no_error_rests_on_doubt(report: &Report) {
    let arithmetic = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && d.code.starts_with('T'));
    for d in arithmetic {
        let doubt_said = d.code == "T006";
        for table in report.tables.iter() {
            for row in &table.rows {
                for cell in &row.cells {
                    let path = table.path(row.key, cell.column);
                    let named = d.cells.contains(&path);
                    let blamed = d.suspects.contains(&path);
                    assert!(
                        (!named || !cell.doubtful || doubt_said)
                            && (!blamed || cell.value.is_some()),
                        "{} rests on {}.{}: {cell:?}",
                        d.code,
                        row.key,
                        cell.column
                    );
                }
            }
        }
    }
}
