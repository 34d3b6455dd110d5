//! Bytes of a file to text: UTF-8 or UTF-16 by their BOM, UTF-8 when valid,
//! the encoding an HTML page declares, else GB18030 (which covers GBK and
//! GB2312) when the bytes are valid in it.

use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_8};

/// The decoded text and the name of the encoding used; or, when the bytes
/// are valid in no encoding tried, why, with the byte offset of the fault
/// in each.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), String> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return strict(encoding, &bytes[bom..]).ok_or_else(|| {
            format!(
                "invalid {} after its byte order mark ({})",
                encoding.name(),
                fault(encoding, &bytes[bom..], bom)
            )
        });
    }
    let utf8 = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok((text.to_string(), UTF_8.name())),
        Err(e) => match e.error_len() {
            Some(_) => format!("invalid byte at {}", e.valid_up_to()),
            None => format!("truncated at the end, byte {}", e.valid_up_to()),
        },
    };
    if let Some(encoding) = declared(bytes) {
        if let Some(found) = strict(encoding, bytes) {
            return Ok(found);
        }
    }
    strict(GB18030, bytes).ok_or_else(|| {
        format!(
            "neither UTF-8 ({utf8}) nor GB18030 ({}) nor UTF-16 (no byte order mark)",
            fault(GB18030, bytes, 0)
        )
    })
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
fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Option<(String, &'static str)> {
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    Some((text.into_owned(), encoding.name()))
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
}
