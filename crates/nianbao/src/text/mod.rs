//! The input made readable: HTML decoded, characters normalised, and a map
//! from every offset of the normalised text back to the input, so that all
//! spans reported point into what the user pasted.

mod duplicate;
mod html;
mod normalize;
mod offsets;
mod t2s;

pub use t2s::simplify;

use crate::span::Span;
use offsets::OffsetMap;

/// The normalised text of one input, with its map back to the input.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The input as given.
    pub original: &'a str,
    /// The normalised text: simplified script, half-width, `\n` line breaks.
    pub text: String,
    /// Whether the input was HTML.
    pub is_html: bool,
    map: OffsetMap,
}

impl<'a> Document<'a> {
    /// Normalises `original`, decoding it first if it is HTML.
    pub fn new(original: &'a str) -> Document<'a> {
        let mut normalizer = normalize::Normalizer::new(original.len());
        let is_html = html::looks_like_html(original);
        if is_html {
            html::decode(original, |c, s, e| normalizer.feed(c, s, e));
        } else {
            for (i, c) in original.char_indices() {
                normalizer.feed(c, i, i + c.len_utf8());
            }
        }
        let (text, map) = normalizer.finish();
        Document {
            original,
            text,
            is_html,
            map,
        }
    }

    /// The input span of the normalised range `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.map.input(start), self.map.input(end))
    }
}

/// A label reduced to what identifies it: Han characters, letters and
/// digits, without spaces and punctuation, so `商业 企业` and `（七）總計`
/// compare as `商业企业` and `七总计` (given normalised text).
pub fn canon(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    canon_into(s, &mut out);
    out
}

/// [`canon`] into a buffer the caller reuses, to read many lines without
/// allocating for each.
pub fn canon_into(s: &str, out: &mut String) {
    out.clear();
    out.extend(s.chars().filter(|&c| is_word_char(c)));
}

/// Whether [`canon`] keeps `c`: whether it is alphanumeric. The common
/// cases, ASCII and the main blocks of Han characters (every one of which
/// is alphabetic), are answered without Unicode's tables.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF) || c.is_alphanumeric()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_into_the_original() {
        let original = "<p>總&nbsp;計：１２</p>";
        let doc = Document::new(original);
        assert!(doc.is_html);
        assert_eq!(doc.text, "\n总 计:12\n");
        let at = doc.text.find("12").unwrap();
        let span = doc.span(at, at + 2);
        assert_eq!(&original[span.start..span.end], "１２");
        let at = doc.text.find('计').unwrap();
        assert_eq!(
            &original[doc.span(at, at + 3).start..doc.span(at, at + 3).end],
            "計"
        );
    }

    #[test]
    fn word_chars_are_the_alphanumeric_ones() {
        let ranges = [0..0x3400, 0x3400..0x4DC0, 0x4E00..0xA000, 0xF900..0xFB00];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn canon_drops_spaces_and_punctuation() {
        assert_eq!(canon("(七) 总 计"), "七总计");
        assert_eq!(
            canon("3.危及\u{201c}三安全一稳定\u{201d}"),
            "3危及三安全一稳定"
        );
    }
}
