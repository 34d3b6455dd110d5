//! The committed document fixtures (`tests/fixtures/documents`, made by
//! its `make.py`): each seed's .docx, its tables laid out with the official
//! template's merged cells, and its PDF in the non-embedded CID font
//! STSong-Light (UniGB-UCS2-H, no ToUnicode) and as LibreOffice exports the
//! .docx (embedded subset fonts with ToUnicode maps), read to the same
//! tables and findings as the seed's text, as does a 20-page LibreOffice
//! PDF of one seed with its prose repeated; PDFs encrypted with an empty
//! user password read, one with a password is refused.

use std::path::PathBuf;

use serde_json::Value as Json;

fn dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

fn output(text: &str) -> Json {
    let report = nianbao::check(text);
    serde_json::to_value(nianbao::output::Output::new(&report, text, None)).unwrap()
}

/// Each seed's document of kind `ext`, read: its stem, the document, its
/// output and the seed's; the tables, template and year already compared.
fn read_beside_seeds(ext: &str) -> Vec<(String, nianbao_document::Extracted, Json, Json)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir("seeds")).unwrap() {
        let seed = entry.unwrap().path();
        let stem = seed.file_stem().unwrap().to_string_lossy().to_string();
        let path = dir("documents").join(format!("{stem}.{ext}"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let doc = nianbao_document::read(&bytes).unwrap();
        let want = output(&std::fs::read_to_string(&seed).unwrap());
        let got = output(&doc.text);
        assert_eq!(got["tables"], want["tables"], "{stem}");
        assert_eq!(got["template"], want["template"], "{stem}");
        assert_eq!(got["meta"]["year"], want["meta"]["year"], "{stem}");
        out.push((stem, doc, got, want));
    }
    out
}

fn codes(out: &Json) -> Vec<String> {
    let mut codes: Vec<String> = out["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{} {}", d["code"], d["message"]))
        .collect();
    codes.sort();
    codes
}

#[test]
fn each_docx_reads_to_the_tables_and_findings_of_its_seed() {
    let mut seen = 0;
    for (stem, doc, got, want) in read_beside_seeds("docx") {
        assert_eq!(
            got["meta"]["published"], want["meta"]["published"],
            "{stem}"
        );
        assert_eq!(got["meta"]["agency"], want["meta"]["agency"], "{stem}");
        assert_eq!(codes(&got), codes(&want), "{stem}");
        // （七）总计 is in the same table as 一、本年新收, 21 rows (2019) or
        // 23 (2021) below it: merged rows are counted, not skipped.
        let row_of = |prefix: &str| {
            let at = doc
                .text
                .lines()
                .position(|l| l.starts_with(prefix))
                .unwrap();
            match doc.places[at] {
                nianbao_document::Place::TableRow { table, row } => (table, row),
                other => panic!("{stem}: {prefix} in {other:?}"),
            }
        };
        let (table, first) = row_of("一、本年新收");
        let (total_table, total) = row_of("（七）总计");
        assert_eq!(table, total_table, "{stem}");
        let rows = if want["template"] == "2021" { 23 } else { 21 };
        assert_eq!(total - first, rows, "{stem}");
        seen += 1;
    }
    assert_eq!(seen, 5);
}

#[test]
fn each_cid_pdf_reads_to_the_tables_and_findings_of_its_seed() {
    let mut seen = 0;
    for (stem, doc, got, want) in read_beside_seeds("pdf") {
        assert_eq!(codes(&got), codes(&want), "{stem}");
        // The page numbers (- N -) are gone, every page is counted.
        assert!(!doc.text.lines().any(|l| l.starts_with("- ")), "{stem}");
        let pages = doc.places.iter().map(|p| match p {
            nianbao_document::Place::Pdf { page, .. } => *page,
            other => panic!("{other:?}"),
        });
        assert_eq!(pages.max(), Some(doc.units), "{stem}");
        seen += 1;
    }
    assert_eq!(seen, 5);
}

/// Every line of a PDF has its page, the last page has lines, no glyph
/// is undecoded and no page number is left.
fn pdf_pages(stem: &str, doc: &nianbao_document::Extracted) {
    assert!(!doc.text.contains('\u{FFFD}'), "{stem}");
    assert!(
        !doc.text
            .lines()
            .any(|l| l.starts_with("- ") && l.ends_with(" -")),
        "{stem}"
    );
    let pages = doc.places.iter().map(|p| match p {
        nianbao_document::Place::Pdf { page, .. } => *page,
        other => panic!("{other:?}"),
    });
    assert_eq!(pages.max(), Some(doc.units), "{stem}");
}

#[test]
fn each_libreoffice_pdf_reads_to_the_tables_and_findings_of_its_seed() {
    let mut seen = 0;
    for (stem, doc, got, want) in read_beside_seeds("lo.pdf") {
        assert_eq!(codes(&got), codes(&want), "{stem}");
        assert_eq!(
            got["meta"]["published"], want["meta"]["published"],
            "{stem}"
        );
        pdf_pages(&stem, &doc);
        // Seed 003 opens with a portal's metadata table without borders,
        // whose cells LibreOffice wraps (当前位置…年度 / 报告, 2021年度政府信息
        // / 公开工作报告): the lone 报告 is no title, nor is the wrapped
        // field, and the title below them names the agency.
        assert_eq!(got["meta"]["agency"], want["meta"]["agency"], "{stem}");
        seen += 1;
    }
    assert_eq!(seen, 5);
}

#[test]
fn a_long_libreoffice_pdf_reads_to_the_tables_and_findings_of_its_seed() {
    let seeds = std::fs::read_dir(dir("seeds")).unwrap();
    let seed = seeds
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("002_"))
        .unwrap();
    let bytes = std::fs::read(dir("documents").join("long.lo.pdf")).unwrap();
    let doc = nianbao_document::read(&bytes).unwrap();
    assert_eq!(doc.units, 20);
    pdf_pages("long", &doc);
    let want = output(&std::fs::read_to_string(&seed).unwrap());
    let got = output(&doc.text);
    assert_eq!(got["tables"], want["tables"]);
    assert_eq!(got["template"], want["template"]);
    assert_eq!(got["meta"], want["meta"]);
    assert_eq!(codes(&got), codes(&want));
}

#[test]
fn encrypted_pdfs_read_with_the_empty_password_or_are_refused() {
    for name in [
        "no-copy-rc4-40.pdf",
        "no-copy-rc4.pdf",
        "no-copy-aes256.pdf",
    ] {
        let bytes = std::fs::read(dir("documents").join(name)).unwrap();
        let doc = nianbao_document::read(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(doc.text, "Total\t98\n", "{name}");
    }
    let bytes = std::fs::read(dir("documents").join("password.pdf")).unwrap();
    let err = nianbao_document::read(&bytes).unwrap_err();
    assert_eq!(err, nianbao_document::Error::Password);
    assert!(err.to_string().contains("密码"), "{err}");
}
