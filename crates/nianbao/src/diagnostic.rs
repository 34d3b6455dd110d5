//! What the reader and the rules say about a report: a code, a severity, a
//! Chinese message, the span and the cells it concerns, and how to fix it.

use crate::codes::Code;
use crate::span::Span;

/// How serious a diagnostic is. A property of its rule, never of one finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The report breaks the template or its arithmetic.
    Error,
    /// Something is very likely wrong, or a table could not be read with certainty.
    Warning,
    /// A note on how the text was read.
    Info,
}

impl Severity {
    /// The lowercase name used in the JSON output: `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One finding about a report.
///
/// ```
/// use nianbao::{codes, Diagnostic, Span};
/// let d = Diagnostic::new(codes::REQUESTS_OUTCOME_SUM, "(七)总计·自然人 为 26，各项办理结果之和为 35")
///     .with_span(Span::new(10, 12))
///     .with_cells(["requests.total.natural_person"]);
/// assert_eq!(d.severity, nianbao::Severity::Error);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The rule's stable code, e.g. `T003`.
    pub code: &'static str,
    /// The rule's severity.
    pub severity: Severity,
    /// What is wrong, in Chinese, with the numbers involved.
    pub message: String,
    /// Where in the original input, if anywhere.
    pub span: Option<Span>,
    /// Cell paths as in TEMPLATE.md, e.g. `requests.total.natural_person`.
    pub cells: Vec<String>,
    /// Why it matters: the clause of the template or the 条例.
    pub note: Option<String>,
    /// What to do about it.
    pub help: Option<String>,
    /// Other places that take part, each with a word on its role.
    pub related: Vec<Related>,
    /// Among `cells`, those that state a total the others should add up to.
    pub stated: Vec<String>,
    /// The cells to check: the fewest whose change makes every relation of
    /// the table hold (cell paths, among or beside `cells`).
    pub suspects: Vec<String>,
    /// Whether this finding explains others (cells shifted by one), which
    /// point to it: it comes first.
    pub root: bool,
}

/// Another place a diagnostic points to, such as the table cell a
/// sentence of the narrative contradicts.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    /// Where, in the original input.
    pub span: Span,
    /// What is there, in Chinese.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic of rule `code`, with the rule's severity and help.
    pub fn new(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code: code.code,
            severity: code.severity,
            message: message.into(),
            span: None,
            cells: Vec::new(),
            note: None,
            help: (!code.help.is_empty()).then(|| code.help.to_string()),
            related: Vec::new(),
            stated: Vec::new(),
            suspects: Vec::new(),
            root: false,
        }
    }

    /// Names the cells to check.
    pub fn with_suspects<I, S>(mut self, cells: I) -> Diagnostic
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.suspects.extend(cells.into_iter().map(Into::into));
        self
    }

    /// Sets the span in the original input.
    pub fn with_span(mut self, span: impl Into<Option<Span>>) -> Diagnostic {
        self.span = span.into();
        self
    }

    /// Adds the cells this finding concerns.
    pub fn with_cells<I, S>(mut self, cells: I) -> Diagnostic
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.cells.extend(cells.into_iter().map(Into::into));
        self
    }

    /// Replaces the rule's general help with a specific one.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Adds another place that takes part, if it is known.
    pub fn with_related(mut self, span: Option<Span>, message: impl Into<String>) -> Diagnostic {
        if let Some(span) = span {
            self.related.push(Related {
                span,
                message: message.into(),
            });
        }
        self
    }

    /// Adds a note saying why this matters.
    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.note = Some(note.into());
        self
    }
}
