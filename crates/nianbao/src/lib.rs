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
//! use nianbao::tables::schema::{column, row};
//! let report = nianbao::check("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3");
//! let requests = report.tables.requests.as_ref().unwrap();
//! let total = requests.cell(row::NEW_RECEIVED, column::TOTAL).unwrap();
//! assert_eq!(total.value, Some(nianbao::Value::Count(3)));
//! ```
//!
//! The pipeline, one module a stage: [`text`] decodes HTML and normalises
//! the characters, keeping a map back to the input; [`layout`] cuts lines
//! into cells; [`sections`] and [`meta`] read the prose; [`tables`] reads
//! the three tables; [`rules`] checks them. Cells are named by the typed
//! keys of [`tables::schema`] (`row::NEW_RECEIVED`, `column::TOTAL`): a
//! misspelt key does not compile.

#[cfg(feature = "serde")]
pub mod batch;
pub mod codes;
pub mod csv;
pub mod diagnostic;
pub mod layout;
pub mod meta;
#[cfg(feature = "serde")]
pub mod output;
pub mod pairing;
pub mod render;
pub mod report;
pub mod rules;
pub mod sections;
pub mod sort;
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
    let previous = options.previous.map(read);
    let mut report = check_owned(read(text), previous.as_ref());
    if let Some(code) = options.only {
        report.diagnostics.retain(|d| d.code == code);
    }
    report
}

/// A report read but not yet checked: its normalised text and what was
/// read from it. Reading is done once: a report checked against several
/// others, or used as last year's for another, is read once and checked
/// with [`check_read`] as often as needed.
#[derive(Debug, Clone)]
pub struct Read<'a> {
    doc: text::Document<'a>,
    /// The report as read, with the reader's notes and before the rules.
    pub report: Report,
}

/// Reads one report: normalises it, finds its sections, metadata and
/// tables. Never panics; linear in the length of `text`.
///
/// ```
/// let read = nianbao::read("某县人民政府2023年政府信息公开工作年度报告");
/// assert_eq!(read.report.meta.year.map(|y| y.value), Some(2023));
/// ```
pub fn read(text: &str) -> Read<'_> {
    prepare(text).read(text)
}

/// A report's text normalised and cut into lines, with its metadata: the
/// first stage of [`read`], holding nothing borrowed from the text, so that
/// a caller who needs every report's agency and year before reading any in
/// full (the CLI's `--pair-years`) may keep it and read on later without
/// normalising the text again.
#[derive(Debug, Clone)]
pub struct Prepared {
    parts: text::Parts,
    lines: layout::Lines,
    meta: Meta,
    notes: Vec<Diagnostic>,
}

/// Normalises `text` and finds its lines and metadata; linear in its length.
pub fn prepare(text: &str) -> Prepared {
    let mut notes = Vec::new();
    let doc = text::Document::new(text).first_copy(&mut notes);
    let lines = layout::Lines::new(&doc);
    let meta = meta::read(&doc, &lines);
    Prepared {
        parts: doc.into_parts(),
        lines,
        meta,
        notes,
    }
}

impl Prepared {
    /// Who published the report and for which year.
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// The bytes it holds, about: for a caller keeping many within a budget.
    pub fn bytes(&self) -> usize {
        self.parts.bytes() + self.lines.bytes()
    }

    /// Reads the rest of the report; `text` must be the text it was
    /// prepared from.
    pub fn read(self, text: &str) -> Read<'_> {
        let doc = text::Document::from_parts(text, self.parts);
        let report = read_doc(&doc, &self.lines, self.meta, self.notes);
        Read { doc, report }
    }
}

/// Checks a report read by [`read`], against last year's of the same
/// agency where given: the rules' findings join the reader's, a finding
/// that explains others first, then in the order of the text.
pub fn check_read(read: &Read, previous: Option<&Read>) -> Report {
    let found = findings(&read.report, &read.doc, previous);
    with_findings(read.report.clone(), found)
}

/// [`check_read`] of a report read but not needed afterwards, which
/// becomes the report checked rather than being copied.
pub fn check_owned(read: Read, previous: Option<&Read>) -> Report {
    let found = findings(&read.report, &read.doc, previous);
    with_findings(read.report, found)
}

/// What the rules find in a report read from `doc`.
fn findings(report: &Report, doc: &text::Document, previous: Option<&Read>) -> Vec<Diagnostic> {
    let cx = rules::Context::new(
        report,
        doc,
        previous.map(|p| rules::Previous {
            report: &p.report,
            doc: &p.doc,
        }),
    );
    rules::run(&cx)
}

/// The report with the rules' findings joined to the reader's.
fn with_findings(mut report: Report, found: Vec<Diagnostic>) -> Report {
    report.diagnostics.extend(found);
    // Sorted by index, so that the merges move numbers, not diagnostics.
    let keys: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (!d.root, d.span.map_or(usize::MAX, |s| s.start), d.severity))
        .collect();
    let mut order: Vec<usize> = (0..keys.len()).collect();
    crate::sort::by_key(&mut order, |&i| keys[i]);
    let mut slots: Vec<Option<Diagnostic>> = report.diagnostics.drain(..).map(Some).collect();
    let sorted = order.iter().filter_map(|&i| slots[i].take());
    report.diagnostics.extend(sorted);
    report
}

/// Reads a normalised document, its lines and metadata found, into a
/// report, before the rules run.
fn read_doc(
    doc: &text::Document,
    lines: &layout::Lines,
    meta: Meta,
    mut diagnostics: Vec<Diagnostic>,
) -> Report {
    let sections = sections::find(doc, lines);
    let tables = tables::read(doc, lines, &mut diagnostics);
    let template = tables::overall_template(&tables);
    Report {
        template,
        meta,
        sections,
        tables,
        diagnostics,
    }
}
