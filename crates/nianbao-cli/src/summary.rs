//! The summary that ends a run of several inputs: how many were read and
//! in which encodings, how many reports have errors, and the codes found
//! most often.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::time::Duration;

use crate::emit::Facts;

/// How many codes the summary lists.
const TOP_CODES: usize = 10;

/// Counts over a run.
#[derive(Debug, Default)]
pub struct Summary {
    /// Inputs seen.
    pub inputs: usize,
    /// Inputs that could not be read.
    pub unreadable: usize,
    /// Reports with at least one error.
    pub with_errors: usize,
    /// Reports with warnings and no error.
    pub with_warnings: usize,
    /// Reports checked against the year before.
    pub paired: usize,
    /// Bytes of text checked.
    pub bytes: usize,
    /// For each code: the reports it was found in, and how often in all.
    codes: HashMap<&'static str, (usize, usize)>,
    /// For each encoding, the inputs read in it.
    encodings: HashMap<&'static str, usize>,
}

impl Summary {
    /// Counts one input: its facts, or `None` if it could not be read.
    pub fn add(&mut self, facts: Option<&Facts>, bytes: usize) {
        self.inputs += 1;
        self.bytes += bytes;
        let Some(facts) = facts else {
            self.unreadable += 1;
            return;
        };
        if facts.errors > 0 {
            self.with_errors += 1;
        } else if facts.warnings > 0 {
            self.with_warnings += 1;
        }
        self.paired += usize::from(facts.paired);
        *self.encodings.entry(facts.encoding).or_default() += 1;
        for &(code, n) in &facts.codes {
            let entry = self.codes.entry(code).or_default();
            entry.0 += 1;
            entry.1 += n;
        }
    }

    /// The summary as lines of text, for standard error.
    pub fn render(&self, elapsed: Duration, pairing: Option<&str>) -> String {
        let reports = self.inputs - self.unreadable;
        let mut out = format!(
            "checked {reports} reports ({:.1} MB) in {:.2} s: {} with errors, {} with warnings only",
            self.bytes as f64 / 1e6,
            elapsed.as_secs_f64(),
            self.with_errors,
            self.with_warnings,
        );
        if self.unreadable > 0 {
            let _ = write!(out, "; {} files could not be read", self.unreadable);
        }
        out.push('\n');
        let mut encodings: Vec<_> = self.encodings.iter().collect();
        encodings.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        if !encodings.is_empty() {
            let read: Vec<String> = encodings.iter().map(|(e, n)| format!("{n} {e}")).collect();
            let _ = writeln!(out, "read as {}", read.join(", "));
        }
        if let Some(pairing) = pairing {
            let _ = writeln!(out, "{pairing}");
        }
        let mut codes: Vec<_> = self.codes.iter().collect();
        // Most reports first; ties by code, so that the order is stable.
        codes.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        if !codes.is_empty() {
            out.push_str("most frequent codes (reports, occurrences):\n");
        }
        for (code, (reports, total)) in codes.into_iter().take(TOP_CODES) {
            let summary = nianbao::codes::find(code).map_or("", |c| c.summary);
            let _ = writeln!(out, "  {code:<5} {reports:>7} {total:>8}  {summary}");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_ranked_by_reports() {
        let mut s = Summary::default();
        let facts = |codes: &[(&'static str, usize)], errors, encoding| Facts {
            errors,
            codes: codes.to_vec(),
            encoding,
            ..Facts::default()
        };
        s.add(Some(&facts(&[("T003", 2), ("R003", 1)], 2, "GBK")), 10);
        s.add(Some(&facts(&[("T003", 1)], 1, "UTF-8")), 10);
        s.add(None, 0);
        let text = s.render(Duration::from_millis(1500), None);
        assert!(
            text.starts_with("checked 2 reports (0.0 MB) in 1.50 s: 2 with errors"),
            "{text}"
        );
        assert!(text.contains("1 files could not be read"), "{text}");
        assert!(text.contains("\nread as 1 GBK, 1 UTF-8\n"), "{text}");
        let t003 = text.find("T003").unwrap();
        let r003 = text.find("R003").unwrap();
        assert!(t003 < r003, "{text}");
        assert!(text.contains("T003        2        3"), "{text}");
    }
}
