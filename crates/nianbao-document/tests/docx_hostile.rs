//! Hostile .docx files end in a message or in text, in time: a zip bomb
//! (the body inflating past its bound), tables nested 10^5 deep, 10^5
//! paragraphs, a body that is not XML, an archive without a body.

mod common;

use common::within;
use std::io::Write;
use std::time::Duration;

use nianbao_document::{read, Error};

/// A .docx whose `word/document.xml` is `body`, deflated.
fn docx(body: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(body).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_zip_bomb_stops_at_the_bound() {
    // 80 MB of one paragraph, deflated to well under a megabyte.
    let mut body = b"<w:document><w:body><w:p><w:r><w:t>".to_vec();
    body.resize(80 << 20, b'x');
    let bytes = docx(&body);
    assert!(bytes.len() < 1 << 20, "{}", bytes.len());
    let err = within(Duration::from_secs(10), || read(&bytes).unwrap_err());
    assert!(
        matches!(&err, Error::Corrupt(why) if why.contains("64 MB")),
        "{err:?}"
    );
}

#[test]
fn deep_tables_and_many_paragraphs_end_in_time() {
    let n = 100_000;
    let mut body = String::from("<w:document><w:body>");
    for _ in 0..n {
        body.push_str("<w:tbl><w:tr><w:tc>");
    }
    body.push_str("<w:p><w:r><w:t>深处</w:t></w:r></w:p>");
    for _ in 0..n {
        body.push_str("</w:tc></w:tr></w:tbl>");
    }
    body.push_str("</w:body></w:document>");
    let doc = within(Duration::from_secs(10), || {
        read(&docx(body.as_bytes())).unwrap()
    });
    assert_eq!(doc.text, "深处\n");

    let mut body = String::from("<w:document><w:body>");
    for i in 0..n {
        body.push_str(&format!("<w:p><w:r><w:t>{i}</w:t></w:r></w:p>"));
    }
    body.push_str("</w:body></w:document>");
    let doc = within(Duration::from_secs(10), || {
        read(&docx(body.as_bytes())).unwrap()
    });
    assert_eq!(doc.places.len(), n);
    assert_eq!(doc.text.lines().last(), Some("99999"));
}

#[test]
fn what_is_not_a_body_says_so() {
    for bytes in [
        docx(b"\xFF\xFE not UTF-8"),
        docx(b"<w:document><w:body><w:p><w:r><w:t a=\"unclosed></w:t>"),
    ] {
        let err = read(&bytes).unwrap_err();
        assert!(matches!(err, Error::Corrupt(_)), "{err:?}");
    }
    // A zip without a Word body is another kind of file.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"<workbook/>").unwrap();
    let xlsx = zip.finish().unwrap().into_inner();
    assert_eq!(read(&xlsx).unwrap_err(), Error::NotWord);
}
