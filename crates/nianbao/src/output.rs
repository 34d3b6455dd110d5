//! The serialisable form of a [`Report`]: the object the CLI prints as JSON
//! and the wasm binding hands to JavaScript, field for field the same; and
//! the code catalogue ([`rules`]) and the tables' rows ([`schema`]) the
//! binding hands over as they are.
//!
//! Positions are given twice: `line` and `column` (1-based, in characters)
//! for people, `start` and `end` in UTF-16 code units for JavaScript.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::report::{Found, Report, Section, Table, Value};
use crate::span::{LineIndex, Span};

/// The whole result for one input.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Output {
    /// The file name, where the input came from a file.
    pub file: Option<String>,
    /// `"2019"`, `"2021"`, `"mixed"`, or null when no table was found.
    pub template: Option<&'static str>,
    /// Agency, year, publication date.
    pub meta: MetaOut,
    /// Each section's heading and place, null where missing.
    pub sections: SectionsOut,
    /// Each table's values by row and column key, null where missing.
    pub tables: TablesOut,
    /// How each table was read: template, layout, doubt and place.
    pub table_info: TableInfosOut,
    /// The place of every cell that holds a value, by cell path.
    pub cells: CellsOut,
    /// Counts of diagnostics by severity.
    pub summary: SummaryOut,
    /// Every finding, errors and warnings first within each place.
    pub diagnostics: Vec<DiagnosticOut>,
}

/// Where something is, for people and for JavaScript.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// Start offset in UTF-16 code units.
    pub start: usize,
    /// End offset in UTF-16 code units.
    pub end: usize,
}

/// Metadata of the report.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MetaOut {
    /// The agency's name.
    pub agency: Option<String>,
    /// The year reported on.
    pub year: Option<i32>,
    /// The publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
}

/// A section found in the text.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SectionOut {
    /// The heading as read.
    pub heading: String,
    /// Where the whole section lies.
    #[serde(flatten)]
    pub location: Location,
}

/// The six sections by key.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SectionsOut {
    /// 一、总体情况
    pub overview: Option<SectionOut>,
    /// 二、主动公开政府信息情况
    pub active: Option<SectionOut>,
    /// 三、收到和处理政府信息公开申请情况
    pub requests: Option<SectionOut>,
    /// 四、行政复议、行政诉讼情况
    pub appeals: Option<SectionOut>,
    /// 五、存在的主要问题及改进情况
    pub problems: Option<SectionOut>,
    /// 六、其他需要报告的事项
    pub other: Option<SectionOut>,
}

/// The three tables as nested maps: row key, then column key, then value.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TablesOut {
    /// Table 二.
    pub active: Option<TableOut>,
    /// Table 三.
    pub requests: Option<TableOut>,
    /// Table 四.
    pub appeals: Option<TableOut>,
}

/// One row's values by column key, in template order.
type RowValues = Vec<(&'static str, Option<Value>)>;

/// One table's values, rows and columns in template order.
#[derive(Debug, Clone)]
pub struct TableOut(Vec<(&'static str, RowValues)>);

struct RowOut<'a>(&'a [(&'static str, Option<Value>)]);

struct ValueOut(Value);

impl Serialize for TableOut {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (key, cells) in &self.0 {
            map.serialize_entry(key, &RowOut(cells))?;
        }
        map.end()
    }
}

impl Serialize for RowOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (key, value) in self.0 {
            map.serialize_entry(key, &value.map(ValueOut))?;
        }
        map.end()
    }
}

impl Serialize for ValueOut {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Count(n) => s.serialize_i64(n),
            // A whole amount is written as an integer, as JavaScript would.
            Value::Amount(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => s.serialize_i64(x as i64),
            Value::Amount(x) => s.serialize_f64(x),
        }
    }
}

/// How one table was read.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TableInfoOut {
    /// `"2019"` or `"2021"`; null for table 四, the same in both.
    pub template: Option<&'static str>,
    /// The layout recognised, e.g. `pipe` or `cell-per-line`.
    pub layout: &'static str,
    /// Whether any cell was read with doubt.
    pub doubtful: bool,
    /// Where the table lies.
    #[serde(flatten)]
    pub location: Location,
}

/// How each table was read.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TableInfosOut {
    /// Table 二.
    pub active: Option<TableInfoOut>,
    /// Table 三.
    pub requests: Option<TableInfoOut>,
    /// Table 四.
    pub appeals: Option<TableInfoOut>,
}

/// Where each cell's value was read, by cell path, in table order.
#[derive(Debug, Clone)]
pub struct CellsOut(Vec<(String, CellOut)>);

/// Where one cell's value was read.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CellOut {
    /// Whether the reading is uncertain.
    pub doubtful: bool,
    /// Where.
    #[serde(flatten)]
    pub location: Location,
}

impl Serialize for CellsOut {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (path, cell) in &self.0 {
            map.serialize_entry(path, cell)?;
        }
        map.end()
    }
}

/// Counts of diagnostics.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct SummaryOut {
    /// Errors of the report.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes on the reading.
    pub infos: usize,
}

/// One diagnostic.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DiagnosticOut {
    /// The rule's code.
    pub code: &'static str,
    /// `error`, `warning` or `info`.
    pub severity: &'static str,
    /// What is wrong, in Chinese.
    pub message: String,
    /// The cell paths concerned.
    pub cells: Vec<String>,
    /// 1-based line of the span, null if the finding has no place.
    pub line: Option<usize>,
    /// 1-based column in characters.
    pub column: Option<usize>,
    /// Start offset in UTF-16 code units.
    pub start: Option<usize>,
    /// End offset in UTF-16 code units.
    pub end: Option<usize>,
    /// Why it matters.
    pub note: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
    /// Other places that take part.
    pub related: Vec<RelatedOut>,
    /// Among `cells`, those that state a total the others should add up to.
    pub stated: Vec<String>,
    /// The cells to check: the fewest whose change makes every relation of
    /// the table hold.
    pub suspects: Vec<String>,
}

/// Another place a diagnostic points to.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RelatedOut {
    /// What is there.
    pub message: String,
    /// Where.
    #[serde(flatten)]
    pub location: Location,
}

impl Output {
    /// Builds the output of `report`, read from `text`, for file `file`.
    pub fn new(report: &Report, text: &str, file: Option<&str>) -> Output {
        let index = LineIndex::new(text);
        let locate = |span: Span| {
            let start = index.position(span.start);
            let end = index.position(span.end);
            Location {
                line: start.line,
                column: start.column,
                start: start.utf16,
                end: end.utf16,
            }
        };
        let section = |i: usize| {
            report.sections[i].as_ref().map(|s: &Section| SectionOut {
                heading: s.heading.clone(),
                location: locate(s.span),
            })
        };
        let table = |t: &Option<Table>| {
            t.as_ref().map(|t| {
                TableOut(
                    t.rows
                        .iter()
                        .map(|r| {
                            let cells = r.cells.iter().map(|c| (c.column.as_str(), c.value));
                            (r.key.as_str(), cells.collect())
                        })
                        .collect(),
                )
            })
        };
        let info = |t: &Option<Table>| {
            t.as_ref().map(|t| TableInfoOut {
                template: t.template.map(|t| t.as_str()),
                layout: t.layout.as_str(),
                doubtful: t.doubtful(),
                location: locate(t.span),
            })
        };
        let cells = report
            .tables
            .iter()
            .flat_map(|t| {
                t.rows.iter().flat_map(move |r| {
                    r.cells.iter().filter_map(move |c| {
                        c.span.map(|span| {
                            // `t.path(r.key, c.column)`, joined without
                            // `format!`: a check has some two hundred.
                            let path = [t.kind.key(), ".", r.key.as_str(), ".", c.column.as_str()];
                            (
                                path.concat(),
                                CellOut {
                                    doubtful: c.doubtful,
                                    location: locate(span),
                                },
                            )
                        })
                    })
                })
            })
            .collect();
        let count = |sev| {
            report
                .diagnostics
                .iter()
                .filter(|d| d.severity == sev)
                .count()
        };
        use crate::diagnostic::Severity;
        Output {
            file: file.map(str::to_string),
            template: report.template.map(|t| t.as_str()),
            meta: MetaOut {
                agency: report
                    .meta
                    .agency
                    .as_ref()
                    .map(|f: &Found<String>| f.value.clone()),
                year: report.meta.year.as_ref().map(|f| f.value),
                published: report.meta.published.as_ref().map(|f| f.value.clone()),
            },
            sections: SectionsOut {
                overview: section(0),
                active: section(1),
                requests: section(2),
                appeals: section(3),
                problems: section(4),
                other: section(5),
            },
            tables: TablesOut {
                active: table(&report.tables.active),
                requests: table(&report.tables.requests),
                appeals: table(&report.tables.appeals),
            },
            table_info: TableInfosOut {
                active: info(&report.tables.active),
                requests: info(&report.tables.requests),
                appeals: info(&report.tables.appeals),
            },
            cells: CellsOut(cells),
            summary: SummaryOut {
                errors: count(Severity::Error),
                warnings: count(Severity::Warning),
                infos: count(Severity::Info),
            },
            diagnostics: report
                .diagnostics
                .iter()
                .map(|d| {
                    let loc = d.span.map(&locate);
                    DiagnosticOut {
                        code: d.code,
                        severity: d.severity.as_str(),
                        message: d.message.clone(),
                        cells: d.cells.clone(),
                        line: loc.map(|l| l.line),
                        column: loc.map(|l| l.column),
                        start: loc.map(|l| l.start),
                        end: loc.map(|l| l.end),
                        note: d.note.clone(),
                        help: d.help.clone(),
                        related: d
                            .related
                            .iter()
                            .map(|r| RelatedOut {
                                message: r.message.clone(),
                                location: locate(r.span),
                            })
                            .collect(),
                        stated: d.stated.clone(),
                        suspects: d.suspects.clone(),
                    }
                })
                .collect(),
        }
    }
}

/// One entry of the code catalogue, as the page's `rules()` returns it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RuleOut {
    /// The stable code, e.g. `T003`.
    pub code: &'static str,
    /// The rule's name in kebab case.
    pub name: &'static str,
    /// `error`, `warning` or `info`.
    pub severity: &'static str,
    /// What the rule checks, in Chinese.
    pub summary: &'static str,
    /// How to fix what it finds, in Chinese.
    pub help: &'static str,
}

/// Every diagnostic code in use, in the registry's order: a retired code is
/// never reported, so it is not listed.
pub fn rules() -> Vec<RuleOut> {
    crate::codes::ALL
        .iter()
        .filter(|c| c.status == crate::codes::Status::Active)
        .map(|c| RuleOut {
            code: c.code,
            name: c.name,
            severity: c.severity.as_str(),
            summary: c.summary,
            help: c.help,
        })
        .collect()
}

/// A row of a table's template with its Chinese labels.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SchemaRowOut {
    /// The row key, as in cell paths.
    pub key: &'static str,
    /// The row's label in the template.
    pub label: &'static str,
    /// The row's cells, in template order.
    pub columns: Vec<SchemaColumnOut>,
}

/// A column of a row, with its Chinese label.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SchemaColumnOut {
    /// The column key, as in cell paths.
    pub key: &'static str,
    /// The column's label in the template.
    pub label: &'static str,
}

/// The rows of one table in each template.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TemplatesOut {
    /// The 2019 template's rows.
    #[serde(rename = "2019")]
    pub t2019: Vec<SchemaRowOut>,
    /// The 2021 template's rows.
    #[serde(rename = "2021")]
    pub t2021: Vec<SchemaRowOut>,
}

/// The rows and columns of the three tables, for drawing them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SchemaOut {
    /// Table 二, which the two templates lay out differently.
    pub active: TemplatesOut,
    /// Table 三, which the two templates lay out differently.
    pub requests: TemplatesOut,
    /// Table 四, the same in both.
    pub appeals: Vec<SchemaRowOut>,
}

/// The rows and columns of the three tables in each template.
pub fn schema() -> SchemaOut {
    use crate::tables::schema::{self, ColumnKey, RowSpec};
    let rows = |specs: &[RowSpec]| -> Vec<SchemaRowOut> {
        let column = |&key: &ColumnKey| SchemaColumnOut {
            key: key.as_str(),
            label: key.label(),
        };
        specs
            .iter()
            .map(|r| SchemaRowOut {
                key: r.key.as_str(),
                label: r.label,
                columns: r.columns.iter().map(column).collect(),
            })
            .collect()
    };
    SchemaOut {
        active: TemplatesOut {
            t2019: rows(schema::ACTIVE_2019),
            t2021: rows(schema::ACTIVE_2021),
        },
        requests: TemplatesOut {
            t2019: rows(&schema::requests_rows(false)),
            t2021: rows(&schema::requests_rows(true)),
        },
        appeals: rows(schema::APPEALS),
    }
}
