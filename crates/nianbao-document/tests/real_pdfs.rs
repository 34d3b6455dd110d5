//! The WPS originals of real reports 009–011 (`../shared/real-reports`,
//! beside the clone, as CI lays it) read to their hand-checked tables
//! (`NNN.truth.json`, cells marked uncertain aside), the table errors the
//! published 010 contains are found, and each finding knows its page.

use std::path::PathBuf;
use std::time::Instant;

use serde_json::Value as Json;

fn shared() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/real-reports");
    assert!(
        dir.join("010.pdf").exists(),
        "{} must hold the real reports (shared/ beside the clone)",
        dir.display()
    );
    dir
}

/// The core's JSON output for the PDF `id`, with the extracted document.
fn check(id: &str) -> (Json, nianbao_document::Extracted) {
    let bytes = std::fs::read(shared().join(format!("{id}.pdf"))).unwrap();
    let doc = nianbao_document::read(&bytes).unwrap();
    let report = nianbao::check(&doc.text);
    let out = nianbao::output::Output::new(&report, &doc.text, None);
    (serde_json::to_value(out).unwrap(), doc)
}

fn truth(id: &str) -> Json {
    let path = shared().join(format!("{id}.truth.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_three_pdfs_read_to_their_truth() {
    let mut wrong = Vec::new();
    let mut cells = 0;
    for id in ["009", "010", "011"] {
        let (out, doc) = check(id);
        let truth = truth(id);
        assert_eq!(out["meta"]["agency"], truth["agency"], "{id}");
        assert_eq!(out["meta"]["year"], truth["year"], "{id}");
        let uncertain: Vec<&str> = truth["uncertain"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Json::as_str)
            .collect();
        for (table, rows) in truth["tables"].as_object().unwrap() {
            for (row, columns) in rows.as_object().unwrap() {
                for (column, want) in columns.as_object().unwrap() {
                    let path = format!("{table}.{row}.{column}");
                    if uncertain.contains(&path.as_str()) {
                        continue;
                    }
                    cells += 1;
                    let got = &out["tables"][table][row][column];
                    if got != want {
                        wrong.push(format!("{id} {path}: {got} != {want}"));
                    }
                }
            }
        }
        // Page footers (- 3 -) are gone, pages are counted.
        assert!(!doc.text.lines().any(|l| l.trim() == "- 3 -"), "{id}");
        assert_eq!(doc.units, if id == "009" { 6 } else { 5 }, "{id}");
    }
    assert!(cells > 250, "{cells}");
    assert!(
        wrong.is_empty(),
        "{} of {cells} cells differ: {wrong:#?}",
        wrong.len()
    );
}

#[test]
fn the_two_table_errors_of_010_are_found_on_page_4() {
    let (out, doc) = check("010");
    let errors: Vec<&Json> = out["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    for group in ["appeals.review", "appeals.litigation_after_review"] {
        let d = errors
            .iter()
            .find(|d| d["cells"][0] == format!("{group}.total"))
            .unwrap_or_else(|| panic!("no error on {group}: {errors:#?}"));
        // The row of numbers under the appeals table, on page 4 of the PDF.
        let line = d["line"].as_u64().unwrap() as usize;
        let place = doc.place(line).unwrap();
        assert!(
            matches!(place, nianbao_document::Place::Pdf { page: 4, .. }),
            "{place:?}"
        );
    }
    assert_eq!(errors.len(), 2, "{errors:#?}");
    // The header of table 三, its labels wrapped in narrow ruled cells,
    // parted by the rules: 自然人, 商业企业, 科研机构, 社会公益组织 and
    // 法律服务机构 begin on one line, a cell each.
    assert!(
        doc.text.contains("自然人\t社会\t法律\t总计\n商业\t科研\n"),
        "{}",
        doc.text
    );
}

#[test]
fn a_page_reads_in_milliseconds() {
    let bytes = std::fs::read(shared().join("009.pdf")).unwrap();
    let start = Instant::now();
    let doc = nianbao_document::read(&bytes).unwrap();
    let elapsed = start.elapsed();
    // A guard against a blow-up, loose for debug builds on a busy machine:
    // release builds read the six pages in a few milliseconds.
    assert!(elapsed.as_millis() < 3000, "{elapsed:?}");
    assert!(doc.text.contains("淮安市人民政府"));
}
