//! nianbao reads Chinese government information disclosure annual reports
//! (政府信息公开工作年度报告) as people paste them, and checks them.
//!
//! [`check`] takes the text, in any layout people paste (pipes, one cell a
//! line, tabs, Markdown, PDF text, HTML), and returns a [`Report`]: the
//! metadata, the six sections, the three statistical tables with every
//! cell's span in the input, and diagnostics. It never panics and never
//! fails: text that is not a report yields diagnostics saying so.
//!
//! ```
//! let report = nianbao::check("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3");
//! let requests = report.tables.requests.as_ref().unwrap();
//! assert_eq!(requests.cell("new_received", "total").unwrap().value, Some(nianbao::Value::Count(3)));
//! ```
//!
//! The pipeline, one module a stage: [`text`] decodes HTML and normalises
//! the characters, keeping a map back to the input; [`layout`] cuts lines
//! into cells; [`sections`] and [`meta`] read the prose; [`tables`] reads
//! the three tables; [`rules`] checks them.

pub mod codes;
pub mod diagnostic;
pub mod layout;
pub mod meta;
#[cfg(feature = "serde")]
pub mod output;
pub mod render;
pub mod report;
pub mod rules;
pub mod sections;
pub mod span;
pub mod tables;
pub mod text;

pub use diagnostic::{Diagnostic, Related, Severity};
pub use report::{
    Cell, Layout, Meta, Report, Row, Section, SectionKey, Table, TableKind, Tables, Template, Value,
};
pub use span::{LineIndex, Position, Span};

/// What to check besides the report itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// Last year's report of the same agency, for the cross-report rules.
    pub previous: Option<&'a str>,
    /// Report only this code (to try one rule on an example).
    pub only: Option<&'a str>,
}

/// Reads and checks one report.
///
/// Never panics, never fails; runs in time linear in the length of `text`.
pub fn check(text: &str) -> Report {
    check_with(text, Options::default())
}

/// Reads and checks this year's report against last year's of the same agency.
pub fn check_with_previous(text: &str, previous: &str) -> Report {
    check_with(
        text,
        Options {
            previous: Some(previous),
            only: None,
        },
    )
}

/// Reads and checks one report with `options`.
pub fn check_with(text: &str, options: Options) -> Report {
    let mut diagnostics = Vec::new();
    let doc = text::Document::new(text).first_copy(&mut diagnostics);
    let mut report = read(&doc, diagnostics);
    let previous = options.previous.map(|p| {
        let doc = text::Document::new(p).first_copy(&mut Vec::new());
        let report = read(&doc, Vec::new());
        (doc, report)
    });
    let cx = rules::Context {
        report: &report,
        doc: &doc,
        previous: previous
            .as_ref()
            .map(|(doc, report)| rules::Previous { report, doc }),
    };
    let mut found = rules::run(&cx);
    report.diagnostics.append(&mut found);
    if let Some(code) = options.only {
        report.diagnostics.retain(|d| d.code == code);
    }
    // A finding that explains others first, then in the order of the text.
    report
        .diagnostics
        .sort_by_key(|d| (!d.root, d.span.map_or(usize::MAX, |s| s.start), d.severity));
    report
}

/// Reads a normalised document into a report, before the rules run.
fn read(doc: &text::Document, mut diagnostics: Vec<Diagnostic>) -> Report {
    let lines = layout::Lines::new(doc);
    let sections = sections::find(doc, &lines);
    let meta = meta::read(doc, &lines);
    let tables = tables::read(doc, &lines, &mut diagnostics);
    let template = tables::overall_template(&tables);
    Report {
        template,
        meta,
        sections,
        tables,
        diagnostics,
    }
}
