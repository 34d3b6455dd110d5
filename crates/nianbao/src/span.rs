//! Byte ranges into the original input, and the line index that turns them
//! into the line, column and UTF-16 positions people and JavaScript use.

/// A half-open byte range `start..end` into the text given to [`crate::check`].
///
/// Spans always point into the original input, never into the normalised
/// copy the reader works on, so an editor can select exactly what was pasted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (swapped if given backwards).
    pub fn new(start: usize, end: usize) -> Span {
        if end < start {
            Span {
                start: end,
                end: start,
            }
        } else {
            Span { start, end }
        }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A position as editors show it: 1-based line and column, the column
/// counted in characters, plus the UTF-16 offset JavaScript uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in Unicode scalar values.
    pub column: usize,
    /// Offset from the start of the text in UTF-16 code units.
    pub utf16: usize,
}

/// Line starts of a text, to compute [`Position`]s of byte offsets.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`, the way an editor counts them.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of each line start, and the UTF-16 offset of that start.
    starts: Vec<(usize, usize)>,
    /// Every [`CHECKPOINT`] bytes: the byte offset, the characters since its
    /// line's start and the UTF-16 offset, so that a position on a very long
    /// line is counted from nearby, not from the line's start.
    checkpoints: Vec<(usize, usize, usize)>,
}

/// Bytes between two checkpoints.
const CHECKPOINT: usize = 4096;

impl<'a> LineIndex<'a> {
    /// Indexes `text` in one pass over its bytes.
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![(0, 0)];
        let mut checkpoints = Vec::new();
        let (mut utf16, mut column, mut next_checkpoint) = (0, 0, CHECKPOINT);
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if is_continuation(b) {
                continue;
            }
            if i >= next_checkpoint {
                checkpoints.push((i, column, utf16));
                next_checkpoint = i + CHECKPOINT;
            }
            utf16 += utf16_units(b);
            column += 1;
            let line_break = match b {
                b'\n' => true,
                b'\r' => bytes.get(i + 1) != Some(&b'\n'),
                _ => false,
            };
            if line_break {
                starts.push((i + 1, utf16));
                column = 0;
            }
        }
        LineIndex {
            text,
            starts,
            checkpoints,
        }
    }

    /// The position of byte `offset` (clamped into the text and moved back
    /// to a character boundary). Counts at most [`CHECKPOINT`] bytes.
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&(s, _)| s <= offset) - 1;
        let (line_start, line_utf16) = self.starts[line];
        let k = self.checkpoints.partition_point(|&(b, ..)| b <= offset);
        let (from, column, utf16) = match k.checked_sub(1).map(|k| self.checkpoints[k]) {
            Some((b, column, utf16)) if b >= line_start => (b, column, utf16),
            _ => (line_start, 0, line_utf16),
        };
        // Characters and UTF-16 units of the prefix, counted from its bytes
        // in one pass (the page asks for hundreds of positions a check).
        let (chars, units) = self.text.as_bytes()[from..offset]
            .iter()
            .filter(|&&b| !is_continuation(b))
            .fold((0, 0), |(chars, units), &b| {
                (chars + 1, units + utf16_units(b))
            });
        Position {
            line: line + 1,
            column: column + chars + 1,
            utf16: utf16 + units,
        }
    }

    /// The byte offset where 1-based line `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts
            .get(line.wrapping_sub(1))
            .map_or(self.text.len(), |&(s, _)| s)
    }

    /// The text of 1-based line `line`, without its line break.
    pub fn line_text(&self, line: usize) -> &'a str {
        let Some(&(start, _)) = self.starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self.starts.get(line).map_or(self.text.len(), |&(s, _)| s);
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// Whether `b` continues a UTF-8 sequence rather than starting a character.
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// The UTF-16 units of the character whose first UTF-8 byte is `b`: two
/// for the four-byte sequences (outside the Basic Multilingual Plane).
fn utf16_units(b: u8) -> usize {
    1 + usize::from(b >= 0xF0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_utf16_units() {
        let text = "总计\r\n𠀀a\rb";
        let index = LineIndex::new(text);
        let p = index.position(text.find('a').unwrap());
        assert_eq!((p.line, p.column), (2, 2));
        // 总 计 \r \n are 4 units, 𠀀 is a surrogate pair.
        assert_eq!(p.utf16, 6);
        let b = index.position(text.find('b').unwrap());
        assert_eq!((b.line, b.column), (3, 1));
        assert_eq!(index.line_text(1), "总计");
        assert_eq!(index.line_text(2), "𠀀a");
    }

    #[test]
    fn positions_on_a_very_long_line_count_from_checkpoints() {
        let text = format!("x\n{}总a", "计".repeat(10_000));
        let index = LineIndex::new(&text);
        let p = index.position(text.find('a').unwrap());
        assert_eq!((p.line, p.column, p.utf16), (2, 10_002, 10_003));
    }

    #[test]
    fn four_byte_characters_past_a_checkpoint_count_two_units() {
        let text = format!("{}\r\n{}b", "a".repeat(5_000), "𠀀".repeat(2_000));
        let index = LineIndex::new(&text);
        let p = index.position(text.find('b').unwrap());
        assert_eq!((p.line, p.column, p.utf16), (2, 2_001, 5_002 + 4_000));
    }

    #[test]
    fn offsets_inside_a_character_move_back() {
        let index = LineIndex::new("总计");
        assert_eq!(index.position(1).column, 1);
        assert_eq!(index.position(99).column, 3);
    }
}
