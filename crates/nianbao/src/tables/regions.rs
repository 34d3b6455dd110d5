//! Where each table lies: ranges of lines found from the words that open
//! the tables (第二十条, 本年新收, 行政复议: `labels::opens_of`, beside the
//! words that name the rows) rather than from section numbers, which
//! converted documents often get wrong.

use std::ops::Range;

use super::labels::{opens, opens_of, requests_row};
use super::schema::row;
use crate::layout::{self, Lines};
use crate::text::{canon_into, canon_up_to, has_char, trim, Document};

/// A line longer than this (in canonical characters) is prose, not a table line.
const PROSE: usize = 60;
/// How far above 本年新收 the header of table 三 may start, in lines.
const HEADER_LINES: usize = 20;
/// How far below its heading table 四's numbers may be, in lines.
const APPEALS_LINES: usize = 60;
/// How many values table 四 holds.
const APPEALS_VALUES: usize = 15;

/// Where one table lies: a range of lines, the first of which may hold
/// prose before the table (a crawler's record, where the table runs on
/// after the last sentence of a paragraph).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// The lines of the table.
    pub lines: Range<usize>,
    /// Where the table starts in the normalised text, within the first line.
    pub from: usize,
    /// Where it ends, within the last line: a line's end, or where prose
    /// follows its last value on the same line (a report on one line).
    pub to: usize,
}

impl Region {
    /// The lines of the region, the first cut to start at [`Region::from`]
    /// and the last to end at [`Region::to`], each with its index.
    pub fn lines<'l>(
        &self,
        lines: &'l Lines,
    ) -> impl DoubleEndedIterator<Item = (usize, layout::Line)> + 'l {
        let (from, to) = (self.from, self.to);
        self.lines.clone().map(move |i| {
            let mut line = lines.get(i);
            line.end = line.end.min(to).max(line.start);
            line.start = line.start.max(from).min(line.end);
            (i, line)
        })
    }
}

/// The regions of the three tables.
#[derive(Debug, Clone, Default)]
pub struct Regions {
    /// Table 二.
    pub active: Option<Region>,
    /// Table 三.
    pub requests: Option<Region>,
    /// Table 四.
    pub appeals: Option<Region>,
}

/// Finds the tables' regions.
pub fn find(doc: &Document, lines: &Lines) -> Regions {
    let n = lines.len();
    // One pass reads every short line's canonical form once, into one
    // buffer, and keeps the few lines that may open a table: a text of a
    // million lines is read once, without allocating for each.
    let mut buf = String::new();
    // Each mark: the line, what it may open, and where in the line the
    // table part starts.
    let mut marks: Vec<(usize, u8, usize)> = Vec::new();
    // The first 本年新收: once table 四 opens on a line after it, every
    // table's start is known (each is the first of its marks), and the
    // lines after it are not read.
    let mut requests_line = None;
    for (i, l) in lines.iter().enumerate() {
        // Every word looked for is four Han characters or more: twelve bytes.
        if l.end - l.start < 12 {
            continue;
        }
        let text = &doc.text[l.start..l.end];
        // A long line is prose, but for what follows its last sentence: a
        // table whose cells ran together after it, as in a crawler's record.
        // So is a short line of a sentence, as PDF text breaks prose
        // (`本年新收政府信息公开申请98件，`), but for a table after it.
        let short = canon_up_to(text, &mut buf, PROSE);
        let mut mark = if short { opens_of(&buf) } else { 0 };
        let mut from = l.start;
        if !short || (mark != 0 && layout::is_sentence(text)) {
            let tail = text.rfind('。').map_or(0, |n| n + '。'.len_utf8());
            let part = &text[tail..];
            if part.len() < 12 || !has_digit(part) || (short && layout::is_sentence(part)) {
                continue;
            }
            canon_into(part, &mut buf);
            mark = opens_of(&buf);
            from = l.start + tail;
        }
        if mark != 0 {
            marks.push((i, mark, from));
        }
        if mark & opens::APPEALS != 0 && requests_line.is_some_and(|r| r < i) {
            break;
        }
        if mark & opens::REQUESTS != 0 && requests_line.is_none() {
            requests_line = Some(i);
        }
    }
    let first = |from: usize, to: usize, mark: u8| {
        marks
            .iter()
            .find(|&&(i, m, _)| i >= from && i < to && m & mark != 0)
            .map(|&(i, _, _)| i)
    };
    // Where the table part of line `i` starts.
    let part = |i: usize| {
        marks
            .iter()
            .find(|&&(m, _, _)| m == i)
            .map_or_else(|| lines.get(i).start, |&(_, _, from)| from)
    };
    let canon_contains = |i: usize, word: &str| {
        let l = lines.get(i);
        canon_into(&doc.text[l.start..l.end], &mut buf);
        buf.contains(word)
    };

    // Table 三 opens with 本年新收; where that label was lost, with its header.
    let requests_anchor =
        first(0, n, opens::REQUESTS).or_else(|| first(0, n, opens::REQUESTS_HEADER));
    let requests_start = requests_anchor
        .map(|a| first(a.saturating_sub(HEADER_LINES), a, opens::REQUESTS_HEADER).unwrap_or(a));
    let appeals_anchor = match requests_anchor {
        Some(a) => first(a + 1, n, opens::APPEALS),
        // Without table 三, table 四 opens with a header line naming 行政复议
        // (no numbers in it) followed closely by 维持.
        None => {
            let mut canon_contains = canon_contains;
            marks
                .iter()
                .filter(|&&(_, m, _)| m & opens::APPEALS_HEADER != 0)
                .map(|&(i, _, _)| i)
                .find(|&i| (i..n.min(i + 8)).any(|k| canon_contains(k, "维持")))
        }
    };
    let active_end = requests_start.or(appeals_anchor).unwrap_or(n);
    let active_start = first(0, active_end, opens::ACTIVE);

    let region = |lines: Range<usize>| Region {
        from: part(lines.start),
        to: usize::MAX,
        lines,
    };
    let requests = requests_start.map(|s| {
        let end = appeals_anchor.unwrap_or_else(|| end_of_requests(doc, lines, s));
        region(s..end.max(s + 1))
    });
    let appeals = appeals_anchor.map(|s| {
        let (end, to) = end_of_appeals(doc, lines, s);
        Region {
            to,
            ..region(s..end)
        }
    });
    Regions {
        active: active_start.map(|s| region(s..active_end.max(s + 1))),
        requests,
        appeals,
    }
}

/// Whether `s` holds an ASCII digit.
fn has_digit(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
}

/// Without table 四, table 三 ends after its last row (结转下年度) or at the next heading.
fn end_of_requests(doc: &Document, lines: &Lines, start: usize) -> usize {
    let mut buf = String::new();
    for (i, l) in lines.iter().enumerate().skip(start + 1) {
        if l.start == l.end {
            continue;
        }
        let text = &doc.text[l.start..l.end];
        // Only a line with 结 can name 结转下年度: no need to reduce the others.
        if text.len() >= "结转下年".len() && has_char(text, '结') && {
            canon_into(text, &mut buf);
            requests_row(&buf) == Some(row::CARRIED_FORWARD)
        } {
            // Its numbers may follow on the next lines (one cell a line).
            let mut end = i + 1;
            while end < lines.len() && end < i + 10 && is_values_only(doc, lines, end) {
                end += 1;
            }
            return end;
        }
        if crate::sections::is_section_heading(text) || layout::is_paragraph(text) {
            return i;
        }
    }
    lines.len()
}

fn is_values_only(doc: &Document, lines: &Lines, i: usize) -> bool {
    let l = lines.get(i);
    let (mut values, mut labels) = (0, 0);
    layout::for_each_cell(&doc.text[l.start..l.end], 0, |c| {
        values += usize::from(c.is_value());
        labels += usize::from(c.label().is_some());
    });
    values > 0 && labels == 0
}

/// Table 四 ends once its fifteen values are read and a line without values
/// follows, or at a heading or prose once any value was read; and within a
/// line, where a heading or a sentence follows its fifteen values (a
/// report on one line, its section 五 unnamed): the end of the region's
/// lines, and where the last of them is cut.
fn end_of_appeals(doc: &Document, lines: &Lines, start: usize) -> (usize, usize) {
    let mut values = 0;
    // Lines that hold something: one cell a line may come with blank lines
    // between the cells, which do not count towards the distance.
    let mut seen = 0;
    for (i, l) in lines.iter().enumerate().skip(start) {
        let text = &doc.text[l.start..l.end];
        if l.footer || trim(text).is_empty() {
            continue;
        }
        if i > start {
            seen += 1;
        }
        let (mut here, mut cells, mut cut) = (0, values, None);
        layout::for_each_cell(text, 0, |c| {
            if cut.is_some() {
                return;
            }
            if c.is_value() {
                here += 1;
                // Digits that ran together count as the cells they may be.
                cells += match &c.kind {
                    layout::Kind::Number(n) => n.digits.len().max(1),
                    _ => 1,
                };
            } else if cells >= APPEALS_VALUES && c.label().is_some() {
                let word = &text[c.start..c.end];
                if crate::sections::is_heading(word) || has_char(word, '。') {
                    cut = Some(l.start + c.start);
                }
            }
        });
        if let Some(to) = cut {
            return (i + 1, to);
        }
        if i == start {
            continue;
        }
        if (values >= APPEALS_VALUES && here == 0)
            || (values > 0 && is_heading_or_prose(text))
            || (values == 0 && seen > APPEALS_LINES)
            || crate::sections::is_section_heading(text)
        {
            return (i, usize::MAX);
        }
        values += here;
    }
    (lines.len(), usize::MAX)
}

/// A numbered heading such as `五、…` or `(一)主要问题`, a section's
/// heading, or a line of prose. A Markdown heading of no section (`###
/// 行政复议`) names a part of the table and does not end it.
fn is_heading_or_prose(text: &str) -> bool {
    let numbered = crate::sections::is_heading(text) && !trim(text).starts_with('#');
    numbered || crate::sections::is_section_heading(text) || layout::is_paragraph(text)
}
