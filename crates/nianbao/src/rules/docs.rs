//! The rules' pages of documentation, taken from the doc comments at the
//! top of their files, for `nianbao explain`, the page's `explain()` and
//! `docs/rules/`.
//!
//! Only built with the `docs` feature: the CLI and the wasm binding carry
//! the pages (the comments alone, cut at compile time, see `codes::PAGES`),
//! other users of the core need not.

/// The catalogue as `nianbao rules` prints it: one line a code, by area.
///
/// ```
/// let text = nianbao::rules::docs::catalogue();
/// assert!(text.lines().any(|l| l.starts_with("T003  error    requests-outcome-sum")));
/// ```
pub fn catalogue() -> String {
    let mut out = String::new();
    for c in crate::codes::ALL {
        let summary = match c.status {
            crate::codes::Status::Active => c.summary.to_string(),
            crate::codes::Status::Retired(to) => format!("（已停用，见 {to}）{}", c.summary),
        };
        out.push_str(&format!(
            "{}  {:<8} {:<24} {summary}\n",
            c.code,
            c.severity.as_str(),
            c.name
        ));
    }
    out
}

/// One rule's page: its code, and its documentation as Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The code, e.g. `T003`.
    pub code: &'static str,
    /// The page in Markdown: a title, then the sections of the doc comment.
    pub markdown: String,
}

/// Every page, in registry order.
pub fn pages() -> Vec<Page> {
    crate::codes::PAGES
        .iter()
        .filter_map(|s| page_of(s))
        .collect()
}

/// The page of `code`.
pub fn page(code: &str) -> Option<Page> {
    pages().into_iter().find(|p| p.code == code)
}

/// The length of the leading `//!` lines of a rule file's `source`, its
/// page (for `codes::PAGES`, at compile time).
pub(crate) const fn page_len(source: &str) -> usize {
    let bytes = source.as_bytes();
    let mut at = 0;
    while at + 3 <= bytes.len()
        && bytes[at] == b'/'
        && bytes[at + 1] == b'/'
        && bytes[at + 2] == b'!'
    {
        while at < bytes.len() && bytes[at] != b'\n' {
            at += 1;
        }
        if at < bytes.len() {
            at += 1;
        }
    }
    at
}

/// The first `N` bytes of `source`, as an array of their own (for
/// `codes::PAGES`: a slice would keep the whole file in the binary).
pub(crate) const fn head<const N: usize>(source: &str) -> [u8; N] {
    let bytes = source.as_bytes();
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        out[i] = bytes[i];
        i += 1;
    }
    out
}

/// The page in a rule file's leading `//!` lines.
fn page_of(source: &'static str) -> Option<Page> {
    let lines: Vec<&str> = source
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .map(|l| {
            l.strip_prefix("//! ")
                .unwrap_or(l.trim_start_matches("//!"))
        })
        .collect();
    let first = lines.first()?;
    let code = first.get(..4)?;
    let code = crate::codes::find(code)?.code;
    let mut markdown = format!("# {first}");
    for line in &lines[1..] {
        markdown.push('\n');
        markdown.push_str(line);
    }
    markdown.push('\n');
    Some(Page { code, markdown })
}

/// An example of a page: its text, and last year's text when the rule compares two reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// Whether it should yield the rule's code.
    pub invalid: bool,
    /// The report text.
    pub text: String,
    /// Last year's report, for the cross-report rules.
    pub previous: Option<String>,
}

/// The examples of a page: the `text` blocks under 错误示例 and 正确示例.
pub fn examples(page: &Page) -> Vec<Example> {
    let mut out = Vec::new();
    let mut invalid = None;
    let mut block: Option<(bool, String)> = None;
    let mut previous = None;
    for line in page.markdown.lines() {
        match (&mut block, line) {
            (None, l) if l.starts_with("## 错误示例") => invalid = Some(true),
            (None, l) if l.starts_with("## 正确示例") => invalid = Some(false),
            (None, l) if l.starts_with("## ") => invalid = None,
            (None, l) if l.starts_with("```text") && invalid.is_some() => {
                block = Some((l.trim_end().ends_with("previous"), String::new()));
            }
            (Some((is_previous, text)), "```") => {
                let text = std::mem::take(text);
                if *is_previous {
                    previous = Some(text);
                } else if let Some(invalid) = invalid {
                    out.push(Example {
                        invalid,
                        text,
                        previous: previous.take(),
                    });
                }
                block = None;
            }
            (Some((_, text)), l) => {
                text.push_str(l);
                text.push('\n');
            }
            _ => {}
        }
    }
    out
}

/// Codes that, per the line `伴随: T004` of a page, come with the rule's own.
pub fn companions(page: &Page) -> Vec<&str> {
    page.markdown
        .lines()
        .find_map(|l| l.strip_prefix("伴随:"))
        .map(|l| l.split_whitespace().collect())
        .unwrap_or_default()
}
