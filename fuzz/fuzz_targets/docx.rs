//! Fuzz target: any bytes as a .docx give text or a message, never a panic
//! or a hang. Bytes that are not a zip archive are put into one as
//! `word/document.xml`, so that the XML reading is fuzzed past the
//! compression; the text has one place for each of its lines.

#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let owned;
    let bytes = if data.starts_with(b"PK") {
        data
    } else {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        if zip.start_file("word/document.xml", options).is_err() || zip.write_all(data).is_err() {
            return;
        }
        let Ok(cursor) = zip.finish() else { return };
        owned = cursor.into_inner();
        &owned
    };
    if let Ok(doc) = nianbao_document::read(bytes) {
        assert_eq!(doc.text.lines().count(), doc.places.len());
    }
});
