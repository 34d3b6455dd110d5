//! The normalised text cut into lines, and lines cut into cells: labels,
//! numbers, empty marks and blanks, each with its place.
//!
//! A line is split at `|` if it has one (pipe and Markdown tables), else at
//! tabs (tables copied from a browser, Word, or decoded HTML), else at
//! spaces (PDF text). Within a cell, words are read one by one, so
//! `行政许可 447228` gives a label and a number, and `0 0 0` three numbers.

pub mod number;

use crate::report::Layout;
use crate::text::{has_char, trim, Document};
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
///
/// Stored compactly, since a hostile input may be nothing but line breaks:
/// four bytes a line for its start, and one bit for whether it is a footer.
#[derive(Debug, Clone)]
pub struct Lines {
    /// Start of each line; a line ends at the `\n` before the next start,
    /// the last one at the end of the text. Offsets fit in `u32`, as in the
    /// offset map.
    starts: Vec<u32>,
    /// One bit a line: whether it is a page footer.
    footers: Vec<u64>,
    /// One bit a line: whether it starts where a line was broken around a
    /// heading that shared its line, with no line break before it.
    soft: Vec<u64>,
    /// Length of the text.
    len: usize,
}

/// What one cell of a line holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind<'a> {
    /// Text as written: its words and what is between them, to be reduced
    /// by [`crate::text::canon`] for matching (by the reader of the cells,
    /// once).
    Label(&'a str),
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

    /// The label's words as written, if this is a label.
    pub fn label(&self) -> Option<&str> {
        match &self.kind {
            Kind::Label(s) => Some(s),
            _ => None,
        }
    }
}

impl Lines {
    /// Splits the document's text into lines and marks page footers. A
    /// section heading that shares its line with other text (a crawler's
    /// record, where paragraphs ran together) gets a line of its own: the
    /// line is broken before and after it.
    pub fn new(doc: &Document) -> Lines {
        let text = doc.text.as_str();
        let count = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
        let mut starts = Vec::with_capacity(count);
        let mut footers = vec![0u64; count.div_ceil(64)];
        let mut soft = vec![0u64; count.div_ceil(64)];
        let set = |bits: &mut Vec<u64>, i: usize| {
            if bits.len() <= i / 64 {
                bits.resize(i / 64 + 1, 0);
            }
            bits[i / 64] |= 1 << (i % 64);
        };
        let mut headings = crate::sections::written_headings(text).peekable();
        // Each physical line, cut at the headings inside it.
        let mut line = |starts: &mut Vec<u32>, start: usize, end: usize| {
            // A line with no heading inside (most lines) is one line.
            if headings.peek().is_none_or(|&(s, _)| s >= end) {
                if end > start && is_footer(&text[start..end]) {
                    set(&mut footers, starts.len());
                }
                starts.push(start as u32);
                return;
            }
            let mut from = start;
            let mut pieces: Vec<usize> = Vec::new();
            while let Some(&(s, e)) = headings.peek() {
                if s >= end {
                    break;
                }
                headings.next();
                for cut in [s, e] {
                    let text_on_both_sides = cut > from
                        && cut < end
                        && !trim(&text[from..cut]).is_empty()
                        && !trim(&text[cut..end]).is_empty();
                    if text_on_both_sides {
                        pieces.push(cut);
                        from = cut;
                    }
                }
            }
            let mut at = start;
            for (k, &cut) in pieces.iter().chain([end].iter()).enumerate() {
                let i = starts.len();
                if k > 0 {
                    set(&mut soft, i);
                }
                if cut > at && is_footer(&text[at..cut]) {
                    set(&mut footers, i);
                }
                starts.push(at as u32);
                at = cut;
            }
        };
        let mut start = 0;
        crate::text::each_byte(text.as_bytes(), b'\n', |i| {
            line(&mut starts, start, i);
            start = i + 1;
        });
        line(&mut starts, start, text.len());
        let n = starts.len().div_ceil(64);
        footers.resize(n, 0);
        soft.resize(n, 0);
        Lines {
            starts,
            footers,
            soft,
            len: text.len(),
        }
    }

    /// Line `i`.
    ///
    /// # Panics
    ///
    /// If there is no line `i`, as indexing a slice would.
    #[inline]
    pub fn get(&self, i: usize) -> Line {
        let start = self.starts[i] as usize;
        let end = self.starts.get(i + 1).map_or(self.len, |&next| {
            // A line ends at the line break before the next, or where the
            // next was broken off it.
            next as usize - usize::from(self.soft[(i + 1) / 64] & (1 << ((i + 1) % 64)) == 0)
        });
        Line {
            start,
            end,
            footer: self.footers[i / 64] & (1 << (i % 64)) != 0,
        }
    }

    /// All lines, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Line> + ExactSizeIterator + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The lines that hold something, each with its index, in order from
    /// either end: a run of empty lines is passed over by its bytes, not
    /// line by line (a hostile text may hold millions of them). `text`
    /// must be the text the lines were cut from.
    pub fn written<'t>(
        &'t self,
        text: &'t str,
    ) -> impl DoubleEndedIterator<Item = (usize, Line)> + 't {
        Written {
            lines: self,
            text: text.as_bytes(),
            front: 0,
            back: self.len(),
        }
    }

    /// Lines `range`, in order.
    pub fn range(
        &self,
        range: std::ops::Range<usize>,
    ) -> impl DoubleEndedIterator<Item = Line> + ExactSizeIterator + '_ {
        range.map(|i| self.get(i))
    }

    /// The bytes it holds.
    pub fn bytes(&self) -> usize {
        self.starts.len() * 4 + (self.footers.len() + self.soft.len()) * 8
    }

    /// The number of lines.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether there are no lines (never: an empty text has one empty line).
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The line holding normalised offset `offset`.
    pub fn index_of(&self, offset: usize) -> usize {
        // Line `i` ends before `offset` when the next line starts at or before it.
        self.starts[1..]
            .partition_point(|&next| next as usize <= offset)
            .min(self.len().saturating_sub(1))
    }
}

/// The iterator of [`Lines::written`]: the lines `front..back` not yet given.
struct Written<'t> {
    lines: &'t Lines,
    text: &'t [u8],
    front: usize,
    back: usize,
}

impl Iterator for Written<'_> {
    type Item = (usize, Line);

    #[inline]
    fn next(&mut self) -> Option<(usize, Line)> {
        if self.front >= self.back {
            return None;
        }
        let first = self.lines.get(self.front);
        if first.end > first.start {
            self.front += 1;
            return Some((self.front - 1, first));
        }
        // An empty line lies between two line breaks: the next line that
        // holds something holds the next byte that is no line break.
        let end = self.lines.get(self.back - 1).end;
        let i = match self.text[first.start..end].iter().position(|&b| b != b'\n') {
            Some(at) => self.lines.index_of(first.start + at),
            None => self.back,
        };
        self.front = i + 1;
        (i < self.back).then(|| (i, self.lines.get(i)))
    }
}

impl DoubleEndedIterator for Written<'_> {
    #[inline]
    fn next_back(&mut self) -> Option<(usize, Line)> {
        if self.front >= self.back {
            return None;
        }
        let last = self.lines.get(self.back - 1);
        if last.end > last.start {
            self.back -= 1;
            return Some((self.back, last));
        }
        let start = self.lines.get(self.front).start;
        let i = self.text[start..last.start]
            .iter()
            .rposition(|&b| b != b'\n')
            .map(|at| self.lines.index_of(start + at));
        match i {
            Some(i) if i >= self.front => {
                self.back = i;
                Some((i, self.lines.get(i)))
            }
            _ => {
                self.back = self.front;
                None
            }
        }
    }
}

/// Whether `text` (normalised: full-width punctuation is ASCII) is or ends
/// a sentence: it holds a `。`, or a comma outside brackets and not between
/// digits (a table's labels hold commas only in brackets:
/// `(二)部分公开(区分处理的,只计这一情形,…)`).
pub(crate) fn is_sentence(text: &str) -> bool {
    // Most lines have neither a comma nor a character of U+3000–U+3FFF (。
    // among them), and are passed over by that alone.
    let b = text.as_bytes();
    if !b.iter().any(|&x| x == b',' || x == 0xE3) {
        return false;
    }
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let mut depth = 0usize;
    for (i, &x) in b.iter().enumerate() {
        match x {
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            b',' if depth == 0 && !(i > 0 && digit(i - 1) && digit(i + 1)) => return true,
            // 。
            0xE3 if b.get(i + 1..i + 3) == Some(&[0x80, 0x82]) => return true,
            _ => {}
        }
    }
    false
}

/// Whether a line is a paragraph of prose, which ends a table's region: a
/// sentence (a `。`) of twenty-five word characters at least. A shorter
/// line of prose inside the region is passed over ([`is_prose_line`]).
pub(crate) fn is_paragraph(text: &str) -> bool {
    // Twenty-five characters take at least as many bytes.
    text.len() >= 25
        && has_char(text, '。')
        && text
            .chars()
            .filter(|&c| crate::text::is_word_char(c))
            .nth(24)
            .is_some()
}

/// Whether a line of a table's region is a sentence of prose, not a row:
/// no cell separator in it (most rows are known by their first), and a
/// note (`注:`, `备注:`, `说明:`), or a [`is_sentence`] whose every number
/// is counted in a unit or a date (`2022年,本机关共发生行政复议2件,`): a
/// row's values stand alone.
pub(crate) fn is_prose_line(text: &str) -> bool {
    // Prose is written in Han characters: a line of ASCII only (a row of
    // values, a cell of one cell a line) is none.
    if text.is_ascii() || has_byte(text, b'|') || has_byte(text, b'\t') {
        return false;
    }
    let head = text.trim_start();
    let note = ["注", "备注", "说明"].iter().any(|w| {
        head.strip_prefix(w)
            .is_some_and(|r| r.trim_start().starts_with(':'))
    });
    // Each number, and the character after it but spaces: a unit or a date.
    let b = text.as_bytes();
    let counted = || {
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            while i < b.len() && matches!(b[i], b'0'..=b'9' | b'.' | b',' | b' ') {
                i += 1;
            }
            if !text[i..]
                .chars()
                .next()
                .is_some_and(number::counts_or_dates)
            {
                return false;
            }
        }
        true
    };
    note || is_sentence(text) && counted()
}

/// Page footers left by PDF conversion: `— 1—`, `- 3 -`, `第 2 页`, `第2页 共5页`.
pub(crate) fn is_footer(line: &str) -> bool {
    // A footer opens with a dash or 第: a line opening with any other ASCII
    // character is none, which most lines of a table are.
    if line
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii() && !b.is_ascii_whitespace() && b != b'-' && b != 0x0B)
    {
        return false;
    }
    // Every footer has a page number, in ASCII digits, and is short: a
    // short line is looked through for them before it is trimmed.
    let digits = |s: &str| s.bytes().any(|b| b.is_ascii_digit());
    if line.len() <= 40 && !digits(line) {
        return false;
    }
    let t = trim(line);
    if t.len() > 40 || !digits(t) {
        return false;
    }
    let dashes = ['-', '—', '–', '―', '−'];
    // And either dashes at both ends or 页.
    let dashed = t.starts_with(dashes) && t.ends_with(dashes);
    if !dashed && !has_char(t, '页') {
        return false;
    }
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

/// Whether a line is a Markdown separator row such as `|---|:--:|`: each
/// cell dashes, two together at least, and colons. A cell of one dash is a blank
/// cell so marked (`| 3 | - | - |`, `- |` one cell a line), and a row of
/// them a row left blank. A page whose table was made from Markdown line
/// by line holds the rule as a row of such cells, cut at tabs as a page's
/// cells are: a rule still, not a row of blanks.
///
/// ```
/// use nianbao::layout::is_rule;
/// assert!(is_rule("|---|:--:|"));
/// assert!(is_rule("---\t:--:\t---"));
/// assert!(!is_rule("| - | - | - |"));
/// assert!(!is_rule("- |"));
/// assert!(!is_rule("----"));
/// ```
pub fn is_rule(line: &str) -> bool {
    rule_cut_at(line, separator(line))
}

/// Whether `line`, cut at `sep`, is a Markdown rule.
fn rule_cut_at(line: &str, sep: Separator) -> bool {
    let sep = match sep {
        Separator::Pipe => '|',
        Separator::Tab => '\t',
        Separator::Spaces => return false,
    };
    has_byte(line, b'-')
        && line.split(sep).all(|c| {
            let c = c.trim();
            c.is_empty() || c.contains("--") && c.bytes().all(|b| matches!(b, b'-' | b':' | b' '))
        })
}

/// Whether `s` holds the ASCII byte `b`: a short line (most lines of a
/// table) is looked through at once, without `memchr`'s set-up.
fn has_byte(s: &str, b: u8) -> bool {
    if s.len() < 32 {
        s.bytes().any(|x| x == b)
    } else {
        memchr::memchr(b, s.as_bytes()).is_some()
    }
}

/// The separator a line uses.
pub fn separator(line: &str) -> Separator {
    if has_byte(line, b'|') {
        Separator::Pipe
    } else if has_byte(line, b'\t') {
        Separator::Tab
    } else {
        Separator::Spaces
    }
}

/// Whether a line says where its cells end, so that a run of digits in it
/// is one number: it marks its cells (`|`, tabs), or writes its numbers
/// apart by spaces, each a number as written (none with a leading zero,
/// as `00`). A row short of cells there (`规章 1 11`, PDF text) lost a
/// blank cell that left no trace as likely as its digits ran together.
/// `tokens` are the cells of `line`, and of lines after it that hold its
/// values, cut from `text`.
pub(crate) fn cells_end_marked(text: &str, line: &str, tokens: &[Token]) -> bool {
    if separator(line) != Separator::Spaces {
        return true;
    }
    let mut numbers = tokens.iter().filter_map(|t| match &t.kind {
        Kind::Number(n) => Some((t, n.digits)),
        _ => None,
    });
    let Some(mut before) = numbers.next() else {
        return false;
    };
    let whole = |d: &str| !(d.len() > 1 && d.starts_with('0'));
    let (mut apart, mut count) = (whole(before.1), 1);
    for next in numbers {
        let between = &text[before.0.end..next.0.start];
        apart &= whole(next.1) && !between.is_empty() && between.trim().is_empty();
        before = next;
        count += 1;
    }
    apart && count > 1
}

/// The layout of a table, voted by the lines of its region as they are
/// cut: one cell a line where most lines with values hold one value and no
/// label, else Markdown where a line is a Markdown rule, else the separator
/// most lines use. A page's table is read from its decoded rows as any
/// text is: a converter may give each cell a row of its own, and such a
/// table is read one cell a line.
#[derive(Debug, Default)]
pub struct Vote {
    pipe: usize,
    tab: usize,
    spaces: usize,
    rules: usize,
    single: usize,
    valued: usize,
}

impl Vote {
    /// Takes in a line that is not blank, by its separator (`None` for a
    /// Markdown rule) and how many values and labels it holds.
    pub fn line(&mut self, sep: Option<Separator>, values: usize, labels: usize) {
        let Some(sep) = sep else {
            self.rules += 1;
            return;
        };
        if values == 0 {
            return;
        }
        self.valued += 1;
        if values == 1 && labels == 0 {
            self.single += 1;
        }
        match sep {
            Separator::Pipe => self.pipe += 1,
            Separator::Tab => self.tab += 1,
            Separator::Spaces => self.spaces += 1,
        }
    }

    /// Whether the lines vote for one cell a line, if that is settled
    /// whatever the at most `remaining` lines still to come say.
    pub fn settled(&self, remaining: usize) -> Option<bool> {
        if self.single * 2 > self.valued + remaining {
            Some(true)
        } else if self.single * 2 + remaining <= self.valued {
            Some(false)
        } else {
            None
        }
    }

    /// The layout the lines voted for; a page's (`is_html`) laid as rows is [`Layout::Html`].
    pub fn layout(&self, is_html: bool) -> Layout {
        if self.valued > 0 && self.single * 2 > self.valued {
            Layout::CellPerLine
        } else if is_html {
            Layout::Html
        } else if self.rules > 0 {
            Layout::Markdown
        } else if self.pipe >= self.tab && self.pipe >= self.spaces && self.pipe > 0 {
            Layout::Pipe
        } else if self.tab >= self.spaces && self.tab > 0 {
            Layout::Tab
        } else {
            Layout::Spaces
        }
    }
}

/// The cells of one line of text starting at normalised offset `base`.
pub fn cells(line: &str, base: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    for_each_cell(line, base, |t| out.push(t));
    out
}

/// Calls `f` with each cell of one line of text starting at normalised
/// offset `base`, in order, as [`cells`] returns them, without collecting
/// them: a line may hold millions. Returns the line's separator, or `None`
/// for a Markdown rule, which holds no cells.
pub fn for_each_cell<'a>(
    line: &'a str,
    base: usize,
    f: impl FnMut(Token<'a>),
) -> Option<Separator> {
    let sep = separator(line);
    // Most lines of a table are cut at spaces, never a rule: not looked at.
    if sep != Separator::Spaces && rule_cut_at(line, sep) {
        return None;
    }
    cells_of_row(line, sep, base, f);
    Some(sep)
}

/// The cells of a line that is not a Markdown rule, cut at `sep`.
fn cells_of_row<'a>(line: &'a str, sep: Separator, base: usize, mut f: impl FnMut(Token<'a>)) {
    match sep {
        Separator::Pipe | Separator::Tab => {
            let ch = if sep == Separator::Pipe { '|' } else { '\t' };
            // The pipes at either end of a Markdown row open and close it:
            // a blank first or last segment beside them is no cell. A line
            // with a separator has at least two segments, so the first and
            // the last are never the same one.
            let (skip_first, skip_last) = if sep == Separator::Pipe {
                (
                    line.trim_start().starts_with('|'),
                    line.trim_end().ends_with('|'),
                )
            } else {
                (false, false)
            };
            // The separator is one ASCII byte, so the line is cut at its
            // bytes: faster than a general splitter when cells are many.
            let sep_byte = ch as u8;
            let mut row = Row {
                line,
                sep: sep_byte,
                names: None,
            };
            let bytes = line.as_bytes();
            let mut at = 0;
            loop {
                let end = bytes[at..]
                    .iter()
                    .position(|&b| b == sep_byte)
                    .map_or(bytes.len(), |n| at + n);
                let part = &line[at..end];
                let (first, last) = (at == 0, end == bytes.len());
                let outer = (first && skip_first) || (last && skip_last);
                if part.is_empty() {
                    // What `segment` makes of an empty cell, at once.
                    if !outer {
                        f(Token {
                            kind: Kind::Blank,
                            start: base + at,
                            end: base + at,
                        });
                    }
                } else if !(outer && trim(part).is_empty()) {
                    segment(part, base + at, Some(&mut row), &mut f);
                }
                if last {
                    break;
                }
                at = end + 1;
            }
        }
        Separator::Spaces => segment(line, base, None, &mut f),
    }
}

/// A row cut at its separators, and what its cells name their columns by.
struct Row<'a> {
    line: &'a str,
    sep: u8,
    /// The words before the number of the row's first cell that ends in
    /// one, if two cells or more end so after them: known once a cell asks.
    names: Option<Option<&'a str>>,
}

impl<'a> Row<'a> {
    /// Whether `cell` names its column by a number after the words its
    /// neighbours name theirs by (`| 类别 | 数据1 | 数据2 |`, as a converter
    /// names the columns of a table without a header): then it is a label
    /// whole, where a cell such as `数量98` is a label and a value. The row
    /// is looked through once, for its first such cell.
    fn names_column(&mut self, cell: &'a str) -> bool {
        fn words(c: &str) -> Option<&str> {
            let w = c.trim_end_matches(|c: char| c.is_ascii_digit());
            let text = w.len() < c.len() && !w.is_empty() && !w.bytes().any(|b| b.is_ascii_digit());
            text.then_some(w)
        }
        let Some(own) = words(cell) else {
            return false;
        };
        let (line, sep) = (self.line, char::from(self.sep));
        let names = *self.names.get_or_insert_with(|| {
            let count = line
                .split(sep)
                .filter(|c| words(trim(c)) == Some(own))
                .count();
            (count >= 2).then_some(own)
        });
        names == Some(own)
    }
}

/// Reads the words of one cell into tokens: runs of text become one label.
/// A cell cut from a row at its separators (`row`, the row it was cut
/// from) is delimited: a blank or a mark there is an empty cell.
fn segment<'a>(seg: &'a str, base: usize, row: Option<&mut Row<'a>>, f: &mut dyn FnMut(Token<'a>)) {
    let delimited = row.is_some();
    let trimmed = trim(seg);
    if trimmed.is_empty() {
        if delimited {
            f(Token {
                kind: Kind::Blank,
                start: base,
                end: base + seg.len(),
            });
        }
        return;
    }
    let lead = trimmed.as_ptr() as usize - seg.as_ptr() as usize;
    // The commonest cell, a count of a few digits, read at once: what
    // reading it as a word would give.
    if let Some(n) = number::plain_count(trimmed) {
        f(Token {
            kind: Kind::Number(Number {
                value: Some(crate::report::Value::Count(n)),
                digits: trimmed,
                unit: None,
            }),
            start: base + lead,
            end: base + lead + trimmed.len(),
        });
        return;
    }
    if delimited && number::is_null_mark(trimmed) {
        f(Token {
            kind: Kind::Null,
            start: base + lead,
            end: base + lead + trimmed.len(),
        });
        return;
    }
    // A cell of neither words nor digits (a stray letter, an emoji) holds
    // nothing a table can read: an empty cell, which keeps its column.
    if delimited
        && !trimmed
            .chars()
            .any(|c| c.is_ascii_digit() || crate::text::is_han(c))
    {
        f(Token {
            kind: Kind::Blank,
            start: base + lead,
            end: base + lead + trimmed.len(),
        });
        return;
    }
    // A cell of digits after words: a label and a value, or a column's name.
    let ends_in_digit = trimmed.as_bytes().last().is_some_and(u8::is_ascii_digit);
    if ends_in_digit && row.is_some_and(|r| r.names_column(trimmed)) {
        f(Token {
            kind: Kind::Label(trimmed),
            start: base + lead,
            end: base + lead + trimmed.len(),
        });
        return;
    }
    let mut label: Option<(usize, usize)> = None;
    let flush = |label: &mut Option<(usize, usize)>, f: &mut dyn FnMut(Token<'a>)| {
        if let Some((s, e)) = label.take() {
            f(Token {
                kind: Kind::Label(&seg[s..e]),
                start: base + s,
                end: base + e,
            });
        }
    };
    // A number is handed on once the word after it is seen: a year, month
    // or day written apart from its 年 (`2024 年…`, a page's running title)
    // is text, as when written together.
    let mut number: Option<Token<'a>> = None;
    for (ws, w) in words(seg) {
        for (k, word) in run_together(w) {
            let s = ws + k;
            let e = s + word.len();
            if let Some(n) = number.take() {
                if word.starts_with(number::TEXT_MARKS) {
                    label = Some(label.map_or((n.start - base, e), |(ls, _)| (ls, e)));
                    continue;
                }
                flush(&mut label, f);
                f(n);
            }
            match read_word(word) {
                Word::Text => {
                    label = Some(label.map_or((s, e), |(ls, _)| (ls, e)));
                }
                Word::Number(n) => {
                    number = Some(Token {
                        kind: Kind::Number(n),
                        start: base + s,
                        end: base + e,
                    });
                }
                Word::Null => {
                    flush(&mut label, f);
                    f(Token {
                        kind: Kind::Null,
                        start: base + s,
                        end: base + e,
                    });
                }
            }
        }
    }
    if let Some(n) = number {
        flush(&mut label, f);
        f(n);
    }
    flush(&mut label, f);
}

/// The parts of a word whose numbers ran into its text, as where a
/// crawler dropped the separators of a table's cells: `数量170000017二、上年`
/// is a label, a number and a label; `88-720` two numbers, the second
/// signed. A word without both digits and text is one part.
///
/// Digits that belong to the text stay in it: an item number before `.` or
/// `、` (`00000002.其他` is `0000000` and the label `2.其他`), a number
/// after `第` or inside brackets, a table's number after `表` (`表2-1`), a
/// date or a percentage. A unit after a
/// number stays with the number, for [`read_word`] to read.
fn run_together(word: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = word.as_bytes();
    let mixed = b.iter().any(u8::is_ascii_digit)
        && !b
            .iter()
            .all(|&c| c.is_ascii_digit() || matches!(c, b',' | b'.' | b'-' | b'+'))
        || b.windows(2)
            .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'-' | b'+'));
    let slashed = word.len() > 1 && word.contains('/');
    // Only a word with digits or `/` in it may be cut, and only one that
    // is text as a whole.
    let text = (mixed || slashed) && matches!(read_word(word), Word::Text);
    let mut cuts = if mixed && text {
        number_runs(word)
    } else {
        Vec::new()
    };
    if text && slashed {
        cuts.extend(slash_marks(word));
        crate::sort::sort(&mut cuts);
        cuts.dedup();
        cuts.retain(|&c| c > 0 && c < word.len());
    }
    let mut at = 0;
    cuts.into_iter().chain([word.len()]).filter_map(move |cut| {
        let part = (at < cut).then(|| (at, &word[at..cut]));
        at = cut;
        part
    })
}

/// Where [`run_together`] cuts `word` around the `/` marks of empty cells
/// that ran into their neighbours: `规章///` is a label and three empty
/// cells, `98//00098` two empty cells between numbers. Each `/` is one
/// cell; a single `/` between words is text (`本年增/减`).
fn slash_marks(word: &str) -> Vec<usize> {
    let words = |c: Option<char>| c.is_some_and(|c| c != '/' && !c.is_ascii_digit());
    let mut cuts = Vec::new();
    for (i, _) in word.match_indices('/') {
        if words(word[..i].chars().next_back()) && words(word[i + 1..].chars().next()) {
            continue;
        }
        cuts.extend([i, i + 1]);
    }
    cuts
}

/// Where [`run_together`] cuts `word`: at both ends of each number in it.
fn number_runs(word: &str) -> Vec<usize> {
    let b = word.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut cuts = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let signed = matches!(b[i], b'+' | b'-') && digit(i + 1) && (i == 0 || digit(i - 1));
        if !digit(i) && !signed {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while digit(i) || (matches!(b.get(i), Some(b',' | b'.')) && digit(i + 1)) {
            i += 1;
        }
        let mut end = i;
        let before = word[..start].chars().next_back();
        let after = word[end..].chars().next();
        let after_next = word[end..].chars().nth(1);
        // A table's own number (`表2`, `表2-1`) names it.
        if before == Some('表') {
            while matches!(b.get(i), Some(b'-' | b'.')) && digit(i + 1) {
                i += 1;
                while digit(i) {
                    i += 1;
                }
            }
            continue;
        }
        if matches!(before, Some('第' | '('))
            || after.is_some_and(|c| c == ')' || number::TEXT_MARKS.contains(&c))
        {
            continue;
        }
        // An item number opens the label after the number: its last digit.
        if matches!(after, Some('.' | '、')) && !after_next.is_some_and(|c| c.is_ascii_digit()) {
            end -= 1;
            if end == start || !digit(end - 1) {
                continue;
            }
        }
        // A unit written after the number is read with it.
        if let Some(unit) = number::UNITS.iter().find(|u| word[end..].starts_with(*u)) {
            if end == i {
                end += unit.len();
                i = end;
            }
        }
        if start > 0 {
            cuts.push(start);
        }
        cuts.push(end);
    }
    cuts.dedup();
    cuts.retain(|&c| c > 0 && c < word.len());
    cuts
}

/// The words of `s` separated by whitespace, with their offsets.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::canon;

    #[test]
    fn a_settled_vote_is_the_vote_the_lines_end_with() {
        // Lines as (values, labels): one cell a line, rows, and a mix,
        // each cut short at every length, the rest of the lines as above.
        let single = (1, 0);
        let row = (7, 1);
        let label = (0, 1);
        let cases: [Vec<(usize, usize)>; 3] = [
            [label, single, single, single].repeat(8),
            [row, row, label, row].repeat(6),
            [single, row, single, row, row, single, single].repeat(3),
        ];
        for lines in cases {
            let mut vote = Vote::default();
            let mut settled = None;
            for (k, &(values, labels)) in lines.iter().enumerate() {
                vote.line(Some(Separator::Pipe), values, labels);
                if settled.is_none() {
                    settled = vote.settled(lines.len() - k - 1);
                }
            }
            let cells = vote.layout(false) == Layout::CellPerLine;
            assert_eq!(settled, Some(cells), "{lines:?}");
        }
        // With many lines to come nothing is settled.
        let mut vote = Vote::default();
        vote.line(Some(Separator::Pipe), 1, 0);
        assert_eq!(vote.settled(10), None);
        assert_eq!(vote.settled(0), Some(true));
    }

    fn kinds(line: &str) -> Vec<String> {
        cells(line, 0)
            .into_iter()
            .map(|t| match t.kind {
                Kind::Label(s) => format!("L:{}", canon(s)),
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
    fn a_header_naming_columns_by_number_is_text() {
        // A converter names the columns of a table without a header.
        assert_eq!(
            kinds("| 类别 | 数据1 | 数据2 | 数据3 | 总计 |"),
            ["L:类别", "L:数据1", "L:数据2", "L:数据3", "L:总计"]
        );
        assert_eq!(kinds("列1\t列2"), ["L:列1", "L:列2"]);
        // A number run into one cell's words, or into different words, is
        // a value; so is one after the same words apart by spaces.
        assert_eq!(kinds("| 数量98 | 0 |"), ["L:数量", "N:98", "N:0"]);
        assert_eq!(
            kinds("| 规章1 | 文件2 |"),
            ["L:规章", "N:1", "L:文件", "N:2"]
        );
        assert_eq!(kinds("数据1 数据2"), ["L:数据", "N:1", "L:数据", "N:2"]);
    }

    #[test]
    fn numbers_run_into_labels_are_cut_from_them() {
        assert_eq!(
            kinds("申请数量170000017二、上年结转申请数量0000000"),
            [
                "L:申请数量",
                "N:170000017",
                "L:二上年结转申请数量",
                "N:0000000"
            ]
        );
        // The item number of the next row stays with its label.
        assert_eq!(
            kinds("国家秘密00000002.其他法律"),
            ["L:国家秘密", "N:0000000", "L:2其他法律"]
        );
        // A signed change glued to the count before it, an amount with its unit.
        assert_eq!(kinds("行政许可88-720"), ["L:行政许可", "N:88", "N:-720"]);
        assert_eq!(kinds("采购102339.45万元"), ["L:采购", "N:102339.45"]);
        // Marks of empty cells glued to labels and numbers are cells each.
        assert_eq!(kinds("规章//"), ["L:规章", "null", "null"]);
        assert_eq!(
            kinds("予以公开850/0/085"),
            ["L:予以公开", "N:850", "null", "N:0", "null", "N:085"]
        );
        assert_eq!(kinds("本年增/减"), ["L:本年增减"]);
        // Dates, percentages, numbered items and tables are text.
        for text in [
            "2023年1月1日",
            "表2",
            "表2-1:收到和处理政府信息公开申请情况",
            "第1项",
            "占79%",
            "(1)不予公开",
            "3.危及安全",
        ] {
            assert_eq!(kinds(text).len(), 1, "{text}");
        }
    }

    #[test]
    fn written_lines_are_the_lines_that_hold_something_from_either_end() {
        let texts = [
            "",
            "\n\n\n",
            "a",
            "\n\na\n\n\nb \n\n 三、主动公开政府信息情况 第二十条\n\n",
            "一\n\n\n二\n三\n\n\n\n",
            "良好氛围。二、主动公开政府信息情况第二十条\n\n\n四、结转下年度继续办理 0",
        ];
        for text in texts {
            let doc = Document::new(text);
            let lines = Lines::new(&doc);
            let want: Vec<(usize, Line)> = lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.end > l.start)
                .collect();
            let key = |v: &[(usize, Line)]| -> Vec<(usize, usize, usize)> {
                v.iter().map(|(i, l)| (*i, l.start, l.end)).collect()
            };
            let forward: Vec<_> = lines.written(&doc.text).collect();
            assert_eq!(key(&forward), key(&want), "{text:?}");
            let mut backward: Vec<_> = lines.written(&doc.text).rev().collect();
            backward.reverse();
            assert_eq!(key(&backward), key(&want), "{text:?}");
            // Taken from both ends at once, each line once.
            let mut both = lines.written(&doc.text);
            let (mut front, mut back) = (Vec::new(), Vec::new());
            loop {
                match (both.next(), both.next_back()) {
                    (None, None) => break,
                    (f, b) => {
                        front.extend(f);
                        back.extend(b);
                    }
                }
            }
            back.reverse();
            front.extend(back);
            assert_eq!(key(&front), key(&want), "{text:?}");
        }
    }

    #[test]
    fn a_heading_sharing_its_line_gets_a_line_of_its_own() {
        let text =
            "良好氛围。　　二、主动公开政府信息情况第二十条 规章 0 0 0\n四、结转下年度继续办理 0";
        let doc = Document::new(text);
        let lines = Lines::new(&doc);
        let got: Vec<&str> = lines.iter().map(|l| &doc.text[l.start..l.end]).collect();
        assert_eq!(
            got,
            [
                "良好氛围。  ",
                "二、主动公开政府信息情况",
                "第二十条 规章 0 0 0",
                "四、结转下年度继续办理 0"
            ]
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

    #[test]
    fn prose_lines_count_or_date_their_numbers() {
        for p in [
            "2022年,本机关共发生行政复议12件,",
            "公开政府信息3万余条,",
            "备注:以上数据均为0。",
            "截至12月31日,办结率100%。",
            "依据国务院令711号,",
        ] {
            assert!(is_prose_line(p), "{p}");
        }
        // A row's values stand alone; a line with a separator is a row.
        for p in [
            "行政许可 12 3,",
            "本年新收 98件 | 0,",
            "2022年,本机关收到申请 98 0 0,",
            "1 2 3",
        ] {
            assert!(!is_prose_line(p), "{p}");
        }
    }
}
