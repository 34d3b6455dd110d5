//! Figures in the prose: a number with its unit, found after the words
//! that say what it counts (`收到政府信息公开申请98件`) or, where none
//! follows them, right before them (`另有 103 件顺延到下年度`,
//! `12件行政复议案件`), outside the tables.
//!
//! A figure belongs to its words only within one clause: the scan from the
//! words to the number stops at punctuation, at another number, or after a
//! few characters, so a count is never tied to words it does not follow
//! or directly precede.

use std::ops::Range;

use crate::rules::Context;
use crate::sections::is_heading;
use crate::span::Span;

/// Characters that end a clause. Line breaks do not: PDF text breaks lines
/// anywhere in a sentence.
const BREAKS: &[char] = &['。', ',', ';', '!', '?', '、', '(', ')', ':', '《', '》'];

/// A number written in the prose.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    /// The value.
    pub value: f64,
    /// Where the number and its unit are, in the normalised text.
    pub range: (usize, usize),
    /// Where the words before it start, in the normalised text.
    pub words_start: usize,
}

/// What to look for.
pub struct Pattern<'p> {
    /// Words that say what is counted, longest first.
    pub words: &'p [&'p str],
    /// How many characters may stand between the words and the number.
    pub gap: usize,
    /// Units the number must carry, such as `件`.
    pub units: &'p [&'p str],
    /// Words the gap, or the rest of the clause after the figure
    /// (`收到2份以信函形式提出的信息公开申请`), must contain one of, if any.
    pub gap_needs: &'p [&'p str],
    /// Words that, found in the gap, mean the figure counts something else.
    pub gap_excludes: &'p [&'p str],
    /// Characters that, right before the words, mean they belong to longer words.
    pub not_after: &'p [char],
}

/// The parts of the normalised text outside every table.
pub fn prose(cx: &Context) -> Vec<Range<usize>> {
    let mut tables: Vec<Range<usize>> = cx.report.tables.iter().map(|t| t.text.clone()).collect();
    crate::sort::by_key(&mut tables, |r| r.start);
    let mut out = Vec::new();
    let mut at = 0;
    for t in tables {
        if t.start > at {
            out.push(at..t.start);
        }
        at = at.max(t.end);
    }
    if at < cx.doc.text.len() {
        out.push(at..cx.doc.text.len());
    }
    out
}

/// A part of the prose with its line breaks taken out, so that words and
/// numbers broken over lines by PDF extraction read whole.
pub(crate) struct Joined {
    text: String,
    /// Offset in the normalised text of the part's start.
    base: usize,
    /// Offsets in `text` before which a line break was taken out.
    breaks: Vec<usize>,
    /// Where each character other than ASCII stands in `text`, in order,
    /// grouped by the low bits of its code point: where a word may start,
    /// so that the many words of the patterns are looked up, not each
    /// searched for through the whole text. Group `g` is
    /// `starts[bounds[g]..bounds[g + 1]]`.
    starts: Vec<u32>,
    bounds: Vec<u32>,
}

/// How many groups [`Joined`] sorts characters into: on the archive's
/// reports 256 took fewer instructions than 64, 512 or 1,024 (each part
/// of the prose pays for its groups; each look-up, for its group's size).
const GROUPS: usize = 256;

/// The group of a character in [`Joined`].
fn group(c: char) -> usize {
    c as usize & (GROUPS - 1)
}

impl Joined {
    fn new(text: &str, range: Range<usize>) -> Joined {
        let mut joined = String::with_capacity(range.len());
        let mut breaks = Vec::new();
        let part = &text[range.clone()];
        let mut from = 0;
        for at in memchr::memchr_iter(b'\n', part.as_bytes()) {
            joined.push_str(&part[from..at]);
            breaks.push(joined.len());
            from = at + 1;
        }
        joined.push_str(&part[from..]);
        // A counting sort: the size of each group, where each begins, and
        // each character's place in its group.
        let wide = || joined.char_indices().filter(|(_, c)| !c.is_ascii());
        let mut bounds = vec![0u32; GROUPS + 1];
        for (_, c) in wide() {
            bounds[group(c) + 1] += 1;
        }
        for g in 0..GROUPS {
            bounds[g + 1] += bounds[g];
        }
        let mut next = bounds.clone();
        let mut starts = vec![0u32; bounds[GROUPS] as usize];
        for (i, c) in wide() {
            let at = &mut next[group(c)];
            starts[*at as usize] = i as u32;
            *at += 1;
        }
        Joined {
            text: joined,
            base: range.start,
            breaks,
            starts,
            bounds,
        }
    }

    /// Where `word` starts in the text, in order, without overlaps.
    fn matches(&self, word: &str) -> Vec<usize> {
        let Some(first) = word.chars().next().filter(|c| !c.is_ascii()) else {
            return self.text.match_indices(word).map(|(i, _)| i).collect();
        };
        let mut out = Vec::new();
        let g = group(first);
        let (from, to) = (self.bounds[g] as usize, self.bounds[g + 1] as usize);
        // Most characters of the group are not the word's first: its bytes
        // are compared here before the rest of the word is.
        let (lead, rest) = word.as_bytes().split_at(first.len_utf8());
        let text = self.text.as_bytes();
        for i in self.starts[from..to].iter().map(|&i| i as usize) {
            let Some(here) = text.get(i..i + word.len()) else {
                continue;
            };
            if here.iter().zip(lead).all(|(a, b)| a == b)
                && out.last().is_none_or(|&last| i >= last + word.len())
                && here[lead.len()..] == *rest
            {
                out.push(i);
            }
        }
        out
    }

    /// The offset in the normalised text of the character at `at` here.
    fn normal(&self, at: usize) -> usize {
        self.base + at + self.breaks.partition_point(|&b| b <= at)
    }

    /// The offset in the normalised text of the end of a range ending at `at` here.
    fn normal_end(&self, at: usize) -> usize {
        self.base + at + self.breaks.partition_point(|&b| b < at)
    }
}

/// Every figure matching `pattern` in the prose, in text order.
pub fn find(cx: &Context, pattern: &Pattern) -> Vec<Figure> {
    let mut out = Vec::new();
    let parts = cx.prose.get_or_init(|| {
        prose(cx)
            .into_iter()
            .map(|range| Joined::new(&cx.doc.text, range))
            .collect()
    });
    for joined in parts {
        let text = joined.text.as_str();
        let mut found: Vec<Figure> = Vec::new();
        for word in pattern.words {
            // Words already read as part of a longer phrase are not read
            // again: look up the figure of a longer word just before.
            crate::sort::by_key(&mut found, |f| f.words_start);
            let longer = found.len();
            for start in joined.matches(word) {
                if text[..start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| pattern.not_after.contains(&c))
                {
                    continue;
                }
                let before = found[..longer].partition_point(|f| f.words_start <= start);
                if before > 0 && start < found[before - 1].range.0 {
                    continue;
                }
                let end = start + word.len();
                let figure = after(text, start, end, text.len(), pattern)
                    .or_else(|| preceding(text, start, end, pattern));
                if let Some(f) = figure {
                    found.push(f);
                }
            }
        }
        out.extend(found.into_iter().map(|f| Figure {
            value: f.value,
            range: (joined.normal(f.range.0), joined.normal_end(f.range.1)),
            words_start: joined.normal(f.words_start),
        }));
    }
    crate::sort::by_key(&mut out, |f| f.range.0);
    out.dedup_by_key(|f| f.range);
    out
}

/// The figure after words ending at `from`, within `end`.
fn after(text: &str, words_start: usize, from: usize, end: usize, p: &Pattern) -> Option<Figure> {
    let rest = &text[from..end];
    let digit = rest
        .char_indices()
        .take(p.gap + 1)
        .find(|&(i, c)| c.is_ascii_digit() || (BREAKS.contains(&c) && !in_term(rest, i)));
    let (offset, c) = digit?;
    if !c.is_ascii_digit() {
        return None;
    }
    let gap = &rest[..offset];
    if p.gap_excludes.iter().any(|w| gap.contains(w)) {
        return None;
    }
    let num_start = from + offset;
    let number_len = text[num_start..end]
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || (c == '.' && i > 0)))
        .map_or(end - num_start, |(i, _)| i);
    let number = text[num_start..num_start + number_len].trim_end_matches('.');
    let value = crate::layout::number::decimal(number)?;
    let after_number = num_start + number.len();
    let unit_at =
        after_number + (text[after_number..end].len() - text[after_number..end].trim_start().len());
    let unit = p
        .units
        .iter()
        .find(|u| text[unit_at..end].starts_with(*u))?;
    let unit_end = unit_at + unit.len();
    let tail_end = floor_boundary(text, (unit_end + TAIL).min(end));
    if !needed(p, gap, &text[unit_end..tail_end]) {
        return None;
    }
    Some(Figure {
        value,
        range: (num_start, unit_end),
        words_start,
    })
}

/// Whether the break at `i` of `s` is inside the regulation's name for
/// applicants, `公民、法人或者其他组织`, one noun and no list.
fn in_term(s: &str, i: usize) -> bool {
    s[..i].ends_with("公民") && s[i..].starts_with("、法人")
}

/// How far after a figure, in bytes, the rest of its clause is looked at.
const TAIL: usize = 72;

/// How many characters may stand between a figure and the words it comes
/// before (`12件行政复议案件`, `103 件顺延到下年度`).
const BEFORE_GAP: usize = 2;

/// The figure right before words at `words_start..from`: a number and its
/// unit, at most [`BEFORE_GAP`] characters before them in the same clause.
fn preceding(text: &str, words_start: usize, from: usize, p: &Pattern) -> Option<Figure> {
    let head = &text[..words_start];
    let mut unit_end = words_start;
    for (skipped, (i, c)) in head.char_indices().rev().enumerate() {
        if let Some(unit) = p.units.iter().find(|u| head[..unit_end].ends_with(*u)) {
            let number_part = head[..unit_end - unit.len()].trim_end();
            let digits = number_part.len()
                - number_part
                    .trim_end_matches(|c: char| c.is_ascii_digit())
                    .len();
            let num_start = number_part.len() - digits;
            let lone = !number_part[..num_start].ends_with(['.', '%']);
            let gap = &head[unit_end..];
            if digits == 0 || !lone || p.gap_excludes.iter().any(|w| gap.contains(w)) {
                return None;
            }
            let tail_end = floor_boundary(text, from + TAIL);
            if !needed(p, gap, &text[from..tail_end]) {
                return None;
            }
            return Some(Figure {
                value: crate::layout::number::decimal(&number_part[num_start..])?,
                range: (num_start, unit_end),
                words_start,
            });
        }
        if skipped >= BEFORE_GAP || c.is_ascii_digit() || BREAKS.contains(&c) {
            return None;
        }
        unit_end = i;
    }
    None
}

/// Whether the gap, or the rest of the clause after the figure, holds one
/// of the words the pattern needs.
fn needed(p: &Pattern, gap: &str, tail: &str) -> bool {
    let clause = tail.find(BREAKS).map_or(tail, |i| &tail[..i]);
    p.gap_needs.is_empty()
        || p.gap_needs
            .iter()
            .any(|w| gap.contains(w) || clause.contains(w))
}

/// How far a paragraph is followed from a point, in bytes: enough for any
/// sentence of a report, and a bound that keeps the rules linear.
const PARAGRAPH_REACH: usize = 2000;

/// The largest character boundary of `text` at or below `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Where the paragraph holding `at` ends: at a blank line, a heading, or
/// [`PARAGRAPH_REACH`] bytes on.
pub fn paragraph_end(text: &str, at: usize) -> usize {
    let limit = floor_boundary(text, at + PARAGRAPH_REACH);
    let mut end = at;
    for line in text[at..limit].split_inclusive('\n') {
        let next = end + line.len();
        if end > at && (line.trim().is_empty() || is_heading(line)) {
            return end;
        }
        end = next;
    }
    limit
}

/// Where the paragraph holding `at` starts: after a blank line or a
/// heading, or [`PARAGRAPH_REACH`] bytes back.
pub fn paragraph_start(text: &str, at: usize) -> usize {
    let limit = floor_boundary(text, at.saturating_sub(PARAGRAPH_REACH));
    let window = &text[limit..at];
    let mut start = window.rfind('\n').map_or(0, |i| i + 1);
    while start > 0 {
        let prev_start = window[..start - 1].rfind('\n').map_or(0, |i| i + 1);
        let prev = &window[prev_start..start - 1];
        if prev.trim().is_empty() || is_heading(prev) {
            break;
        }
        start = prev_start;
    }
    limit + start
}

/// The offset of the start of the clause holding `at`: after the last of
/// `chars`, looking at most [`PARAGRAPH_REACH`] bytes back.
pub fn clause_start(text: &str, at: usize, chars: &[char]) -> usize {
    let limit = floor_boundary(text, at.saturating_sub(PARAGRAPH_REACH));
    limit + after_last(&text[limit..at], chars)
}

/// The offset just after the last of `chars` in `s`, or 0.
pub fn after_last(s: &str, chars: &[char]) -> usize {
    s.char_indices()
        .rev()
        .find(|(_, c)| chars.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// The input span of a figure.
pub fn span(cx: &Context, f: &Figure) -> Span {
    cx.doc.span(f.range.0, f.range.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern<'p>(words: &'p [&'p str]) -> Pattern<'p> {
        Pattern {
            words,
            gap: 16,
            units: &["件", "起"],
            gap_needs: &["申请"],
            gap_excludes: &["结转"],
            not_after: &[],
        }
    }

    fn figures(text: &str, p: &Pattern) -> Vec<f64> {
        let report = crate::check(text);
        let doc = crate::text::Document::new(text);
        let cx = Context::new(&report, &doc, None);
        find(&cx, p).iter().map(|f| f.value).collect()
    }

    #[test]
    fn finds_figures_in_their_clause_only() {
        let p = pattern(&["收到", "受理"]);
        assert_eq!(
            figures("全区共收到政府信息公开申请98件,均已办结。", &p),
            [98.0]
        );
        assert_eq!(figures("全市共受理政府信息公开申请 3119 件", &p), [3119.0]);
        assert_eq!(figures("今年我局收到政府信息公开申请2起", &p), [2.0]);
        assert_eq!(figures("收到,申请98件", &p), Vec::<f64>::new());
        assert_eq!(figures("收到上年结转申请5件", &p), Vec::<f64>::new());
        assert_eq!(figures("收到政府信息公开申请98条", &p), Vec::<f64>::new());
    }

    #[test]
    fn a_word_is_found_only_where_all_of_it_is() {
        // 收 is U+6536: U+0136 (Ķ) shares its group, and ends the text
        // with fewer bytes than the word has.
        let text = "收到98件收收到Ķ";
        let joined = Joined::new(text, 0..text.len());
        assert_eq!(joined.matches("收到"), [0, "收到98件收".len()]);
        assert_eq!(joined.matches("到98"), [3]);
        assert!(joined.matches("Ķ收").is_empty());
    }
}
