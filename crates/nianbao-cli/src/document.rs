//! Documents among the inputs: a .pdf or .docx, told by its first bytes
//! whatever its name, is read by `nianbao-document` into the text the core
//! checks, with the place of each line in the document; a finding then
//! says on which page and line (PDF), or in which paragraph or table row
//! (DOCX), it is.

use std::path::Path;

use nianbao_document::Place;

/// The places of the lines of an input's text: empty for plain text.
pub type Places = Vec<Place>;

/// The text of `bytes` and the place of each of its lines when they are a
/// document (PDF, DOCX, or a file of the old binary formats, which gets
/// its message), or come from a file named as one (`path`); `None` for
/// anything else, which is read as text.
pub fn open(bytes: &[u8], path: Option<&Path>) -> Option<Result<(String, Places), String>> {
    let extension = path.and_then(Path::extension).and_then(|e| e.to_str());
    let opened = nianbao_document::open(bytes, extension)?;
    Some(
        opened
            .map(|d| (d.text, d.places))
            .map_err(|e| e.to_string()),
    )
}

/// The place of 1-based line `line`, if the input was a document.
pub fn place(places: &[Place], line: usize) -> Option<Place> {
    places.get(line.checked_sub(1)?).copied()
}

/// Adds to each diagnostic of a JSON report the place of its line in the
/// document: `page` and `page_line` for a PDF, `paragraph` or `table` and
/// `table_row` for a DOCX, and `place` in words (第3页第12行), after its
/// other keys (serde_json keeps the order of keys: `preserve_order`). Only
/// keys are added, none is changed.
pub fn annotate(output: &mut serde_json::Value, places: &[Place]) {
    let Some(diagnostics) = output
        .get_mut("diagnostics")
        .and_then(serde_json::Value::as_array_mut)
    else {
        return;
    };
    for d in diagnostics {
        let line = d.get("line").and_then(serde_json::Value::as_u64);
        let Some(place) = line.and_then(|l| place(places, l as usize)) else {
            continue;
        };
        let Some(object) = d.as_object_mut() else {
            continue;
        };
        for (key, number) in place.fields() {
            object.insert(key.into(), number.into());
        }
        object.insert("place".into(), place.to_string().into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_get_their_page_and_line() {
        let places = [
            Place::Pdf { page: 1, line: 1 },
            Place::Pdf { page: 2, line: 5 },
        ];
        let mut output = serde_json::json!({
            "diagnostics": [{ "line": 2, "code": "T003" }, { "code": "S001", "line": null }]
        });
        annotate(&mut output, &places);
        assert_eq!(output["diagnostics"][0]["page"], 2);
        assert_eq!(output["diagnostics"][0]["page_line"], 5);
        assert_eq!(output["diagnostics"][0]["place"], "第2页第5行");
        assert_eq!(output["diagnostics"][1].get("page"), None);
        // Added after the keys the core wrote, as the page adds them.
        let keys: Vec<_> = output["diagnostics"][0]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        assert_eq!(keys, ["line", "code", "page", "page_line", "place"]);
    }

    #[test]
    fn text_is_not_a_document() {
        assert!(open("总计 98".as_bytes(), None).is_none());
        assert!(open(b"<html>", Some(Path::new("a.htm"))).is_none());
        let legacy = open(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], None);
        assert!(matches!(legacy, Some(Err(why)) if why.contains(".docx")));
        let renamed = open(b"<html>", Some(Path::new("a.PDF")));
        assert!(matches!(renamed, Some(Err(why)) if why.contains("扩展名为 .pdf")));
    }
}
