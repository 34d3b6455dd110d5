//! A report pasted twice (a common accident when copying from a portal
//! page): keep the first copy and say so.

use super::{canon, canon_is, Document};
use crate::codes;
use crate::diagnostic::Diagnostic;

/// The words that open table 三; seen twice, the report was pasted twice.
const ANCHOR: &str = "本年新收";
/// The words of the first section's heading, which a copy holds too.
const OVERVIEW: &str = "总体情况";

impl Document<'_> {
    /// The document cut to its first copy when the report was pasted more
    /// than once, with a note in `diagnostics`.
    pub fn first_copy(mut self, diagnostics: &mut Vec<crate::Diagnostic>) -> Self {
        if let Some(cut) = second_copy_start(&self.text) {
            let end = self.text[cut..]
                .find('\n')
                .map_or(self.text.len(), |e| cut + e);
            diagnostics.push(
                Diagnostic::new(
                    codes::DUPLICATE_PASTE,
                    "报告正文重复出现，只读取了第一份，从这里开始的重复内容未读取",
                )
                .with_span(self.span(cut, end)),
            );
            self.text.truncate(cut);
        }
        self
    }
}

/// Where the second copy starts: the title line seen again after the first
/// copy's table 三, or failing that the first section heading seen again,
/// with a table 三 and the first section heading of its own after it (a
/// page's running title inside a table is no copy).
fn second_copy_start(text: &str) -> Option<usize> {
    let first_anchor = memchr::memmem::find(text.as_bytes(), ANCHOR.as_bytes())?;
    memchr::memmem::find(
        &text.as_bytes()[first_anchor + ANCHOR.len()..],
        ANCHOR.as_bytes(),
    )?;
    let first_line = |pred: &dyn Fn(&str) -> bool| lines(text).find(|&(s, e)| pred(&text[s..e]));
    let title = first_line(&|l| canon(l).chars().count() >= 4)?;
    let heading = first_line(&|l| canon(l).contains(OVERVIEW));
    // A copy starting at `at` has a table 三 of its own after it, and an
    // overview if the first copy has one. The last 本年新收 is found once;
    // the first overview at or after `at` is kept for the lines before it,
    // and found again only past it, its lines known by their 总: each line
    // is looked at once for each key (a title repeated after the tables
    // with no overview after it is no copy, and costs one pass).
    let last_anchor = std::cell::OnceCell::new();
    let found = std::cell::Cell::new((usize::MAX, None));
    let overview_from = |at: usize| {
        let (from, next) = found.get();
        if at >= from && next.is_none_or(|n| n >= at) {
            return next;
        }
        let mut next = None;
        let mut checked = at;
        for i in memchr::memmem::find_iter(&text.as_bytes()[at..], "总".as_bytes()) {
            let i = at + i;
            if i < checked {
                continue;
            }
            let s = text[..i].rfind('\n').map_or(0, |n| n + 1);
            checked = text[i..].find('\n').map_or(text.len(), |n| i + n);
            if canon(&text[s..checked]).contains(OVERVIEW) {
                next = Some(s);
                break;
            }
        }
        found.set((at, next));
        next
    };
    let a_copy = |at: usize| {
        let anchor = last_anchor
            .get_or_init(|| memchr::memmem::find_iter(text.as_bytes(), ANCHOR.as_bytes()).last());
        anchor.is_some_and(|a| at <= a) && (heading.is_none() || overview_from(at).is_some())
    };
    [Some(title), heading]
        .into_iter()
        .flatten()
        .find_map(|(s, e)| {
            let key = canon(&text[s..e]);
            // Reducing a line only drops characters: a line shorter than
            // the key is not it, and most lines differ in their first words.
            lines(text)
                .find(|&(ls, le)| {
                    ls > first_anchor
                        && le - ls >= key.len()
                        && canon_is(&text[ls..le], &key)
                        && a_copy(ls)
                })
                .map(|(ls, _)| ls)
        })
}

/// The start and end of each line of `text`, found as they are needed.
fn lines(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    text.split('\n').map(move |line| {
        let at = start;
        start += line.len() + 1;
        (at, at + line.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_repeated_title() {
        let text = "某局2023年报告\n一、总体情况\n本年新收 1\n— 1—\n某局2023年报告\n一、总体情况\n本年新收 1\n";
        let cut = second_copy_start(text).unwrap();
        assert!(text[cut..].starts_with("某局2023年报告"));
        assert_eq!(cut, text.find("— 1—").unwrap() + "— 1—\n".len());
    }

    #[test]
    fn a_running_title_is_no_copy() {
        // The title atop each page: inside table 三 after 本年新收, and
        // between the overview and a second 本年新收 of the prose, but
        // with no overview after it.
        let text = "某局2023年报告\n一、总体情况\n本年新收申请1件\n本年新收 1\n— 1—\n某局2023年报告\n结转 0\n";
        assert_eq!(second_copy_start(text), None);
        let text =
            "某局2023年报告\n一、总体情况\n本年新收申请1件\n— 1—\n某局2023年报告\n本年新收 1\n";
        assert_eq!(second_copy_start(text), None);
    }

    #[test]
    fn a_copy_is_known_by_its_overview_however_spaced() {
        let text = "某局2023年报告\n一、总体情况\n本年新收 1\n某局2023年报告\n一、总 体 情 况\n本年新收 1\n";
        let cut = second_copy_start(text).unwrap();
        assert_eq!(cut, text.rfind("某局").unwrap());
    }

    #[test]
    fn one_copy_is_left_alone() {
        assert_eq!(second_copy_start("某局2023年报告\n本年新收 1\n"), None);
    }
}
