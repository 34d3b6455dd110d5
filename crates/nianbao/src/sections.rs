//! The six sections of a report, found by their headings.
//!
//! Headings vary (一、总体情况 or 一、概述; 六、其他需要报告的事项 or 六、其他事项),
//! and converted documents renumber them, so a heading is recognised by its
//! words, not its number: a short line, opening with a numeral such as
//! `二、` or a Markdown `#`, whose words name one section.

use crate::layout::Lines;
use crate::report::{Section, SectionKey};
use crate::text::{canon, trim, Document};

/// Longest heading, in characters.
const MAX_HEADING: usize = 40;

/// Finds the sections; each is the first heading naming it, and runs to the
/// next section found or the end of the text.
pub fn find(doc: &Document, lines: &Lines) -> [Option<Section>; 6] {
    let mut found: [Option<(usize, usize, String)>; 6] = Default::default();
    for line in lines.iter().filter(|l| l.end > l.start) {
        let raw = &doc.text[line.start..line.end];
        let Some(heading) = heading_text(raw) else {
            continue;
        };
        if let Some(key) = section_of(&canon(heading)) {
            let slot = &mut found[key.index()];
            if slot.is_none() {
                *slot = Some((line.start, line.end, heading.to_string()));
            }
        }
    }
    let mut starts: Vec<usize> = found.iter().flatten().map(|f| f.0).collect();
    crate::sort::sort(&mut starts);
    let mut out: [Option<Section>; 6] = Default::default();
    for key in SectionKey::ALL {
        if let Some((start, end, heading)) = found[key.index()].take() {
            let next = starts
                .iter()
                .copied()
                .find(|&s| s > start)
                .unwrap_or(doc.text.len());
            out[key.index()] = Some(Section {
                key,
                heading,
                heading_span: doc.span(start, end),
                span: doc.span(start, next.max(end)),
                text: start..next.max(end),
                body: end.min(next.max(end)),
            });
        }
    }
    out
}

/// Whether a line is the heading of one of the six sections.
pub fn is_section_heading(line: &str) -> bool {
    heading_text(line).is_some_and(|h| section_of(&canon(h)).is_some())
}

/// Whether a line is a heading of any level: `一、…`, `(二)…`, `# …`.
/// The one idea of a heading that sections, table regions and the
/// narrative rules' paragraphs share.
///
/// ```
/// use nianbao::sections::is_heading;
/// assert!(is_heading("二、主动公开政府信息情况"));
/// assert!(is_heading("(一)主要问题"));
/// assert!(is_heading("## 其他事项"));
/// assert!(!is_heading("一是加强组织领导。"));
/// ```
pub fn is_heading(line: &str) -> bool {
    let t = trim(line);
    let sub = t
        .strip_prefix('(')
        .is_some_and(|rest| rest.starts_with(is_numeral));
    sub || heading_text(line).is_some()
}

/// The heading text of a line, if it can be a heading.
fn heading_text(line: &str) -> Option<&str> {
    // A heading opens with `#` or a numeral, or with whitespace before
    // them: a line opening with any other character is none, which most
    // lines of a table are.
    if line
        .chars()
        .next()
        .is_some_and(|c| !c.is_whitespace() && c != '#' && !is_numeral(c))
    {
        return None;
    }
    let t = trim(line);
    let (t, markdown) = match t.strip_prefix('#') {
        Some(rest) => (trim(rest.trim_start_matches('#')), true),
        None => (t, false),
    };
    // And its text with `#` or a numeral.
    if t.is_empty()
        || !markdown && !t.starts_with(is_numeral)
        || t.chars().nth(MAX_HEADING).is_some()
    {
        return None;
    }
    let numbered = t
        .char_indices()
        .find(|&(_, c)| !is_numeral(c))
        .is_some_and(|(i, c)| i > 0 && matches!(c, '、' | '.' | ',' | ' '));
    (numbered || markdown).then_some(t)
}

/// Whether `c` is a Chinese numeral from one to ten, as headings number.
pub(crate) fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// The headings of the two templates and their common variants, reduced
/// by [`canon`]: where a heading in the middle of a line ends.
const HEADINGS: &[&str] = &[
    "总体情况",
    "概述",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议行政诉讼情况",
    "因政府信息公开工作被申请行政复议提起行政诉讼情况",
    "因政府信息公开工作被申请行政复议行政诉讼情况",
    "存在的主要问题及改进情况",
    "政府信息公开工作存在的主要问题及改进情况",
    "其他需要报告的事项",
    "其他事项",
];

/// The section headings written out in full wherever they stand in a line,
/// as where a crawler ran a report's paragraphs together: the range of
/// each, from its numeral to the end of its words, in order. The lines are
/// broken around them ([`Lines`]), so that [`find`] sees each heading on a
/// line of its own.
///
/// A heading here is a numeral and `、` followed by the whole words of one
/// of [`HEADINGS`]; a numeral after `第` or another numeral numbers
/// something else.
///
/// ```
/// let text = "无行政复议。　　二、主动公开政府信息情况第二十条";
/// let found: Vec<_> = nianbao::sections::written_headings(text).collect();
/// assert_eq!(found, [(text.find('二').unwrap(), text.find('第').unwrap())]);
/// ```
pub fn written_headings(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut words = String::new();
    let mut ends: Vec<usize> = Vec::new();
    memchr::memmem::find_iter(text.as_bytes(), "、").filter_map(move |at| {
        let before = &text[..at];
        let mut back = before.chars().rev();
        let numeral = back.next().filter(|&c| is_numeral(c))?;
        let start = at - numeral.len_utf8();
        if back.next().is_some_and(|c| is_numeral(c) || c == '第') {
            return None;
        }
        // The words after `、`, each with the offset where it ends.
        words.clear();
        ends.clear();
        let after = at + '、'.len_utf8();
        for (i, c) in text[after..].char_indices().take(MAX_HEADING) {
            if c == '\n' {
                break;
            }
            if crate::text::is_word_char(c) {
                words.push(c);
                ends.push(after + i + c.len_utf8());
            }
        }
        let longest = HEADINGS
            .iter()
            .filter(|h| words.starts_with(*h))
            .map(|h| h.chars().count())
            .max()?;
        Some((start, ends[longest - 1]))
    })
}

/// Which section a heading's words name.
fn section_of(words: &str) -> Option<SectionKey> {
    let has = |w: &str| words.contains(w);
    Some(if has("总体情况") || has("概述") {
        SectionKey::Overview
    } else if has("主动公开政府信息") {
        SectionKey::Active
    } else if has("收到和处理") || has("处理政府信息公开申请") {
        SectionKey::Requests
    } else if has("行政复议") && has("行政诉讼") {
        SectionKey::Appeals
    } else if has("存在的主要问题") || has("问题及改进") || has("主要问题和改进")
    {
        SectionKey::Problems
    } else if has("其他需要报告") || words.ends_with("其他事项") {
        SectionKey::Other
    } else {
        return None;
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_heading_variants() {
        let cases = [
            ("一、总体情况", Some(SectionKey::Overview)),
            ("一、概述", Some(SectionKey::Overview)),
            ("## 二、主动公开政府信息情况", Some(SectionKey::Active)),
            (
                "三、收到和处理政府信息公开申请情况",
                Some(SectionKey::Requests),
            ),
            (
                "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
                Some(SectionKey::Appeals),
            ),
            (
                "五、政府信息公开工作存在的主要问题及改进情况",
                Some(SectionKey::Problems),
            ),
            ("六、其他事项", Some(SectionKey::Other)),
            ("六、其他需要报告的事项", Some(SectionKey::Other)),
        ];
        for (line, key) in cases {
            assert_eq!(
                heading_text(line).and_then(|h| section_of(&canon(h))),
                key,
                "{line}"
            );
        }
    }

    #[test]
    fn rejects_prose_subheadings_and_table_rows() {
        for line in [
            "(一)主动公开政府信息情况",
            "一、本年新收政府信息公开申请数量",
            "全文由总体情况,主动公开政府信息情况,行政机关收到和处理政府信息公开情况,因信息公开工作被申请行政复议组成。",
            "三、主动公开工作情况",
        ] {
            assert_eq!(heading_text(line).and_then(|h| section_of(&canon(h))), None, "{line}");
        }
    }
}
