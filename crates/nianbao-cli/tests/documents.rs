//! `nianbao check` on documents: PDFs and .docx files named or found in a
//! directory are read by their bytes, each finding says where in the
//! document it is, and what cannot be read (.doc, a password, a scan, a
//! broken file) gets a line of its own saying why, the run going on.

#[path = "../../nianbao/tests/common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

fn nianbao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .output()
        .unwrap()
}

/// The JSON objects `nianbao` printed, one a line.
fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    common::json_lines(&out.stdout)
}

#[test]
fn a_real_pdf_gives_its_errors_with_page_and_line() {
    let pdf =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/real-reports/010.pdf");
    assert!(pdf.exists(), "{} (shared/ beside the clone)", pdf.display());
    let out = nianbao(&["check", "--format", "json", pdf.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "010 has two table errors");
    let report = &json_lines(&out)[0];
    assert_eq!(report["meta"]["agency"], "淮安市洪泽区人民政府");
    assert_eq!(report["tables"]["requests"]["total"]["total"], 21);
    let errors: Vec<_> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 2);
    for e in errors {
        // The appeals table's row of numbers is on page 4.
        assert_eq!(e["page"], 4, "{e}");
        assert!(e["page_line"].as_u64().unwrap() > 0, "{e}");
        assert!(e["place"].as_str().unwrap().starts_with("第4页第"), "{e}");
        // The contract's keys are all still there.
        for key in [
            "code", "severity", "message", "cells", "line", "column", "start", "end",
        ] {
            assert!(e.get(key).is_some(), "{key} missing in {e}");
        }
    }
    let text = nianbao(&["check", pdf.to_str().unwrap()]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("  = 位置: 第4页第"), "{text}");
}

#[test]
fn a_directory_of_documents_gives_a_line_for_each() {
    let dir = std::env::temp_dir().join(format!("nianbao-documents-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let docx = fixture("documents/004_49603480a1e8c436.docx");
    std::fs::copy(&docx, dir.join("a.docx")).unwrap();
    std::fs::copy(fixture("documents/password.pdf"), dir.join("b.pdf")).unwrap();
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(512, 0);
    // Saved as .docx by name, but a .doc inside.
    std::fs::write(dir.join("c.docx"), &ole).unwrap();
    std::fs::write(dir.join("d.pdf"), b"%PDF-1.7\nnot really").unwrap();
    std::fs::write(dir.join("e.doc"), &ole).unwrap();

    let out = nianbao(&["check", "--format", "json", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "unreadable files");
    let lines = json_lines(&out);
    let names: Vec<&str> = lines
        .iter()
        .map(|l| l["file"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    // .doc is not searched for; named, it is read and told to be saved again.
    assert_eq!(names, ["a.docx", "b.pdf", "c.docx", "d.pdf"]);
    // Seed 004 says 1 + 1 = 2 new requests (one cell a line there).
    assert_eq!(lines[0]["tables"]["requests"]["new_received"]["total"], 2);
    let error = lines[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["severity"] == "error")
        .unwrap();
    assert!(error["table"].as_u64().is_some(), "{error}");
    assert!(
        error["place"].as_str().unwrap().contains("个表格第"),
        "{error}"
    );
    assert!(
        lines[1]["error"].as_str().unwrap().contains("密码"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2]["error"]
            .as_str()
            .unwrap()
            .contains("另存为 .docx 或 PDF"),
        "{}",
        lines[2]
    );
    assert!(
        lines[3]["error"].as_str().unwrap().contains("损坏"),
        "{}",
        lines[3]
    );

    let doc = nianbao(&["check", dir.join("e.doc").to_str().unwrap()]);
    assert_eq!(doc.status.code(), Some(2));
    let err = String::from_utf8(doc.stderr).unwrap();
    assert!(
        err.contains("e.doc: 这是旧版 Office/WPS 二进制文件"),
        "{err}"
    );

    let csv = nianbao(&["check", "--format", "csv", docx.to_str().unwrap()]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.lines().nth(1).unwrap().contains("T00"), "{csv}");
    std::fs::remove_dir_all(&dir).unwrap();
}
