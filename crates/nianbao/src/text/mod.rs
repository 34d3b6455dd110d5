//! The input made readable: HTML decoded, characters normalised, and a map
//! from every offset of the normalised text back to the input, so that all
//! spans reported point into what the user pasted.

mod duplicate;
mod html;
mod normalize;
mod offsets;
mod t2s;

pub(crate) use normalize::is_han;
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

/// A [`Document`] without the input it was made from.
#[derive(Debug, Clone)]
pub(crate) struct Parts {
    text: String,
    is_html: bool,
    map: OffsetMap,
}

impl Parts {
    /// The bytes it holds, about.
    pub(crate) fn bytes(&self) -> usize {
        self.text.len() + self.map.bytes()
    }
}

impl<'a> Document<'a> {
    /// Normalises `original`, decoding it first if it is HTML.
    pub fn new(original: &'a str) -> Document<'a> {
        let mut normalizer = normalize::Normalizer::new(original.len());
        let is_html = html::looks_like_html(original);
        if is_html {
            html::decode(original, &mut normalizer);
        } else {
            normalizer.feed_str(original, 0);
        }
        let (text, map) = normalizer.finish();
        Document {
            original,
            text,
            is_html,
            map,
        }
    }

    /// What the document holds besides the input, to be kept apart from it.
    pub(crate) fn into_parts(self) -> Parts {
        Parts {
            text: self.text,
            is_html: self.is_html,
            map: self.map,
        }
    }

    /// The document of `original` from what [`Document::into_parts`] kept
    /// of it.
    pub(crate) fn from_parts(original: &'a str, parts: Parts) -> Document<'a> {
        Document {
            original,
            text: parts.text,
            is_html: parts.is_html,
            map: parts.map,
        }
    }

    /// The input span of the normalised range `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.map.input(start), self.map.input(end))
    }
}

/// The text the reader reads from a page or fragment of HTML: a table row
/// a line with its cells separated by tabs, blocks on lines of their own,
/// entities decoded, white space collapsed, scripts and styles left out.
/// The page turns pasted or opened HTML into text with it, so that it reads
/// what the CLI reads from the same file.
///
/// ```
/// let text = nianbao::text::html_text("<p>标题:年报</p><table><tr><td>总计</td><td>3</td></tr></table>");
/// assert_eq!(text, "标题:年报\n总计\t3\n");
/// ```
pub fn html_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len() / 2);
    html::decode(html, &mut text);
    text
}

/// A page's text as it is, for [`html_text`].
impl html::Sink for &mut String {
    fn char(&mut self, c: char, _: usize, _: usize) {
        self.push(c);
    }

    fn str(&mut self, text: &str, _: usize) {
        self.push_str(text);
    }
}

/// A page's text normalised as it is decoded, for [`Document::new`].
impl html::Sink for &mut normalize::Normalizer {
    fn char(&mut self, c: char, start: usize, end: usize) {
        self.feed(c, start, end);
    }

    fn str(&mut self, text: &str, start: usize) {
        self.feed_str(text, start);
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
    canon_up_to(s, out, usize::MAX);
}

/// [`canon_into`] for text of at most `max` kept characters: whether it
/// has no more, `out` holding its reduced form when it has not. Stops
/// reading longer text there.
pub(crate) fn canon_up_to(s: &str, out: &mut String, max: usize) -> bool {
    // Runs of kept characters are copied whole, ASCII judged a byte at a
    // time and the Han characters of U+4000..U+9FFF (lead bytes E4 to E9)
    // by their bytes: the copies are of whole characters, so nothing is
    // validated.
    out.clear();
    let b = s.as_bytes();
    let (mut i, mut run, mut count) = (0, 0, 0);
    while i < b.len() {
        let (kept, len) = match b[i] {
            x if x.is_ascii() => (x.is_ascii_alphanumeric(), 1),
            0xE4..=0xE9 if i + 2 < b.len() => {
                let code = (u32::from(b[i] & 0x0F) << 12)
                    | (u32::from(b[i + 1] & 0x3F) << 6)
                    | u32::from(b[i + 2] & 0x3F);
                // All Han but the Yijing hexagram symbols, as `is_word_char` says.
                (!(0x4DC0..=0x4DFF).contains(&code), 3)
            }
            _ => {
                let c = s[i..].chars().next().unwrap_or_default();
                (is_word_char(c), c.len_utf8())
            }
        };
        if kept {
            count += 1;
            if count > max {
                return false;
            }
        } else {
            out.push_str(&s[run..i]);
            run = i + len;
        }
        i += len;
    }
    out.push_str(&s[run..]);
    true
}

/// Whether `s` reduced by [`canon`] is `key`, read only as far as they
/// agree.
pub(crate) fn canon_is(s: &str, key: &str) -> bool {
    let mut kept = s.chars().filter(|&c| is_word_char(c));
    key.chars().all(|k| kept.next() == Some(k)) && kept.next().is_none()
}

/// Whether [`canon`] keeps `c`: whether it is alphanumeric. The common
/// cases, ASCII and the main blocks of Han characters (every one of which
/// is alphabetic), are answered without Unicode's tables.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        match c as u32 {
            0x3400..=0x4DBF | 0x4E00..=0x9FFF => true,
            // General punctuation (dashes, quotes, spaces): none is; nor
            // the CJK marks reports are full of (、 。 and the brackets).
            0x2000..=0x206F | 0x3001 | 0x3002 | 0x3008..=0x3011 | 0x3014..=0x301F => false,
            _ => c.is_alphanumeric(),
        }
    }
}

/// `s` without leading and trailing whitespace, as [`str::trim`] gives it,
/// ASCII answered a byte at a time: a cell is trimmed in each of the passes
/// over a table, and most are ASCII.
pub(crate) fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    let ascii_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C);
    let mut start = 0;
    while start < b.len() {
        if b[start].is_ascii() {
            if !ascii_space(b[start]) {
                break;
            }
            start += 1;
        } else if !matches!(b[start], 0xC2 | 0xE1 | 0xE2 | 0xE3) {
            // Whitespace beyond ASCII is U+0085, U+00A0, U+1680, U+2000 to
            // U+205F or U+3000: no other lead byte opens one.
            break;
        } else {
            match s[start..].chars().next() {
                Some(c) if c.is_whitespace() => start += c.len_utf8(),
                _ => break,
            }
        }
    }
    let mut end = b.len();
    while end > start {
        if b[end - 1].is_ascii() {
            if !ascii_space(b[end - 1]) {
                break;
            }
            end -= 1;
        } else if !matches!(b[end - 1], 0x80..=0x8A | 0x9F | 0xA0 | 0xA8 | 0xA9 | 0xAF) {
            // And none of them ends in another byte.
            break;
        } else {
            match s[start..end].chars().next_back() {
                Some(c) if c.is_whitespace() => end -= c.len_utf8(),
                _ => break,
            }
        }
    }
    &s[start..end]
}

/// Whether `s` holds `c`, as [`str::contains`] says, without its set-up
/// cost: it is asked of every line, and most lines are short.
pub(crate) fn has_char(s: &str, c: char) -> bool {
    let mut buf = [0; 4];
    let needle = c.encode_utf8(&mut buf).as_bytes();
    memchr::memchr_iter(needle[0], s.as_bytes()).any(|i| s.as_bytes()[i..].starts_with(needle))
}

/// Calls `f` with the offset of each byte `b` in `bytes`, in order: found
/// by `memchr` where they are sparse (the line breaks of a report), byte by
/// byte where they are dense (a text of lines of a character or two), for
/// which `memchr` would start again every few bytes.
pub(crate) fn each_byte(bytes: &[u8], b: u8, mut f: impl FnMut(usize)) {
    const BLOCK: usize = 4096;
    for (k, block) in bytes.chunks(BLOCK).enumerate() {
        let at = k * BLOCK;
        if memchr::memchr_iter(b, block).count() * 4 > block.len() {
            for (i, &x) in block.iter().enumerate() {
                if x == b {
                    f(at + i);
                }
            }
        } else {
            memchr::memchr_iter(b, block).for_each(|i| f(at + i));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_byte_finds_dense_and_sparse_bytes_in_order() {
        // Dense in the first block, sparse in the second, none in the third.
        let mut text = "\n\n1".repeat(1366);
        text.push_str(&format!("{}\n{}\n", "x".repeat(3000), "y".repeat(1092)));
        assert_eq!(text.len(), 2 * 4096);
        text.push_str(&"z".repeat(4096));
        let mut found = Vec::new();
        each_byte(text.as_bytes(), b'\n', |i| found.push(i));
        let want: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
        assert_eq!(found, want);
        assert_eq!(want.len(), 2 * 1366 + 2);
    }

    #[test]
    fn trim_trims_what_str_trim_trims() {
        // Every character that is whitespace, and every character up to
        // U+3100 besides, on either side of a word.
        for c in ('\0'..='\u{3100}').chain(['\u{FEFF}', '\u{1F600}']) {
            for s in [
                format!("{c}a{c}"),
                format!("{c}{c}"),
                format!("a{c}"),
                format!("{c}"),
            ] {
                assert_eq!(trim(&s), s.trim(), "{c:?}");
            }
        }
    }

    #[test]
    fn canon_keeps_what_is_word_char_keeps_and_stops_at_its_limit() {
        // Han of U+3400, U+4000, U+4E00 and U+9FFF, a Yijing hexagram
        // (U+4DC0, a symbol), letters, digits, punctuation and spaces.
        let s = "\u{3400}\u{4000} 总（七）\u{4DC0}é-A9\u{9FFF}。";
        // The CJK marks answered without Unicode's tables are none of them.
        for c in ('\u{3001}'..='\u{3002}')
            .chain('\u{3008}'..='\u{3011}')
            .chain('\u{3014}'..='\u{301F}')
        {
            assert!(!c.is_alphanumeric() && !is_word_char(c), "{c:?}");
        }
        let kept: String = s.chars().filter(|&c| is_word_char(c)).collect();
        assert_eq!(canon(s), kept);
        assert_eq!(kept, "\u{3400}\u{4000}总七éA9\u{9FFF}");
        let mut out = String::new();
        assert!(canon_up_to(s, &mut out, 8));
        assert_eq!(out, kept);
        assert!(!canon_up_to(s, &mut out, 7));
    }

    #[test]
    fn canon_is_compares_as_canon_does() {
        for (s, key) in [
            ("一、总体情况", "一总体情况"),
            ("一、总体情况。", "一总体情况"),
            ("一、总体", "一总体情况"),
            ("一、总体情况及其他", "一总体情况"),
            ("", ""),
            ("、", ""),
            ("二、总体情况", "一总体情况"),
        ] {
            assert_eq!(canon_is(s, key), canon(s) == key, "{s:?} {key:?}");
        }
    }

    #[test]
    fn spans_point_into_the_original() {
        let original = "<p>總&nbsp;計：１２</p>";
        let doc = Document::new(original);
        assert!(doc.is_html);
        assert_eq!(doc.text, "总 计:12\n");
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
    fn trim_is_the_standard_trim() {
        for s in [
            "",
            " ",
            " a ",
            "\t1\x0b",
            "\u{3000}中\u{a0}",
            " \u{2028}x\u{85} ",
            "a b",
            "\x1c",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
        // Every character, alone and around a word.
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            for s in [c.to_string(), format!("{c}x{c}"), format!("x{c}")] {
                assert_eq!(trim(&s), s.trim(), "{c:?}");
            }
        }
    }

    #[test]
    fn has_char_is_contains() {
        for (s, c) in [
            ("", '页'),
            ("第2页", '页'),
            ("页", '页'),
            ("贡", '页'),
            ("ab", 'b'),
            ("a", 'b'),
        ] {
            assert_eq!(has_char(s, c), s.contains(c), "{s:?} {c:?}");
        }
    }

    #[test]
    fn word_chars_are_the_alphanumeric_ones() {
        let ranges = [0..0x3400, 0x3400..0x4DC0, 0x4E00..0xA000, 0xF900..0xFB00];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn canon_keeps_the_alphanumeric_characters() {
        let s = "(七) 总 计:12 ａｂ,𠀀\u{3000}Ⅻ—½x";
        let expected: String = s.chars().filter(|c| c.is_alphanumeric()).collect();
        assert_eq!(canon(s), expected);
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
