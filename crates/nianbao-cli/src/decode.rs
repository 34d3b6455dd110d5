//! Bytes of a file to text: UTF-8 or UTF-16 by their BOM, UTF-8 when valid,
//! else the encoding that makes sense of the bytes, tried in turn: the one
//! an HTML page declares, GB18030 (which covers GBK and GB2312), Big5 and
//! Shift_JIS. The first in which the text makes sense is taken, so a
//! declaration is trusted only when it does: portals save GBK pages
//! declaring `iso-8859-1` or `x-user-defined`, and Big5 text is valid
//! GB18030 as often as not.

use std::sync::OnceLock;

use encoding_rs::{DecoderResult, Encoding, BIG5, GB18030, GBK, SHIFT_JIS, UTF_8};

/// Below this many characters beyond ASCII there is no telling encodings
/// apart by sense: the first valid one is taken.
const EVIDENCE: usize = 20;
/// How many characters beyond ASCII are judged, from the start.
const SAMPLE: usize = 20_000;
/// A reading in which this share of the characters makes sense is taken
/// without trying the encodings after it.
const TRUSTED: f64 = 0.9;
/// Text in which less than this share makes sense is nonsense.
const SENSE: f64 = 0.5;

/// The decoded text and the name of the encoding used; or, when the bytes
/// are valid in no encoding tried, or make no sense in any, why (with the
/// byte offset of the fault in each).
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), String> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return strict(encoding, &bytes[bom..])
            .map(|text| (text, encoding.name()))
            .ok_or_else(|| {
                format!(
                    "invalid {} after its byte order mark ({})",
                    encoding.name(),
                    fault(encoding, &bytes[bom..], bom)
                )
            });
    }
    // UTF-8 checked with SIMD by simdutf8's flavour that, like the
    // standard library's, stops at the first fault and says where it is.
    let utf8 = match simdutf8::compat::from_utf8(bytes) {
        Ok(text) => return Ok((text.to_string(), UTF_8.name())),
        Err(e) => match e.error_len() {
            Some(_) => format!("invalid byte at {}", e.valid_up_to()),
            None => format!("truncated at the end, byte {}", e.valid_up_to()),
        },
    };
    let declared = declared(bytes).filter(|&e| e != UTF_8);
    let mut tried: Vec<&'static Encoding> = declared.into_iter().collect();
    for encoding in [GB18030, BIG5, SHIFT_JIS] {
        // GBK is read by GB18030's decoder: one trial for both.
        let same = |e: &&Encoding| *e == encoding || (*e == GBK && encoding == GB18030);
        if !tried.iter().any(same) {
            tried.push(encoding);
        }
    }
    // Each valid reading with how much sense it makes, in turn.
    let mut readings = Vec::new();
    for encoding in tried {
        if let Some(text) = strict(encoding, bytes) {
            let sense = sense(&text, encoding);
            if sense.share >= TRUSTED {
                return Ok((text, encoding.name()));
            }
            readings.push((sense, text, encoding));
        }
    }
    let best = readings
        .iter()
        .enumerate()
        .max_by(|(i, a), (j, b)| a.0.share.total_cmp(&b.0.share).then(j.cmp(i)))
        .map(|(i, _)| i);
    let Some(best) = best else {
        return Err(format!(
            "neither UTF-8 ({utf8}) nor GB18030 ({}) nor UTF-16 (no byte order mark)",
            fault(GB18030, bytes, 0)
        ));
    };
    if readings[best].0.judged >= EVIDENCE && readings[best].0.share < SENSE {
        let shares: Vec<String> = readings
            .iter()
            .map(|(s, _, e)| format!("{} {:.0}%", e.name(), s.share * 100.0))
            .collect();
        return Err(format!(
            "no encoding makes sense of it (characters beyond ASCII that are common: {})",
            shares.join(", ")
        ));
    }
    let (_, text, encoding) = readings.swap_remove(best);
    Ok((text, encoding.name()))
}

/// How much sense a decoded text makes.
#[derive(Debug, Clone, Copy)]
struct Sense {
    /// Characters beyond ASCII judged.
    judged: usize,
    /// The share of them that are common in text: common Han characters,
    /// CJK and general punctuation, Latin letters within words, and kana
    /// read as Shift_JIS (GB2312 and Big5 give kana to bytes that are Han
    /// characters in the other).
    share: f64,
}

fn sense(text: &str, encoding: &'static Encoding) -> Sense {
    let mut judged = 0;
    let mut common = 0;
    let mut prev = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        if !c.is_ascii() {
            judged += 1;
            let yes = match c {
                '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF5E}' | '\u{2010}'..='\u{2027}' => true,
                '\u{3040}'..='\u{30FF}' => encoding == SHIFT_JIS,
                '\u{C0}'..='\u{FF}' if c != '×' && c != '÷' => {
                    prev.is_ascii_alphabetic() || next.is_ascii_alphabetic()
                }
                '\u{4E00}'..='\u{9FFF}' => is_common_han(c),
                _ => false,
            };
            common += usize::from(yes);
            if judged == SAMPLE {
                break;
            }
        }
        prev = c;
    }
    Sense {
        judged,
        share: if judged == 0 {
            1.0
        } else {
            common as f64 / judged as f64
        },
    }
}

/// Whether `c` is among the common Han characters: GB2312's first level
/// (the 3,755 most used simplified characters) or Big5's (5,401 traditional),
/// that is, whether GB18030 encodes it in rows `B0`–`D7` or Big5 in rows
/// `A4`–`C6`. Looked up in a table of the CJK block, made once.
fn is_common_han(c: char) -> bool {
    static COMMON: OnceLock<Vec<u64>> = OnceLock::new();
    let Some(at) = (c as usize).checked_sub(HAN_FIRST) else {
        return false;
    };
    let common = COMMON.get_or_init(common_han);
    common
        .get(at / 64)
        .is_some_and(|word| word & (1 << (at % 64)) != 0)
}

/// The first character of the CJK Unified Ideographs block.
const HAN_FIRST: usize = 0x4E00;

/// The common Han characters, one bit each from U+4E00 to U+9FFF, found by
/// decoding every code of the two ranges (9,000-odd pairs of bytes): asking
/// the encoders of each character instead costs a search of their tables
/// every time, which was two fifths of an archive's time when GB18030
/// files were scored by it.
fn common_han() -> Vec<u64> {
    let mut bits = vec![0u64; (0xA000 - HAN_FIRST).div_ceil(64)];
    let gb2312 =
        (0xB0..=0xD7).flat_map(|lead| (0xA1..=0xFE).map(move |trail| (GB18030, lead, trail)));
    let big5 = (0xA4..=0xC6).flat_map(|lead| {
        (0x40..=0x7E)
            .chain(0xA1..=0xFE)
            .map(move |trail| (BIG5, lead, trail))
    });
    for (encoding, lead, trail) in gb2312.chain(big5) {
        let code = [lead, trail];
        let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(&code) else {
            continue;
        };
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if let Some(at) = (c as usize)
                .checked_sub(HAN_FIRST)
                .filter(|&at| at < 0xA000 - HAN_FIRST)
            {
                bits[at / 64] |= 1 << (at % 64);
            }
        }
    }
    bits
}

/// Where `bytes` (found at `base` in the file) stop being valid `encoding`.
fn fault(encoding: &'static Encoding, bytes: &[u8], base: usize) -> String {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len()),
    );
    let mut read = 0;
    loop {
        let (result, n) =
            decoder.decode_to_string_without_replacement(&bytes[read..], &mut text, true);
        read += n;
        match result {
            DecoderResult::Malformed(bad, after) => {
                let at = read - usize::from(bad) - usize::from(after);
                return if at + usize::from(bad) >= bytes.len() {
                    format!("truncated at the end, byte {}", base + at)
                } else {
                    format!("invalid byte at {}", base + at)
                };
            }
            DecoderResult::OutputFull => text.reserve(bytes.len() - read + 16),
            DecoderResult::InputEmpty => return "valid".to_string(),
        }
    }
}

/// Decodes without replacement characters: `None` if any byte is invalid.
fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    Some(text.into_owned())
}

/// The charset an HTML page declares in its first kilobytes (`<meta charset="gbk">`).
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &lower[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_each_encoding() {
        assert_eq!(
            decode("总计".as_bytes()).unwrap(),
            ("总计".to_string(), "UTF-8")
        );
        let (gbk, _, _) = GB18030.encode("总计 98");
        assert_eq!(decode(&gbk).unwrap(), ("总计 98".to_string(), "gb18030"));
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("总计".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&utf16).unwrap().0, "总计");
        let mut page = b"<meta charset=\"gbk\">".to_vec();
        page.extend_from_slice(&gbk);
        assert_eq!(decode(&page).unwrap().1, "GBK");
    }

    #[test]
    fn rejects_bytes_valid_in_no_encoding() {
        // A lone GB18030 lead byte at the end: truncated.
        let mut gbk = GB18030.encode("总计").0.into_owned();
        gbk.push(0x81);
        let why = decode(&gbk).unwrap_err();
        assert!(
            why.contains("GB18030 (truncated at the end, byte 4)"),
            "{why}"
        );
        assert!(why.contains("UTF-8 (invalid byte at 0)"), "{why}");
        let why = decode(&[0xFF, 0xFE, 0x00]).unwrap_err();
        assert_eq!(
            why,
            "invalid UTF-16LE after its byte order mark (truncated at the end, byte 2)"
        );
        let why = decode(b"ok \xFF\xFF rest").unwrap_err();
        assert!(why.contains("GB18030 (invalid byte at 3)"), "{why}");
    }

    /// A report in traditional script, and a Japanese text.
    const TRADITIONAL: &str = "大洼區人民政府2021年度政府信息公開工作報告。一、總體情況：我區深入貫徹落實黨中央、國務院相關工作安排，加強政策解讀、擴大公眾參與。";
    const JAPANESE: &str = "日本語のテキストです。これは年次報告書ではありませんが、ひらがなとカタカナと漢字が混ざった普通の文章です。";

    #[test]
    fn big5_and_shift_jis_are_told_from_gb18030_by_sense() {
        let (big5, _, lossy) = BIG5.encode(TRADITIONAL);
        assert!(!lossy);
        // Valid GB18030 too, and nonsense in it.
        assert!(strict(GB18030, &big5).is_some());
        assert!(sense(&strict(GB18030, &big5).unwrap(), GB18030).share < 0.5);
        assert_eq!(decode(&big5).unwrap(), (TRADITIONAL.to_string(), "Big5"));
        let (sjis, _, lossy) = SHIFT_JIS.encode(JAPANESE);
        assert!(!lossy);
        assert_eq!(decode(&sjis).unwrap(), (JAPANESE.to_string(), "Shift_JIS"));
        // The traditional report in GBK is still GBK.
        let (gbk, _, _) = GBK.encode(TRADITIONAL);
        assert_eq!(decode(&gbk).unwrap(), (TRADITIONAL.to_string(), "gb18030"));
    }

    #[test]
    fn a_wrong_declaration_is_found_by_trial() {
        for label in ["iso-8859-1", "us-ascii", "x-user-defined", "windows-1252"] {
            let page = format!("<meta charset=\"{label}\"><p>{TRADITIONAL}</p>");
            let (gbk, _, _) = GBK.encode(&page);
            assert_eq!(decode(&gbk).unwrap(), (page, "gb18030"), "{label}");
        }
        // A declaration that makes sense is kept: Latin text, or a Big5 page.
        let latin = "<meta charset=\"iso-8859-1\"><p>Le r\u{e9}sum\u{e9} du rapport annuel, d\u{e9}j\u{e0} publi\u{e9}.</p>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(latin);
        assert_eq!(decode(&bytes).unwrap(), (latin.to_string(), "windows-1252"));
        let page = format!("<meta charset=big5><p>{TRADITIONAL}</p>");
        let (big5, _, _) = BIG5.encode(&page);
        assert_eq!(decode(&big5).unwrap(), (page, "Big5"));
    }

    #[test]
    fn the_table_of_common_han_is_what_the_encoders_say() {
        // The definition: GB18030 encodes the character in GB2312's first
        // level, or Big5 in its first level.
        let encoded = |encoding: &'static Encoding, c: char| {
            let mut out = [0; 8];
            let mut encoder = encoding.new_encoder();
            let (_, _, written) = encoder.encode_from_utf8_without_replacement(
                c.encode_utf8(&mut [0; 4]),
                &mut out,
                true,
            );
            (written == 2).then_some((out[0], out[1]))
        };
        let mut common = 0;
        for c in ('\u{4E00}'..='\u{9FFF}').chain(['a', '\u{3000}', '\u{20000}']) {
            let expected = matches!(encoded(GB18030, c), Some((0xB0..=0xD7, 0xA1..=0xFE)))
                || matches!(encoded(BIG5, c), Some((0xA4..=0xC6, _)));
            assert_eq!(is_common_han(c), expected, "{c} U+{:04X}", c as u32);
            common += usize::from(expected);
        }
        // GB2312's 3,755 and Big5's 5,401, less the characters both have.
        assert!((5_401..3_755 + 5_401).contains(&common), "{common}");
    }

    #[test]
    fn nonsense_in_every_encoding_is_said() {
        // Japanese in GBK (GB2312 has kana): valid GB18030, but the kana of
        // GB2312 are taken for misread Big5.
        let text = JAPANESE.repeat(2);
        let (bytes, _, _) = GBK.encode(&text);
        let why = decode(&bytes).unwrap_err();
        assert!(why.starts_with("no encoding makes sense of it"), "{why}");
        assert!(why.contains("gb18030 "), "{why}");
    }
}
