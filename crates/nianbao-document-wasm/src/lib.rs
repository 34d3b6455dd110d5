//! The JavaScript binding of nianbao-document for the page: `read_document`
//! turns the bytes of a .pdf or .docx into the text the core checks and the
//! place of each of its lines, as the CLI opens a file. A module of its own,
//! apart from the core's, so the text path downloads none of it.

use nianbao_document::Place;
use serde_json::{json, Map, Value};
use wasm_bindgen::prelude::*;

/// The TypeScript type of what `read_document` returns.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A document's text, what it is, and the place of each of its lines. */
export interface Document {
  /** `PDF` or `DOCX`, as the CLI's JSON says in `encoding`. */
  kind: "PDF" | "DOCX";
  /** The text the core checks: a line a text line or table row, cells tab-separated. */
  text: string;
  /** `places[i]`: where line `i + 1` came from, as the CLI adds it to a finding. */
  places: Place[];
}
/** `page`, `page_line` (PDF), or `paragraph`, or `table`, `table_row` (DOCX), and `place` in words. */
export type Place = Record<string, number | string>;
"#;

/// Reads the bytes of a file named with `extension` (without the dot;
/// empty when it has none) as the CLI does: a document by its first bytes
/// or its name gives the JSON of a `Document`, one that cannot be read
/// throws why (in Chinese, the CLI's words), and anything else gives
/// `undefined`, to be read as text.
#[wasm_bindgen(unchecked_return_type = "string | undefined")]
pub fn read_document(bytes: &[u8], extension: &str) -> Result<Option<String>, String> {
    let extension = Some(extension).filter(|e| !e.is_empty());
    let Some(opened) = nianbao_document::open(bytes, extension) else {
        return Ok(None);
    };
    let document = opened.map_err(|e| e.to_string())?;
    let kind = match nianbao_document::sniff(bytes) {
        Some(nianbao_document::Kind::Docx) => "DOCX",
        _ => "PDF",
    };
    let places: Vec<Value> = document.places.iter().map(place).collect();
    let value = json!({ "kind": kind, "text": document.text, "places": places });
    Ok(Some(value.to_string()))
}

/// A place's keys, in the order the CLI adds them to a finding.
fn place(place: &Place) -> Value {
    let mut object: Map<String, Value> = place
        .fields()
        .into_iter()
        .map(|(key, number)| (key.to_string(), number.into()))
        .collect();
    object.insert("place".into(), place.to_string().into());
    Value::Object(object)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!(
            "{}/../../tests/fixtures/documents/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(path).unwrap()
    }

    #[test]
    fn a_pdf_gives_its_text_and_a_place_a_line() {
        let json = read_document(&fixture("003_5ede3548d3d69429.pdf"), "pdf")
            .unwrap()
            .unwrap();
        let document: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(document["kind"], "PDF");
        let lines = document["text"].as_str().unwrap().lines().count();
        let places = document["places"].as_array().unwrap();
        assert_eq!(places.len(), lines);
        let keys: Vec<_> = places[0].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["page", "page_line", "place"]);
        assert_eq!(places[0]["place"], "第1页第1行");
    }

    #[test]
    fn a_docx_table_row_keeps_the_cli_order_of_keys() {
        let json = read_document(&fixture("003_5ede3548d3d69429.docx"), "")
            .unwrap()
            .unwrap();
        let document: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(document["kind"], "DOCX");
        let row = document["places"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p.get("table").is_some());
        let keys: Vec<_> = row.unwrap().as_object().unwrap().keys().collect();
        assert_eq!(keys, ["table", "table_row", "place"]);
    }

    #[test]
    fn what_cannot_be_read_says_why_and_text_is_no_document() {
        let why = read_document(&fixture("password.pdf"), "pdf").unwrap_err();
        assert!(why.contains("密码"), "{why}");
        assert!(read_document(b"PK\x03\x04", "docx")
            .unwrap_err()
            .contains(".docx"));
        assert!(read_document(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "wps")
            .unwrap_err()
            .contains("另存为"));
        assert!(read_document(b"hello", "pdf")
            .unwrap_err()
            .contains("扩展名为 .pdf"));
        assert_eq!(read_document("总计 98".as_bytes(), "txt"), Ok(None));
    }
}
