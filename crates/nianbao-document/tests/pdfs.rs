//! PDFs written here object by object: fonts the reader must decode (a
//! non-embedded STSong-Light through UniGB-UCS2-H, GBK-EUC-H, a simple
//! font, Identity-V), and what cannot be read: a scan, a password, a
//! broken file, and hostile ones (a cyclic page tree, a stream claiming
//! 1 GB, deep nesting, 10^5 objects), each ending in a message, in time.

mod common;

use common::within;
use std::time::Duration;

use nianbao_document::{read, Error, Place};

/// A PDF of the given objects (numbered from 1; object 1 the catalog),
/// with a correct cross-reference table.
fn pdf(objects: &[String]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(content: &str) -> String {
    format!(
        "<< /Length {} >>\nstream\n{content}\nendstream",
        content.len()
    )
}

/// A one-page PDF showing `content` with font `/F1`, object 5.
fn page(font: &str, content: &str) -> Vec<u8> {
    pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".into(),
        stream(content),
        font.into(),
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 >>".into(),
    ])
}

const HELVETICA: &str =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

fn cjk(encoding: &str) -> String {
    format!("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /{encoding} /DescendantFonts [6 0 R] >>")
}

fn text(bytes: &[u8]) -> String {
    read(bytes).unwrap().text
}

#[test]
fn a_simple_font_gives_lines_words_and_cells() {
    let doc = read(&page(
        HELVETICA,
        "BT /F1 12 Tf 72 700 Td (Total) Tj 200 0 Td (98) Tj ET BT /F1 12 Tf 72 680 Td (a b) Tj ET",
    ))
    .unwrap();
    assert_eq!(doc.text, "Total\t98\na b\n");
    assert_eq!(doc.places[1], Place::Pdf { page: 1, line: 2 });
}

#[test]
fn a_ruling_line_parts_cells_that_stand_close() {
    // 总 and 计 two points apart: one word, unless a stroked rule stands
    // between them; a shaded rectangle behind them is no rule.
    let show = "BT /F1 12 Tf 72 700 Td <603B> Tj 14 0 Td <8BA1> Tj ET";
    let shaded = format!("0.9 g 60 690 100 20 re f 0 g {show}");
    assert_eq!(text(&page(&cjk("UniGB-UCS2-H"), &shaded)), "总计\n");
    let ruled = format!("0.5 w 85 690 m 85 720 l S {show}");
    assert_eq!(text(&page(&cjk("UniGB-UCS2-H"), &ruled)), "总\t计\n");
    let boxed = format!("72 690 13 25 re S {show}");
    assert_eq!(text(&page(&cjk("UniGB-UCS2-H"), &boxed)), "总\t计\n");
}

#[test]
fn cid_fonts_without_tounicode_through_the_adobe_gb1_cmaps() {
    // 总计 98 in UCS-2 (UniGB-UCS2-H) and in GBK (GBK-EUC-H).
    let ucs2 = page(
        &cjk("UniGB-UCS2-H"),
        r"BT /F1 12 Tf 72 700 Td <603B8BA100200039> Tj (\0008) Tj ET",
    );
    assert_eq!(text(&ucs2), "总计 98\n");
    let gbk = page(
        &cjk("GBK-EUC-H"),
        "BT /F1 12 Tf 72 700 Td <D7DCBCC6> Tj 100 0 Td (98) Tj ET",
    );
    assert_eq!(text(&gbk), "总计\t98\n");
}

#[test]
fn identity_v_writes_down_one_character_a_line() {
    let map = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n2 beginbfchar\n<0001> <4E09>\n<0002> <7ED3>\nendbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend";
    let bytes = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".into(),
        stream("BT /F1 12 Tf 72 700 Td <00010002> Tj ET"),
        "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-V /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>".into(),
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>".into(),
        stream(map),
    ]);
    assert_eq!(text(&bytes), "三\n结\n");
}

#[test]
fn a_tounicode_map_on_one_line_is_read_too() {
    // lopdf's CMap parser wants the usual line breaks and header; this map
    // has neither, and is read by the reader's own tolerant one.
    let map = "begincmap 2 beginbfchar <0001> <603B> <0002> <8BA1> endbfchar 1 beginbfrange <0010> <0019> <0030> endbfrange endcmap";
    let bytes = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".into(),
        stream("BT /F1 12 Tf 72 700 Td <00010002> Tj 100 0 Td <00190018> Tj ET"),
        "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>".into(),
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>".into(),
        stream(map),
    ]);
    assert_eq!(text(&bytes), "总计\t98\n");
}

#[test]
fn a_page_with_no_text_is_a_scan() {
    let scan = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>".into(),
        stream("q 595 0 0 842 0 0 cm /Im1 Do Q"),
        "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\0\nendstream".into(),
    ]);
    let err = read(&scan).unwrap_err();
    assert_eq!(err, Error::Scanned);
    assert!(err.to_string().contains("OCR"), "{err}");
}

#[test]
fn identity_h_without_a_map_says_the_text_cannot_be_had() {
    let bytes = page(
        &cjk("Identity-H"),
        "BT /F1 12 Tf 72 700 Td <0101020203030404> Tj ET",
    );
    assert_eq!(read(&bytes).unwrap_err(), Error::NoUnicode);
}

#[test]
fn broken_files_say_they_are_broken() {
    for bytes in [
        b"%PDF-1.7\n".to_vec(),
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF".to_vec(),
        b"%PDF-\xFF\xFF\xFF\xFF garbage".to_vec(),
    ] {
        let err = read(&bytes).unwrap_err();
        assert!(matches!(err, Error::Corrupt(_)), "{err:?}");
        assert!(err.to_string().starts_with("文件已损坏"), "{err}");
    }
}

#[test]
fn a_wrong_xref_offset_is_repaired() {
    let mut bytes = page(HELVETICA, "BT /F1 12 Tf 72 700 Td (Total 98) Tj ET");
    let at = bytes.windows(9).rposition(|w| w == b"startxref").unwrap() + 10;
    bytes[at] = b'9';
    bytes[at + 1] = b'9';
    assert_eq!(text(&bytes), "Total 98\n");
}

#[test]
fn a_cyclic_page_tree_ends() {
    let bytes = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>".into(),
        "<< /Type /Pages /Kids [2 0 R] /Count 1 >>".into(),
    ]);
    let err = within(Duration::from_secs(2), || read(&bytes).unwrap_err());
    assert!(matches!(err, Error::Corrupt(_)), "{err:?}");
}

#[test]
fn a_stream_claiming_a_gigabyte_is_read_as_it_is() {
    let content = "BT /F1 12 Tf 72 700 Td (Total 98) Tj ET";
    let mut bytes = page(HELVETICA, content);
    let length = format!("/Length {}", content.len());
    let at = bytes
        .windows(length.len())
        .position(|w| w == length.as_bytes())
        .unwrap();
    bytes.splice(at..at + length.len(), b"/Length 1000000000".iter().copied());
    let result = within(Duration::from_secs(2), || read(&bytes));
    // Either the stream is found by its `endstream` or the page is empty.
    assert!(
        matches!(&result, Ok(doc) if doc.text == "Total 98\n") || result.is_err(),
        "{result:?}"
    );
}

#[test]
fn a_deflate_bomb_in_a_page_is_refused() {
    // 40 MB of spaces deflated to a few dozen kilobytes: past the reader's bound.
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..40 {
        z.write_all(&chunk).unwrap();
    }
    let data = z.finish().unwrap();
    let mut bytes = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".into(),
        format!(
            "<< /Length {} /Filter /FlateDecode >>\nstream\nDATA\nendstream",
            data.len()
        ),
    ]);
    let at = bytes.windows(4).position(|w| w == b"DATA").unwrap();
    bytes.splice(at..at + 4, data);
    let err = within(Duration::from_secs(5), || read(&bytes).unwrap_err());
    assert!(matches!(err, Error::Corrupt(_)), "{err:?}");
}

#[test]
fn deep_nesting_and_many_objects_end_in_time() {
    let deep = format!(
        "<< /Type /Catalog /Pages 2 0 R /X {}{} >>",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let bytes = pdf(&[
        deep,
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".into(),
        stream(&format!("{}BT /F1 12 Tf 72 700 Td (deep) Tj ET{}", "q ".repeat(100_000), " Q".repeat(100_000))),
        HELVETICA.into(),
    ]);
    let result = within(Duration::from_secs(5), || read(&bytes));
    assert!(
        result.is_ok() || matches!(result, Err(Error::Corrupt(_))),
        "{result:?}"
    );

    // 10^5 objects, of which one page shows text.
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".into(),
        stream("BT /F1 12 Tf 72 700 Td (many) Tj ET"),
        HELVETICA.into(),
    ];
    objects.extend((0..100_000).map(|i| format!("<< /N {i} >>")));
    let bytes = pdf(&objects);
    let doc = within(Duration::from_secs(10), || read(&bytes).unwrap());
    assert_eq!(doc.text, "many\n");
}
