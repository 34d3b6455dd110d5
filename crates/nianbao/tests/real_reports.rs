//! The six real reports of `tests/fixtures/real` read to their hand-checked
//! tables (`NNN.truth.json`), cells marked uncertain there aside, and the
//! table errors the published reports contain are found.

mod common;

use serde_json::Value as Json;

fn reports() -> Vec<(String, String, Json)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(common::fixture("real")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if let Some(id) = name.strip_suffix(".truth.json") {
            let truth: Json =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let text_path = ["txt", "md"]
                .iter()
                .map(|e| common::fixture(&format!("real/{id}.{e}")))
                .find(|p| p.exists())
                .unwrap();
            out.push((
                id.to_string(),
                std::fs::read_to_string(text_path).unwrap(),
                truth,
            ));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(out.len(), 6);
    out
}

fn output(text: &str) -> Json {
    let report = nianbao::check(text);
    serde_json::to_value(nianbao::output::Output::new(&report, text, None)).unwrap()
}

#[test]
fn tables_match_the_hand_checked_truth() {
    let mut mismatches = Vec::new();
    for (id, text, truth) in reports() {
        let out = output(&text);
        let uncertain: Vec<&str> = truth["uncertain"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        for (table, rows) in truth["tables"].as_object().unwrap() {
            for (row, cells) in rows.as_object().unwrap() {
                for (column, expected) in cells.as_object().unwrap() {
                    let path = format!("{table}.{row}.{column}");
                    if uncertain.contains(&path.as_str()) {
                        continue;
                    }
                    let got = &out["tables"][table][row][column];
                    if got.as_f64() != expected.as_f64() {
                        mismatches.push(format!("{id} {path}: expected {expected}, read {got}"));
                    }
                }
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} cells differ:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn template_and_year_match() {
    for (id, text, truth) in reports() {
        let out = output(&text);
        assert_eq!(out["template"], truth["template"], "{id} template");
        assert_eq!(out["meta"]["year"], truth["year"], "{id} year");
    }
}

#[test]
fn the_reports_own_table_errors_are_found() {
    for (id, text, truth) in reports() {
        let out = output(&text);
        let errors: Vec<&Json> = out["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["severity"] == "error")
            .collect();
        let expected: Vec<&str> = truth["report_errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e.as_str().unwrap())
            .filter(|e| !e.starts_with("narrative"))
            .collect();
        for e in &expected {
            // "appeals.review: sum 11 != total 0" names the group whose total is wrong.
            let group = e.split(':').next().unwrap();
            let cell = format!("{group}.total");
            assert!(
                errors.iter().any(|d| d["cells"][0] == cell.as_str()),
                "{id}: no error on {cell}; errors: {errors:#?}"
            );
        }
        assert_eq!(
            errors.len(),
            expected.len(),
            "{id}: unexpected errors {errors:#?}"
        );
    }
}
