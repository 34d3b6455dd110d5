//! Where each table lies: ranges of lines found from the words that open
//! the tables (第二十条, 本年新收, 行政复议) rather than from section numbers,
//! which converted documents often get wrong.

use std::ops::Range;

use crate::layout::{self, Lines};
use crate::text::{canon, Document};

/// A line longer than this (in canonical characters) is prose, not a table line.
const PROSE: usize = 60;
/// How far above 本年新收 the header of table 三 may start, in lines.
const HEADER_LINES: usize = 20;
/// How far below its heading table 四's numbers may be, in lines.
const APPEALS_LINES: usize = 60;
/// How many values table 四 holds.
const APPEALS_VALUES: usize = 15;

/// The line ranges of the three tables.
#[derive(Debug, Clone, Default)]
pub struct Regions {
    /// Table 二.
    pub active: Option<Range<usize>>,
    /// Table 三.
    pub requests: Option<Range<usize>>,
    /// Table 四.
    pub appeals: Option<Range<usize>>,
}

/// Finds the tables' regions.
pub fn find(doc: &Document, lines: &Lines) -> Regions {
    let canon_of = |i: usize| {
        let l = lines.all()[i];
        canon(&doc.text[l.start..l.end])
    };
    let n = lines.len();
    let short = |c: &str| c.chars().count() <= PROSE;
    let first = |from: usize, to: usize, pred: &dyn Fn(&str) -> bool| {
        (from..to).find(|&i| {
            let c = canon_of(i);
            short(&c) && pred(&c)
        })
    };

    let header = |c: &str| {
        c.contains("收到和处理")
            || c.contains("申请人情况")
            || c.contains("勾稽关系")
            || c.contains("处理政府信息公开申请")
    };
    // Table 三 opens with 本年新收; where that label was lost, with its header.
    let requests_anchor = first(0, n, &|c| c.contains("本年新收")).or_else(|| first(0, n, &header));
    let requests_start =
        requests_anchor.map(|a| first(a.saturating_sub(HEADER_LINES), a, &header).unwrap_or(a));
    let appeals_anchor = match requests_anchor {
        Some(a) => first(a + 1, n, &|c| c.contains("行政复议")),
        // Without table 三, table 四 opens with a header line naming 行政复议
        // (no numbers in it) followed closely by 维持.
        None => (0..n).find(|&i| {
            let c = canon_of(i);
            short(&c)
                && c.contains("行政复议")
                && !c.bytes().any(|b| b.is_ascii_digit())
                && (i..n.min(i + 8)).any(|k| canon_of(k).contains("维持"))
        }),
    };
    let active_end = requests_start.or(appeals_anchor).unwrap_or(n);
    let active_start = first(0, active_end, &|c| {
        c.contains("第二十条") || c.starts_with("信息内容")
    });

    let requests = requests_start.map(|s| {
        let end = appeals_anchor.unwrap_or_else(|| end_of_requests(doc, lines, s));
        s..end
    });
    let appeals = appeals_anchor.map(|s| s..end_of_appeals(doc, lines, s));
    Regions {
        active: active_start.map(|s| s..active_end),
        requests,
        appeals,
    }
}

/// Without table 四, table 三 ends after its last row (结转下年度) or at the next heading.
fn end_of_requests(doc: &Document, lines: &Lines, start: usize) -> usize {
    let all = lines.all();
    for (i, l) in all.iter().enumerate().skip(start + 1) {
        let text = &doc.text[l.start..l.end];
        if canon(text).contains("结转下年") {
            // Its numbers may follow on the next lines (one cell a line).
            let mut end = i + 1;
            while end < all.len() && end < i + 10 && is_values_only(doc, lines, end) {
                end += 1;
            }
            return end;
        }
        if crate::sections::is_section_heading(text) || is_prose(text) {
            return i;
        }
    }
    all.len()
}

fn is_values_only(doc: &Document, lines: &Lines, i: usize) -> bool {
    let l = lines.all()[i];
    let cells = layout::cells(&doc.text[l.start..l.end], 0);
    cells.iter().any(|c| c.is_value()) && cells.iter().all(|c| c.label().is_none())
}

/// Table 四 ends once its fifteen values are read and a line without values
/// follows, or at a heading or prose once any value was read.
fn end_of_appeals(doc: &Document, lines: &Lines, start: usize) -> usize {
    let all = lines.all();
    let mut values = 0;
    for (i, l) in all.iter().enumerate().skip(start + 1) {
        if l.footer {
            continue;
        }
        let text = &doc.text[l.start..l.end];
        let cells = layout::cells(text, 0);
        let here = cells.iter().filter(|c| c.is_value()).count();
        if (values >= APPEALS_VALUES && here == 0)
            || (values > 0 && is_heading_or_prose(text))
            || (values == 0 && i > start + APPEALS_LINES)
            || crate::sections::is_section_heading(text)
        {
            return i;
        }
        values += here;
    }
    all.len()
}

/// A heading such as `五、…` or `(一)主要问题`, or a line of prose.
fn is_heading_or_prose(text: &str) -> bool {
    let t = text.trim().trim_start_matches('#').trim();
    let numbered = t.starts_with('(')
        && t.chars()
            .nth(1)
            .is_some_and(|ch| "一二三四五六七八九十".contains(ch));
    numbered || crate::sections::is_section_heading(text) || is_prose(text)
}

/// A sentence rather than a table line: long, with sentence punctuation.
fn is_prose(text: &str) -> bool {
    canon(text).chars().count() >= 25 && text.contains('。')
}
