//! Character normalisation: one script, one width, one kind of space and
//! line break, and no pinyin left by conversion tools.
//!
//! Full-width ASCII becomes ASCII, traditional characters become simplified,
//! NBSP and the ideographic space become spaces, CRLF and the Unicode line
//! separators become `\n`, and BOM, zero-width characters and soft hyphens
//! go. Pinyin in brackets right after a Han character (`執(zhí)法`) goes too.

use super::offsets::{Builder, OffsetMap};
use super::t2s::{simplified_han_run, simplify};

/// Longest pinyin syllable with its tone mark, in characters.
const MAX_PINYIN: usize = 7;

/// Feeds characters through normalisation into a [`Builder`].
pub(crate) struct Normalizer {
    out: Builder,
    /// A `(` after a Han character and what followed, while it may still be pinyin.
    held: Vec<(char, usize, usize)>,
    after_cr: bool,
}

impl Normalizer {
    pub(crate) fn new(capacity: usize) -> Normalizer {
        Normalizer {
            out: Builder::with_capacity(capacity),
            held: Vec::new(),
            after_cr: false,
        }
    }

    /// Feeds input character `c`, found at `start..end` of the input.
    pub(crate) fn feed(&mut self, c: char, start: usize, end: usize) {
        let after_cr = std::mem::replace(&mut self.after_cr, c == '\r');
        if c == '\n' && after_cr {
            return;
        }
        let Some(c) = normal_char(c) else { return };
        if !self.held.is_empty() {
            self.hold(c, start, end);
        } else if c == '(' && self.out.last().is_some_and(is_han) {
            self.held.push((c, start, end));
        } else {
            self.out.push(c, start, end);
        }
    }

    /// Feeds `text`, found at `start` of the input, as [`Self::feed`] would
    /// feed its characters one by one, taking runs of characters that
    /// normalise to themselves and start nothing (printable ASCII but `(`,
    /// tabs, `\n`, and most Han text) in one step: most of a report's bytes.
    pub(crate) fn feed_str(&mut self, text: &str, start: usize) {
        let bytes = text.as_bytes();
        let plain = |b: u8| matches!(b, b' '..=b'~' | b'\t' | b'\n') && b != b'(';
        let mut i = 0;
        while i < bytes.len() {
            if !self.held.is_empty() || self.after_cr {
                let c = text[i..].chars().next().unwrap_or_default();
                self.feed(c, start + i, start + i + c.len_utf8());
                i += c.len_utf8();
                continue;
            }
            // The run: plain ASCII, and characters beyond it that normalise
            // to themselves, the main block of Han characters judged
            // without decoding them. A character that changes ends it, and
            // is fed as it normalises, without normalising it again.
            let mut run = i;
            let mut changed = None;
            loop {
                while run < bytes.len() && plain(bytes[run]) {
                    run += 1;
                }
                run += simplified_han_run(&bytes[run..]);
                match text[run..].chars().next() {
                    Some(c) if !c.is_ascii() => {
                        let normal = normal_char(c);
                        if normal != Some(c) {
                            changed = Some((normal, c.len_utf8()));
                            break;
                        }
                        run += c.len_utf8();
                    }
                    Some(c) if plain(c as u8) => {}
                    _ => break,
                }
            }
            if run > i {
                self.out.push_same(&text[i..run], start + i);
                i = run;
            }
            match changed {
                // What `feed` does with a character beyond ASCII, held and
                // after-CR states being clear.
                Some((normal, len)) => {
                    if let Some(c) = normal {
                        self.feed_normal(c, start + i, start + i + len);
                    }
                    i += len;
                }
                // ASCII that starts something (`(`, `\r`) or changes.
                None if i < bytes.len() => {
                    let c = char::from(bytes[i]);
                    self.feed(c, start + i, start + i + 1);
                    i += 1;
                }
                None => {}
            }
        }
    }

    fn hold(&mut self, c: char, start: usize, end: usize) {
        if c == ')' && self.held.len() > 1 && self.held[1..].iter().any(|&(h, ..)| is_vowel(h)) {
            self.held.clear();
        } else if is_pinyin_letter(c) && self.held.len() <= MAX_PINYIN {
            self.held.push((c, start, end));
        } else {
            self.release();
            self.feed_normal(c, start, end);
        }
    }

    fn feed_normal(&mut self, c: char, start: usize, end: usize) {
        if c == '(' && self.out.last().is_some_and(is_han) {
            self.held.push((c, start, end));
        } else {
            self.out.push(c, start, end);
        }
    }

    fn release(&mut self) {
        for (c, s, e) in std::mem::take(&mut self.held) {
            self.out.push(c, s, e);
        }
    }

    pub(crate) fn finish(mut self) -> (String, OffsetMap) {
        self.release();
        self.out.finish()
    }
}

/// The normal form of one character, or `None` to drop it.
#[inline]
fn normal_char(c: char) -> Option<char> {
    Some(match c {
        '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{0B}' | '\u{0C}' => '\n',
        '\u{FEFF}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{AD}' => return None,
        '\u{A0}' | '\u{3000}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => ' ',
        '\t' | '\n' => c,
        c if c.is_control() => return None,
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c => simplify(c),
    })
}

/// Whether `c` is a Han character.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || is_vowel(c) || matches!(c, 'ń' | 'ň' | 'ǹ' | 'ḿ')
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'v'
            | 'ü'
            | 'ā'
            | 'á'
            | 'ǎ'
            | 'à'
            | 'ē'
            | 'é'
            | 'ě'
            | 'è'
            | 'ī'
            | 'í'
            | 'ǐ'
            | 'ì'
            | 'ō'
            | 'ó'
            | 'ǒ'
            | 'ò'
            | 'ū'
            | 'ú'
            | 'ǔ'
            | 'ù'
            | 'ǖ'
            | 'ǘ'
            | 'ǚ'
            | 'ǜ'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalize(s: &str) -> String {
        let mut n = Normalizer::new(s.len());
        for (i, c) in s.char_indices() {
            n.feed(c, i, i + c.len_utf8());
        }
        let one_by_one = n.finish();
        let mut n = Normalizer::new(s.len());
        n.feed_str(s, 0);
        let in_runs = n.finish();
        assert_eq!(one_by_one.0, in_runs.0, "{s:?}");
        assert_eq!(
            format!("{:?}", one_by_one.1),
            format!("{:?}", in_runs.1),
            "{s:?}"
        );
        one_by_one.0
    }

    #[test]
    fn drops_pinyin_after_han_only() {
        assert_eq!(normalize("城管執(zhí)法局"), "城管执法局");
        assert_eq!(normalize("數(shù)量"), "数量");
        assert_eq!(normalize("統(tǒng)一"), "统一");
        assert_eq!(normalize("第(一)项"), "第(一)项");
        assert_eq!(normalize("规章(a1)"), "规章(a1)");
        assert_eq!(normalize("见 (see)"), "见 (see)");
        assert_eq!(normalize("数(shu"), "数(shu");
    }

    #[test]
    fn runs_fed_at_once_give_what_characters_one_by_one_give() {
        for s in [
            "ab(c)d\r\nx\ty",
            "数(shu)ab 12|3\r\r\n(",
            "\r\nabc\u{2028}(zhí)",
            "執(zhí)法 (a) 總計 1 | 2",
            "总计　１２\u{200B}數据(shù)据",
            "总计12件（一）予以公开\n數量 3 |\u{3000}4 a總b",
            "(一)总计(\r总\r\n計。é",
        ] {
            normalize(s);
        }
    }

    #[test]
    fn folds_width_space_and_line_breaks() {
        assert_eq!(
            normalize("１２\u{3000}（一）\r\n总\u{A0}计\u{200B}\r"),
            "12 (一)\n总 计\n"
        );
        assert_eq!(normalize("\u{FEFF}a\u{2028}b"), "a\nb");
    }
}
