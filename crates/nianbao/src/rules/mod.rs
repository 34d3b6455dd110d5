//! The rule catalogue: every check a careful reviewer makes, one file per
//! rule, grouped by area. Each rule reads the [`Report`] (and the prose of
//! the normalised text) and adds diagnostics; none changes what was read.
//!
//! A rule file opens with its page of documentation: the code and name,
//! what it checks, why, and an invalid and a valid example from real report
//! text. `docs/rules/` is generated from those pages, and a test checks
//! that each invalid example yields its code and each valid one does not.
//! The reading notes (`reading/`) are emitted by the reader itself; their
//! files hold their documentation. Which rules run, and in what order, is
//! declared once, with each code, in `codes.rs`.

pub mod content;
pub mod cross;
#[cfg(feature = "docs")]
pub mod docs;
pub mod narrative;
mod prose;
pub mod reading;
pub mod structure;
pub mod table;
pub mod value;

use crate::diagnostic::Diagnostic;
use crate::report::Report;
use crate::text::Document;

/// What a rule may look at.
pub struct Context<'a> {
    /// The report as read.
    pub report: &'a Report,
    /// Its normalised text.
    pub doc: &'a Document<'a>,
    /// Last year's report of the same agency, when given.
    pub previous: Option<Previous<'a>>,
    /// The prose outside the tables, joined across line breaks: built once,
    /// when a narrative rule first asks, for all of them.
    pub(crate) prose: std::cell::OnceCell<Vec<prose::Joined>>,
}

impl<'a> Context<'a> {
    /// The context of `report`, read from `doc`.
    pub fn new(
        report: &'a Report,
        doc: &'a Document<'a>,
        previous: Option<Previous<'a>>,
    ) -> Context<'a> {
        Context {
            report,
            doc,
            previous,
            prose: std::cell::OnceCell::new(),
        }
    }
}

/// Last year's report, as read.
pub struct Previous<'a> {
    /// The report.
    pub report: &'a Report,
    /// Its normalised text.
    pub doc: &'a Document<'a>,
}

/// A rule: looks at the context and adds what it finds.
pub(crate) type Check = fn(&Context, &mut Vec<Diagnostic>);

/// Runs every rule, in registry order (`codes.rs` lists them); a text
/// that is not a report gets only that said.
pub fn run(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if reading::not_a_report::check(cx, &mut out) {
        return out;
    }
    for rule in crate::codes::CHECKS.iter().flatten() {
        rule(cx, &mut out);
    }
    out
}
