//! Bytes of a file to text: UTF-8 or UTF-16 by their BOM, UTF-8 when valid,
//! the encoding an HTML page declares, else GB18030 (which covers GBK and
//! GB2312) when the bytes are valid in it.

use encoding_rs::{Encoding, GB18030, UTF_8};

/// The decoded text and the name of the encoding used.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), String> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return strict(encoding, &bytes[bom..])
            .ok_or_else(|| format!("invalid {} after its byte order mark", encoding.name()));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), UTF_8.name()));
    }
    if let Some(encoding) = declared(bytes) {
        if let Some(found) = strict(encoding, bytes) {
            return Ok(found);
        }
    }
    strict(GB18030, bytes).ok_or_else(|| "not valid UTF-8, UTF-16 or GB18030 text".to_string())
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
        assert!(decode(&gbk).is_err());
        assert!(decode(&[0xFF, 0xFE, 0x00]).is_err());
    }
}
