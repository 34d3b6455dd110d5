//! What the reader finds in a report: metadata, sections and the three
//! tables, every part with its span in the original input.

use crate::diagnostic::{Diagnostic, Severity};
use crate::span::Span;
use crate::tables::schema::{self, ColumnKey, RowKey};

/// Everything read from one report, plus what was said about it.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The template the tables follow: one of them, or a mixture.
    pub template: Option<Template>,
    /// Agency, year and publication date.
    pub meta: Meta,
    /// The six sections, in template order; `None` where not found.
    pub sections: [Option<Section>; 6],
    /// The three statistical tables.
    pub tables: Tables,
    /// Findings, in the order of their spans.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// Every span the report holds: of its metadata, sections, tables,
    /// cells, row labels and diagnostics (and their related places). Each
    /// lies inside the input, on character boundaries.
    pub fn spans(&self) -> Vec<Span> {
        let m = &self.meta;
        let mut out: Vec<Span> = [
            m.agency.as_ref().map(|f| f.span),
            m.published.as_ref().map(|f| f.span),
        ]
        .into_iter()
        .chain([&m.year, &m.period_year].map(|y| y.as_ref().map(|f| f.span)))
        .flatten()
        .collect();
        out.extend(
            self.sections
                .iter()
                .flatten()
                .flat_map(|s| [s.span, s.heading_span]),
        );
        for t in self.tables.iter() {
            out.push(t.span);
            out.extend(t.rows.iter().filter_map(|r| r.label));
            out.extend(
                t.rows
                    .iter()
                    .flat_map(|r| r.cells.iter().filter_map(|c| c.span)),
            );
        }
        for d in &self.diagnostics {
            out.extend(d.span);
            out.extend(d.related.iter().map(|r| r.span));
        }
        out
    }
}

/// The two formats issued by 国务院办公厅政府信息与政务公开办公室.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Template {
    /// 国办公开办函〔2019〕60号, for reports on 2019 and 2020.
    Y2019,
    /// 国办公开办函〔2021〕30号, for reports on 2021 onwards.
    Y2021,
    /// Tables of both formats in one report.
    Mixed,
}

impl Template {
    /// `"2019"`, `"2021"` or `"mixed"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Template::Y2019 => "2019",
            Template::Y2021 => "2021",
            Template::Mixed => "mixed",
        }
    }
}

/// Who published the report, for which year, and when.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    /// The agency's name, e.g. `株洲市天元区行政审批服务局`.
    pub agency: Option<Found<String>>,
    /// The year the report covers: from the title, else the 统计期限, else the body.
    pub year: Option<Found<i32>>,
    /// The year of the 统计期限 sentence (`统计期限自2024年1月1日…`), when there is one.
    pub period_year: Option<Found<i32>>,
    /// The publication date, as `YYYY-MM-DD`.
    pub published: Option<Found<String>>,
}

/// A value read from the text, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Found<T> {
    /// The value.
    pub value: T,
    /// Where it was read.
    pub span: Span,
}

/// The six sections of the template, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionKey {
    /// 一、总体情况
    Overview,
    /// 二、主动公开政府信息情况
    Active,
    /// 三、收到和处理政府信息公开申请情况
    Requests,
    /// 四、政府信息公开行政复议、行政诉讼情况
    Appeals,
    /// 五、存在的主要问题及改进情况
    Problems,
    /// 六、其他需要报告的事项
    Other,
}

impl SectionKey {
    /// All six, in template order.
    pub const ALL: [SectionKey; 6] = [
        SectionKey::Overview,
        SectionKey::Active,
        SectionKey::Requests,
        SectionKey::Appeals,
        SectionKey::Problems,
        SectionKey::Other,
    ];

    /// The key used in the JSON output, e.g. `overview`.
    pub fn key(self) -> &'static str {
        match self {
            SectionKey::Overview => "overview",
            SectionKey::Active => "active",
            SectionKey::Requests => "requests",
            SectionKey::Appeals => "appeals",
            SectionKey::Problems => "problems",
            SectionKey::Other => "other",
        }
    }

    /// The heading of the 2021 template.
    pub fn heading(self) -> &'static str {
        match self {
            SectionKey::Overview => "一、总体情况",
            SectionKey::Active => "二、主动公开政府信息情况",
            SectionKey::Requests => "三、收到和处理政府信息公开申请情况",
            SectionKey::Appeals => "四、政府信息公开行政复议、行政诉讼情况",
            SectionKey::Problems => "五、存在的主要问题及改进情况",
            SectionKey::Other => "六、其他需要报告的事项",
        }
    }

    /// Position in template order, 0 to 5.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A section found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Which section.
    pub key: SectionKey,
    /// The heading as written (normalised: simplified script, half-width).
    pub heading: String,
    /// The heading line.
    pub heading_span: Span,
    /// From the heading to the next section's heading or the end.
    pub span: Span,
    /// The same range in the normalised text, for the rules that read prose.
    pub(crate) text: std::ops::Range<usize>,
    /// Where the body starts in the normalised text: after the heading's line.
    pub(crate) body: usize,
}

/// The three statistical tables; `None` where a table was not found.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    /// Table 二, 主动公开政府信息情况.
    pub active: Option<Table>,
    /// Table 三, 收到和处理政府信息公开申请情况.
    pub requests: Option<Table>,
    /// Table 四, 政府信息公开行政复议、行政诉讼情况.
    pub appeals: Option<Table>,
}

impl Tables {
    /// The tables that were found, in order.
    pub fn iter(&self) -> impl Iterator<Item = &Table> {
        [&self.active, &self.requests, &self.appeals]
            .into_iter()
            .flatten()
    }
}

/// Which of the three tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableKind {
    /// Table 二.
    Active,
    /// Table 三.
    Requests,
    /// Table 四.
    Appeals,
}

impl TableKind {
    /// The key used in cell paths and the JSON output.
    pub fn key(self) -> &'static str {
        match self {
            TableKind::Active => "active",
            TableKind::Requests => "requests",
            TableKind::Appeals => "appeals",
        }
    }

    /// The table's name in Chinese, for messages.
    pub fn name(self) -> &'static str {
        match self {
            TableKind::Active => "主动公开政府信息情况表",
            TableKind::Requests => "收到和处理政府信息公开申请情况表",
            TableKind::Appeals => "行政复议、行政诉讼情况表",
        }
    }
}

/// How a table was laid out in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    /// One row a line, cells between ` | `.
    Pipe,
    /// One row a line, cells between tabs (a table copied from a browser or Word).
    Tab,
    /// A Markdown table (`|---|` separator rows).
    Markdown,
    /// One row a line, cells between runs of spaces (PDF text extraction).
    Spaces,
    /// One cell a line.
    CellPerLine,
    /// An HTML `<table>`.
    Html,
}

impl Layout {
    /// The name used in the JSON output, e.g. `cell-per-line`.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Pipe => "pipe",
            Layout::Tab => "tab",
            Layout::Markdown => "markdown",
            Layout::Spaces => "spaces",
            Layout::CellPerLine => "cell-per-line",
            Layout::Html => "html",
        }
    }
}

/// One table as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Which table.
    pub kind: TableKind,
    /// The template its rows and columns follow; `None` for table 四, the same in both.
    pub template: Option<Template>,
    /// How it was laid out.
    pub layout: Layout,
    /// From its first to its last line.
    pub span: Span,
    /// The same range in the normalised text.
    pub(crate) text: std::ops::Range<usize>,
    /// Its rows in template order, every row of the template present.
    pub rows: Vec<Row>,
    /// The relations of its arithmetic among its rows as read, derived once
    /// by the reader (which solves by them) for the T rules.
    pub(crate) relations: Vec<crate::tables::relations::Relation>,
}

impl Table {
    /// The relations of its arithmetic (TEMPLATE.md) among its rows as
    /// read: none for table 二.
    pub fn relations(&self) -> &[crate::tables::relations::Relation] {
        &self.relations
    }

    /// The row with this key, e.g. `denied.state_secret`.
    pub fn row(&self, key: RowKey) -> Option<&Row> {
        self.rows.iter().find(|r| r.key == key)
    }

    /// The cell at `row`, `column`.
    pub fn cell(&self, row: RowKey, column: ColumnKey) -> Option<&Cell> {
        self.row(row)?.cells.iter().find(|c| c.column == column)
    }

    /// Whether any cell was read with doubt.
    pub fn doubtful(&self) -> bool {
        self.rows.iter().flat_map(|r| &r.cells).any(|c| c.doubtful)
    }

    /// The path of a cell, e.g. `requests.total.natural_person`.
    pub fn path(&self, row: RowKey, column: ColumnKey) -> String {
        schema::path(self.kind, row, column)
    }
}

/// One row of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The row key of TEMPLATE.md, e.g. `new_received`.
    pub key: RowKey,
    /// The row's label where one was found next to its numbers.
    pub label: Option<Span>,
    /// Its cells, in template column order.
    pub cells: Vec<Cell>,
}

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The column key of TEMPLATE.md, e.g. `natural_person`.
    pub column: ColumnKey,
    /// The value; `None` for a blank, `/`, `-`, `—` or `无`, or where nothing was found.
    pub value: Option<Value>,
    /// Where the value was read.
    pub span: Option<Span>,
    /// Whether the reading of this cell is uncertain (then no arithmetic rests on it).
    pub doubtful: bool,
}

/// A number in a cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// A whole number.
    Count(i64),
    /// An amount in 万元, or a number written with a decimal point.
    Amount(f64),
}

impl Value {
    /// The whole number, if this is one.
    pub fn count(self) -> Option<i64> {
        match self {
            Value::Count(n) => Some(n),
            Value::Amount(_) => None,
        }
    }

    /// The value as a float, whichever kind it is.
    pub fn as_f64(self) -> f64 {
        match self {
            Value::Count(n) => n as f64,
            Value::Amount(x) => x,
        }
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Count(n) => write!(f, "{n}"),
            Value::Amount(x) => f.write_str(&crate::layout::number::shown(*x)),
        }
    }
}
