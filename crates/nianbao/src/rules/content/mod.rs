//! Content (`C` codes): what the sections must say, and dates and years
//! that must agree.

pub mod fee_contradiction;
pub mod fee_statement_missing;
pub mod late_publication;
pub mod problems_empty;
pub mod year_mismatch;

use crate::layout::is_footer;
use crate::report::SectionKey;
use crate::rules::Context;
use crate::text::is_han;

/// The body of a section (without its heading and page footers).
pub(crate) fn body(cx: &Context, key: SectionKey) -> Option<String> {
    let s = cx.report.sections[key.index()].as_ref()?;
    let rest = &cx.doc.text[s.body..s.text.end];
    Some(
        rest.lines()
            .filter(|l| !is_footer(l))
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// Han characters in `s`: how much a section says.
pub(crate) fn han_count(s: &str) -> usize {
    s.chars().filter(|&c| is_han(c)).count()
}

/// Whether a section body says no more than 无 / 无。 / 暂无.
pub(crate) fn says_nothing(body: &str) -> bool {
    // The longest of the words that say nothing, in bytes: a body with more
    // is read no further.
    const MAX: usize = "无其他需要报告的事项".len();
    let mut t = String::new();
    for c in body
        .chars()
        .filter(|&c| !c.is_whitespace() && !matches!(c, '。' | '.' | ',' | ';' | '-' | '—'))
    {
        if t.len() + c.len_utf8() > MAX {
            return false;
        }
        t.push(c);
    }
    t.is_empty()
        || matches!(
            t.as_str(),
            "无" | "暂无" | "本年度无" | "无其他需要报告的事项"
        )
}
