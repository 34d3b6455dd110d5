//! The normalised text cut into lines, and lines cut into cells: labels,
//! numbers, empty marks and blanks, each with its place.
//!
//! A line is split at `|` if it has one (pipe and Markdown tables), else at
//! tabs (tables copied from a browser, Word, or decoded HTML), else at
//! spaces (PDF text). Within a cell, words are read one by one, so
//! `行政许可 447228` gives a label and a number, and `0 0 0` three numbers.

pub mod number;

use crate::report::Layout;
use crate::text::{canon, Document};
use number::{read_word, Number, Word};

/// One line of the normalised text.
#[derive(Debug, Clone, Copy)]
pub struct Line {
    /// Start offset in the normalised text.
    pub start: usize,
    /// End offset, before the line break.
    pub end: usize,
    /// A page footer such as `— 1—` or `第 2 页`, to be ignored.
    pub footer: bool,
}

/// The lines of a document.
#[derive(Debug, Clone)]
pub struct Lines {
    lines: Vec<Line>,
}

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind<'a> {
    /// Text, reduced by [`canon`] for matching.
    Label(String),
    /// A number.
    Number(Number<'a>),
    /// A mark for no value (`/`, `-`, `—`, `无`).
    Null,
    /// Nothing between two separators.
    Blank,
}

/// A cell of a line, with its place in the normalised text.
#[derive(Debug, Clone, PartialEq)]
pub struct Token<'a> {
    /// What it holds.
    pub kind: Kind<'a>,
    /// Start offset in the normalised text.
    pub start: usize,
    /// End offset in the normalised text.
    pub end: usize,
}

impl Token<'_> {
    /// Whether this cell holds a number or an empty mark: a value of a table.
    pub fn is_value(&self) -> bool {
        matches!(self.kind, Kind::Number(_) | Kind::Null)
    }

    /// The label text, if this is a label.
    pub fn label(&self) -> Option<&str> {
        match &self.kind {
            Kind::Label(s) => Some(s),
            _ => None,
        }
    }
}

impl Lines {
    /// Splits the document's text into lines and marks page footers.
    pub fn new(doc: &Document) -> Lines {
        let text = doc.text.as_str();
        let mut lines = Vec::new();
        let mut start = 0;
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                lines.push(line(text, start, i));
                start = i + 1;
            }
        }
        lines.push(line(text, start, text.len()));
        Lines { lines }
    }

    /// All lines, in order.
    pub fn all(&self) -> &[Line] {
        &self.lines
    }

    /// The number of lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Whether there are no lines (never: an empty text has one empty line).
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The line holding normalised offset `offset`.
    pub fn index_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.end < offset)
            .min(self.lines.len().saturating_sub(1))
    }
}

fn line(text: &str, start: usize, end: usize) -> Line {
    Line {
        start,
        end,
        footer: is_footer(&text[start..end]),
    }
}

/// Page footers left by PDF conversion: `— 1—`, `- 3 -`, `第 2 页`, `第2页 共5页`.
pub(crate) fn is_footer(line: &str) -> bool {
    let t = line.trim();
    if t.len() > 40 {
        return false;
    }
    let dashes = ['-', '—', '–', '―', '−'];
    if let Some(inner) = t.strip_prefix(dashes).and_then(|r| r.strip_suffix(dashes)) {
        let inner = inner.trim_matches(|c: char| c == ' ' || dashes.contains(&c));
        return !inner.is_empty() && inner.len() <= 4 && inner.bytes().all(|b| b.is_ascii_digit());
    }
    let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let page = |s: &str| {
        s.strip_prefix('第')
            .and_then(|r| r.strip_suffix('页'))
            .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    };
    page(&compact)
        || compact.find("页共").is_some_and(|i| {
            let (a, b) = compact.split_at(i + "页".len());
            page(a)
                && b.strip_prefix('共')
                    .and_then(|r| r.strip_suffix('页'))
                    .is_some_and(|d| d.bytes().all(|c| c.is_ascii_digit()))
        })
}

/// How a line separates its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    /// ` | `
    Pipe,
    /// A tab.
    Tab,
    /// Runs of spaces.
    Spaces,
}

/// Whether a line is a Markdown separator row such as `|---|:--:|`.
pub fn is_rule(line: &str) -> bool {
    line.contains('|')
        && line.contains('-')
        && line
            .split('|')
            .all(|c| c.trim().chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
}

/// The separator a line uses.
pub fn separator(line: &str) -> Separator {
    if line.contains('|') {
        Separator::Pipe
    } else if line.contains('\t') {
        Separator::Tab
    } else {
        Separator::Spaces
    }
}

/// The layout of a table, from the lines of its region.
pub fn layout_of(doc: &Document, lines: &[Line]) -> Layout {
    if doc.is_html {
        return Layout::Html;
    }
    let texts = lines
        .iter()
        .filter(|l| !l.footer)
        .map(|l| &doc.text[l.start..l.end]);
    let (mut pipe, mut tab, mut spaces, mut rules, mut single) = (0, 0, 0, 0, 0);
    let mut valued = 0;
    for t in texts {
        if t.trim().is_empty() {
            continue;
        }
        if is_rule(t) {
            rules += 1;
            continue;
        }
        let cells = cells(t, 0);
        let values = cells.iter().filter(|c| c.is_value()).count();
        if values == 0 {
            continue;
        }
        valued += 1;
        if values == 1 && cells.iter().filter(|c| c.label().is_some()).count() == 0 {
            single += 1;
        }
        match separator(t) {
            Separator::Pipe => pipe += 1,
            Separator::Tab => tab += 1,
            Separator::Spaces => spaces += 1,
        }
    }
    if valued > 0 && single * 2 > valued {
        Layout::CellPerLine
    } else if rules > 0 {
        Layout::Markdown
    } else if pipe >= tab && pipe >= spaces && pipe > 0 {
        Layout::Pipe
    } else if tab >= spaces && tab > 0 {
        Layout::Tab
    } else {
        Layout::Spaces
    }
}

/// The cells of one line of text starting at normalised offset `base`.
pub fn cells(line: &str, base: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    if is_rule(line) {
        return out;
    }
    let sep = separator(line);
    let mut segments: Vec<(usize, &str)> = Vec::new();
    match sep {
        Separator::Pipe | Separator::Tab => {
            let ch = if sep == Separator::Pipe { '|' } else { '\t' };
            let mut at = 0;
            for part in line.split(ch) {
                segments.push((at, part));
                at += part.len() + 1;
            }
            // The pipes at either end of a Markdown row open and close it.
            if sep == Separator::Pipe {
                if segments.first().is_some_and(|s| s.1.trim().is_empty())
                    && line.trim_start().starts_with('|')
                {
                    segments.remove(0);
                }
                if segments.last().is_some_and(|s| s.1.trim().is_empty())
                    && line.trim_end().ends_with('|')
                {
                    segments.pop();
                }
            }
        }
        Separator::Spaces => segments.push((0, line)),
    }
    for (at, seg) in segments {
        segment(seg, base + at, sep != Separator::Spaces, &mut out);
    }
    out
}

/// Reads the words of one cell into tokens: runs of text become one label.
fn segment<'a>(seg: &'a str, base: usize, delimited: bool, out: &mut Vec<Token<'a>>) {
    let trimmed = seg.trim();
    if trimmed.is_empty() {
        if delimited {
            out.push(Token {
                kind: Kind::Blank,
                start: base,
                end: base + seg.len(),
            });
        }
        return;
    }
    let lead = seg.len() - seg.trim_start().len();
    if delimited && number::is_null_mark(trimmed) {
        out.push(Token {
            kind: Kind::Null,
            start: base + lead,
            end: base + lead + trimmed.len(),
        });
        return;
    }
    let mut label: Option<(usize, usize)> = None;
    let flush = |label: &mut Option<(usize, usize)>, out: &mut Vec<Token<'a>>| {
        if let Some((s, e)) = label.take() {
            out.push(Token {
                kind: Kind::Label(canon(&seg[s..e])),
                start: base + s,
                end: base + e,
            });
        }
    };
    for (s, word) in words(seg) {
        let e = s + word.len();
        match read_word(word) {
            Word::Text => {
                label = Some(label.map_or((s, e), |(ls, _)| (ls, e)));
            }
            Word::Number(n) => {
                flush(&mut label, out);
                out.push(Token {
                    kind: Kind::Number(n),
                    start: base + s,
                    end: base + e,
                });
            }
            Word::Null => {
                flush(&mut label, out);
                out.push(Token {
                    kind: Kind::Null,
                    start: base + s,
                    end: base + e,
                });
            }
        }
    }
    flush(&mut label, out);
}

/// The words of `s` separated by whitespace, with their offsets.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str) -> Vec<String> {
        cells(line, 0)
            .into_iter()
            .map(|t| match t.kind {
                Kind::Label(s) => format!("L:{s}"),
                Kind::Number(n) => format!("N:{}", n.digits),
                Kind::Null => "null".into(),
                Kind::Blank => "blank".into(),
            })
            .collect()
    }

    #[test]
    fn pipe_rows_keep_blank_cells_but_not_the_outer_pipes() {
        assert_eq!(
            kinds("| 规章 | 0 |  | / |"),
            ["L:规章", "N:0", "blank", "null"]
        );
        assert_eq!(
            kinds("(七)总计 | 98 | 0 | ||"),
            ["L:七总计", "N:98", "N:0", "blank", "blank"]
        );
        assert!(kinds("|---|:--:|").is_empty());
    }

    #[test]
    fn space_separated_text_gives_labels_and_numbers() {
        assert_eq!(
            kinds("三 2.其他法律行政止公开 0 0 12"),
            ["L:三2其他法律行政止公开", "N:0", "N:0", "N:12"]
        );
        assert_eq!(kinds("商业 企业"), ["L:商业企业"]);
        assert_eq!(
            kinds("行政事业性收费\t3,457.73"),
            ["L:行政事业性收费", "N:3,457.73"]
        );
    }

    #[test]
    fn footers_are_recognised() {
        for f in ["— 1—", "- 3 -", "第 2 页", "第2页 共5页", "— 5 —"] {
            assert!(is_footer(f), "{f}");
        }
        for f in ["-", "0", "第二十条第(一)项", "- 1", "1 -"] {
            assert!(!is_footer(f), "{f}");
        }
    }
}
