//! Fuzz target: any bytes, as a PDF (a header is put in front of bytes that
//! have none), give text or a message, never a panic or a hang; the text
//! has one place for each of its lines, and the core reads it.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let head = &data[..data.len().min(1024)];
    let owned;
    let bytes = if head.windows(5).any(|w| w == b"%PDF-") {
        data
    } else {
        owned = [b"%PDF-1.7\n".as_slice(), data].concat();
        &owned
    };
    if let Ok(doc) = nianbao_document::read(bytes) {
        assert_eq!(doc.text.lines().count(), doc.places.len());
        nianbao::check(&doc.text);
    }
});
