//! A PDF font as the text reader needs it: how its codes split and map to
//! Unicode (a ToUnicode map; the predefined Adobe-GB1 CMaps UniGB-UCS2,
//! UniGB-UTF16 and GBK-EUC; a simple font's encoding), how wide each glyph
//! is, and whether it writes vertically (Identity-V).

use lopdf::{Dictionary, Document, Encoding, Object};

/// Most entries read from a font's width array: enough for any real font.
const MAX_WIDTHS: usize = 1 << 16;

/// How a font's codes become text.
enum Decode<'a> {
    /// Two-byte codes through the font's ToUnicode map, as lopdf reads it.
    Cmap(Encoding<'a>),
    /// Two-byte codes through a ToUnicode map lopdf could not read.
    Own(super::cmap::CodeMap),
    /// Two-byte codes that are UTF-16 code units (UniGB-UCS2, UniGB-UTF16).
    Utf16,
    /// GBK codes, one byte below 0x80, else two (GBK-EUC, GB-EUC).
    Gbk,
    /// One-byte codes through a simple font's encoding.
    Simple(Encoding<'a>),
    /// Two-byte codes that cannot be mapped (Identity without ToUnicode).
    Unknown,
}

/// A font of a page, ready to decode strings shown with it.
pub struct Font<'a> {
    decode: Decode<'a>,
    /// Whether glyphs advance downwards (Identity-V and other -V CMaps).
    pub vertical: bool,
    /// Widths in thousandths of the font size: runs of codes `first..=last`
    /// of one width, sorted by `first`.
    widths: Vec<(u32, u32, f32)>,
    default_width: f32,
}

/// One glyph of a shown string: its text, its width in thousandths of the
/// font size, and whether it is the single-byte code 32 (word spacing
/// applies to it).
pub struct Glyph {
    pub text: String,
    pub width: f32,
    pub space: bool,
}

impl<'a> Font<'a> {
    /// The font described by `dict`; never fails: what cannot be read
    /// decodes to U+FFFD with a default width.
    pub fn new(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
        let subtype = name(doc, dict.get(b"Subtype").ok());
        if subtype == Some(b"Type0".as_slice()) {
            Font::composite(doc, dict)
        } else {
            Font::simple(doc, dict)
        }
    }

    fn composite(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
        let encoding = name(doc, dict.get(b"Encoding").ok()).unwrap_or(b"Identity-H");
        let vertical = encoding.ends_with(b"-V");
        let map = dict
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_stream().ok());
        let mapped = map.and_then(|stream| {
            match dict.get_font_encoding_with_limit(doc, super::MAX_STREAM) {
                Ok(e @ Encoding::UnicodeMapEncoding(_)) => Some(Decode::Cmap(e)),
                _ => {
                    let bytes = stream
                        .decompressed_content_with_limit(super::MAX_STREAM)
                        .ok()?;
                    let own = super::cmap::parse(&bytes);
                    (!own.is_empty()).then_some(Decode::Own(own))
                }
            }
        });
        let decode = if let Some(mapped) = mapped {
            mapped
        } else if encoding.starts_with(b"UniGB-UCS2") || encoding.starts_with(b"UniGB-UTF16") {
            Decode::Utf16
        } else if encoding.starts_with(b"GBK-EUC")
            || encoding.starts_with(b"GB-EUC")
            || encoding.starts_with(b"GBpc-EUC")
            || encoding.starts_with(b"GBK2K")
        {
            Decode::Gbk
        } else {
            Decode::Unknown
        };
        let identity = encoding.starts_with(b"Identity");
        let mut font = Font {
            decode,
            vertical,
            widths: Vec::new(),
            default_width: 1000.0,
        };
        let descendant = dict
            .get(b"DescendantFonts")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        if let Some(cid) = descendant {
            if let Some(dw) = number(doc, cid.get(b"DW").ok()) {
                font.default_width = dw;
            }
            // Widths are by CID: the code is the CID only for Identity.
            if identity {
                font.cid_widths(doc, cid.get(b"W").ok());
                font.widths.sort_by_key(|w| w.0);
            }
        }
        font
    }

    /// Reads a CID font's `W` array: `c [w1 w2 …]` and `c_first c_last w`.
    fn cid_widths(&mut self, doc: &Document, w: Option<&Object>) {
        let Some(items) = array(doc, w) else { return };
        let mut i = 0;
        while i + 1 < items.len() && self.widths.len() < MAX_WIDTHS {
            let Some(first) = number(doc, items.get(i)) else {
                return;
            };
            let first = first.max(0.0) as u32;
            if let Some(list) = array(doc, items.get(i + 1)) {
                for (k, w) in list.iter().take(MAX_WIDTHS).enumerate() {
                    if let Some(w) = number(doc, Some(w)) {
                        let c = first.saturating_add(k as u32);
                        self.widths.push((c, c, w));
                    }
                }
                i += 2;
            } else {
                let (Some(last), Some(w)) =
                    (number(doc, items.get(i + 1)), number(doc, items.get(i + 2)))
                else {
                    return;
                };
                self.widths.push((first, last.max(0.0) as u32, w));
                i += 3;
            }
        }
    }

    fn simple(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
        let decode = match dict.get_font_encoding_with_limit(doc, super::MAX_STREAM) {
            Ok(e) => Decode::Simple(e),
            Err(_) => Decode::Unknown,
        };
        let mut font = Font {
            decode,
            vertical: false,
            widths: Vec::new(),
            default_width: 500.0,
        };
        let first = number(doc, dict.get(b"FirstChar").ok())
            .unwrap_or(0.0)
            .max(0.0) as u32;
        if let Some(widths) = array(doc, dict.get(b"Widths").ok()) {
            for (k, w) in widths.iter().take(256).enumerate() {
                if let Some(w) = number(doc, Some(w)) {
                    let c = first.saturating_add(k as u32);
                    font.widths.push((c, c, w));
                }
            }
        }
        font
    }

    /// The glyphs of a shown string, in order.
    pub fn glyphs(&self, bytes: &[u8], out: &mut Vec<Glyph>) {
        out.clear();
        let mut i = 0;
        while i < bytes.len() {
            let two = match self.decode {
                Decode::Simple(_) => false,
                Decode::Gbk => bytes[i] >= 0x80,
                _ => true,
            };
            let (code, len) = if two && i + 1 < bytes.len() {
                (u32::from(bytes[i]) << 8 | u32::from(bytes[i + 1]), 2)
            } else {
                (u32::from(bytes[i]), 1)
            };
            let text = self.text(code, &bytes[i..i + len]);
            let width = match self.width(code) {
                Some(w) => w,
                // Half-width forms in a CJK font with no width table.
                None if len == 2 && code < 0x80 && matches!(self.decode, Decode::Utf16) => 500.0,
                None if len == 1 && matches!(self.decode, Decode::Gbk) => 500.0,
                None => self.default_width,
            };
            out.push(Glyph {
                text,
                width,
                space: len == 1 && code == 32,
            });
            i += len;
        }
    }

    /// The width of `code` when the font gives it.
    fn width(&self, code: u32) -> Option<f32> {
        let after = self.widths.partition_point(|w| w.0 <= code);
        let &(_, last, w) = self.widths.get(after.checked_sub(1)?)?;
        (code <= last).then_some(w)
    }

    fn text(&self, code: u32, bytes: &[u8]) -> String {
        match &self.decode {
            Decode::Cmap(Encoding::UnicodeMapEncoding(map)) => {
                let units = map
                    .get(code, bytes.len() as u8)
                    .unwrap_or_else(|| vec![0xFFFD]);
                String::from_utf16_lossy(&units)
            }
            Decode::Own(map) => map.get(code).unwrap_or_else(|| "\u{FFFD}".to_string()),
            Decode::Utf16 => String::from_utf16_lossy(&[code as u16]),
            Decode::Gbk => encoding_rs::GBK
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
            Decode::Simple(encoding) => {
                let mut s = String::new();
                if encoding.write_to_string(bytes, &mut s).is_err() || s.is_empty() {
                    s = bytes.iter().map(|&b| char::from(b)).collect();
                }
                s
            }
            Decode::Cmap(_) | Decode::Unknown => "\u{FFFD}".to_string(),
        }
    }
}

/// A name, through references.
fn name<'a>(doc: &'a Document, o: Option<&'a Object>) -> Option<&'a [u8]> {
    doc.dereference(o?).ok()?.1.as_name().ok()
}

/// A number, through references.
pub fn number(doc: &Document, o: Option<&Object>) -> Option<f32> {
    let n = doc.dereference(o?).ok()?.1.as_float().ok()?;
    n.is_finite().then_some(n)
}

/// An array, through references.
pub fn array<'a>(doc: &'a Document, o: Option<&'a Object>) -> Option<&'a Vec<Object>> {
    doc.dereference(o?).ok()?.1.as_array().ok()
}
