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
pub mod report;
pub mod rules;
pub mod sections;
pub mod span;
pub mod tables;
pub mod text;

pub use diagnostic::{Diagnostic, Severity};
pub use report::{
    Cell, Layout, Meta, Report, Row, Section, SectionKey, Table, TableKind, Tables, Template, Value,
};
pub use span::{LineIndex, Position, Span};

/// Reads and checks one report.
///
/// Never panics, never fails; runs in time linear in the length of `text`.
pub fn check(text: &str) -> Report {
    let doc = text::Document::new(text);
    let mut diagnostics = Vec::new();
    let doc = doc.first_copy(&mut diagnostics);
    let lines = layout::Lines::new(&doc);
    let sections = sections::find(&doc, &lines);
    let meta = meta::read(&doc, &lines);
    let tables = tables::read(&doc, &lines, &sections, &mut diagnostics);
    let template = tables::overall_template(&tables);
    let mut report = Report {
        template,
        meta,
        sections,
        tables,
        diagnostics,
    };
    rules::check(&mut report);
    report
        .diagnostics
        .sort_by_key(|d| (d.span.map_or(usize::MAX, |s| s.start), d.severity));
    report
}
