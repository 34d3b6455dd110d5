//! The three statistical tables: where they are, how they are laid out,
//! and which number belongs in which cell.
//!
//! Every number in a table's region ends up in a cell or in a diagnostic
//! (R003); a row read with doubt has its cells marked doubtful (R002, R007)
//! so that no arithmetic error is reported on a misreading.

mod fit;
pub mod labels;
mod regions;
mod requests;
pub mod schema;
mod stream;

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::layout::{layout_of, Lines};
use crate::report::{Cell, Row, Table, TableKind, Tables, Template, Value};
use crate::text::Document;
use fit::{fit, groups_of_five_sum, total_is_sum, Fitted};
use regions::Region;
use schema::{RowSpec, ACTIVE_2019, ACTIVE_2021, APPEALS, REQUEST_COLUMNS};
use stream::{Group, KEEP};

/// More groups than this in one table region is not a table: the rest is reported, not aligned.
const MAX_GROUPS: usize = 400;
/// A run of fewer values than this, without a row's label, is not a row of table 三.
const MIN_ROW: usize = 5;
/// At most this many unplaced numbers are reported one by one; the rest in one line.
const MAX_UNPLACED: usize = 20;

/// Reads the three tables.
pub fn read(doc: &Document, lines: &Lines, diagnostics: &mut Vec<Diagnostic>) -> Tables {
    let regions = regions::find(doc, lines);
    let mut reader = Reader {
        doc,
        lines,
        diagnostics,
        unplaced: 0,
    };
    let tables = Tables {
        active: regions.active.and_then(|r| reader.active(r)),
        requests: regions.requests.and_then(|r| reader.requests(r)),
        appeals: regions.appeals.and_then(|r| reader.appeals(r)),
    };
    if reader.unplaced > MAX_UNPLACED {
        let more = reader.unplaced - MAX_UNPLACED;
        reader.diagnostics.push(Diagnostic::new(
            codes::UNPLACED_NUMBER,
            format!("表格区域内另有 {more} 个数字未能归入单元格，未逐一列出"),
        ));
    }
    tables
}

/// The template of the report as a whole, from its tables'.
pub fn overall_template(tables: &Tables) -> Option<Template> {
    let mut found = tables.iter().filter_map(|t| t.template);
    let first = found.next()?;
    Some(if found.all(|t| t == first) {
        first
    } else {
        Template::Mixed
    })
}

/// The groups of a region beyond [`MAX_GROUPS`]: only the places of their
/// first numbers can still be reported one by one; the rest are counted.
#[derive(Default)]
struct Capped {
    numbers: Vec<(usize, usize)>,
    count: usize,
}

struct Reader<'a, 'd> {
    doc: &'a Document<'a>,
    lines: &'a Lines,
    diagnostics: &'d mut Vec<Diagnostic>,
    unplaced: usize,
}

impl<'a> Reader<'a, '_> {
    fn region(
        &self,
        region: &Region,
    ) -> (
        crate::report::Layout,
        crate::span::Span,
        std::ops::Range<usize>,
    ) {
        let layout = layout_of(self.doc, region.lines(self.lines).map(|(_, l)| l));
        let (start, end) = match region.lines.len() {
            0 => (0, 0),
            _ => (region.from, self.lines.get(region.lines.end - 1).end),
        };
        (layout, self.doc.span(start, end), start..end)
    }

    /// Table 三, if its region holds at least one row of numbers.
    fn requests(&mut self, range: Region) -> Option<Table> {
        let (layout, span, text) = self.region(&range);
        let mut row_like = false;
        let (groups, capped) = self.capped_groups(
            range,
            layout,
            |_| {},
            |g| {
                row_like |= g.items.len() >= MIN_ROW || labels::requests_row(&g.label).is_some();
            },
        );
        if !row_like {
            return None;
        }
        self.report_capped(capped);
        let labels: Vec<_> = groups
            .iter()
            .map(|g| labels::requests_row(&g.label))
            .collect();
        let alignment = requests::align(&groups, &labels);
        let mut used = vec![false; groups.len()];
        let rows = alignment
            .rows
            .iter()
            .zip(&alignment.placed)
            .map(|(spec, placed)| match placed {
                Some(i) => {
                    used[*i] = true;
                    let g = &groups[*i];
                    let fitted = fit(
                        &g.items,
                        g.dropped,
                        &g.trailing,
                        REQUEST_COLUMNS.len(),
                        &total_is_sum,
                    );
                    self.row(TableKind::Requests, spec, fitted, g.label_range)
                }
                None => self.missing_row(TableKind::Requests, spec, span),
            })
            .collect();
        self.unplaced_groups(&groups, &used);
        let template = if alignment.is_2021 {
            Template::Y2021
        } else {
            Template::Y2019
        };
        Some(Table {
            kind: TableKind::Requests,
            template: Some(template),
            layout,
            span,
            text,
            rows,
        })
    }

    /// Table 二, if its region holds at least one row the template names.
    fn active(&mut self, range: Region) -> Option<Table> {
        let (layout, span, text) = self.region(&range);
        let (mut votes_2021, mut votes_2019, mut in_yuan) = (0, 0, false);
        let votes = |l: &str| {
            match labels::active_header_is_2021(l) {
                Some(true) => votes_2021 += 1,
                Some(false) => votes_2019 += 1,
                None => {}
            }
            if l.contains("单位") && l.contains('元') && !l.contains("万元") {
                in_yuan = true;
            }
        };
        let (groups, capped) = self.capped_groups(range, layout, votes, |_| {});
        self.report_capped(capped);
        let keys: Vec<_> = groups
            .iter()
            .map(|g| labels::active_row(&g.label))
            .collect();
        if keys.iter().all(Option::is_none) {
            return None;
        }
        let only_2019 = keys
            .iter()
            .any(|k| matches!(k, Some("other_services" | "procurement")));
        let wide_decisions = groups
            .iter()
            .zip(&keys)
            .any(|(g, k)| *k == Some("licensing") && g.items.len() >= 3);
        let is_2019 =
            votes_2019 > votes_2021 || (votes_2019 == votes_2021 && (only_2019 || wide_decisions));
        let specs = if is_2019 { ACTIVE_2019 } else { ACTIVE_2021 };
        let mut used = vec![false; groups.len()];
        let rows = specs
            .iter()
            .map(|spec| {
                let found = (0..groups.len()).find(|&i| !used[i] && keys[i] == Some(spec.key));
                match found {
                    Some(i) => {
                        used[i] = true;
                        let g = &groups[i];
                        let fitted = fit(
                            &g.items,
                            g.dropped,
                            &g.trailing,
                            spec.columns.len(),
                            &|_| true,
                        );
                        let fitted = if spec.key == "fees" && in_yuan {
                            self.yuan_to_wan(fitted)
                        } else {
                            fitted
                        };
                        self.row(TableKind::Active, spec, fitted, g.label_range)
                    }
                    None => self.missing_row(TableKind::Active, spec, span),
                }
            })
            .collect();
        self.unplaced_groups(&groups, &used);
        let template = if is_2019 {
            Template::Y2019
        } else {
            Template::Y2021
        };
        Some(Table {
            kind: TableKind::Active,
            template: Some(template),
            layout,
            span,
            text,
            rows,
        })
    }

    /// Table 四, if its region holds at least one group's worth of numbers.
    fn appeals(&mut self, range: Region) -> Option<Table> {
        let (layout, span, text) = self.region(&range);
        // The fifteen values in reading order, blank cells between them
        // kept: the first `KEEP` of all groups' values, and a count of the rest.
        let (mut values, mut dropped, mut trailing) = (Vec::new(), 0, Vec::new());
        stream::groups(
            self.doc,
            range.lines(self.lines),
            layout,
            |_| {},
            |g| {
                if dropped == 0 {
                    let room = KEEP - values.len();
                    dropped += g.items.len().saturating_sub(room);
                    values.extend(g.items.into_iter().take(room));
                } else {
                    dropped += g.items.len();
                }
                dropped += g.dropped;
                trailing = g.trailing;
            },
        );
        // Digits that ran together may hold several cells each.
        let cells: usize = values
            .iter()
            .map(|t| match &t.kind {
                crate::layout::Kind::Number(n) if n.digits.bytes().all(|b| b.is_ascii_digit()) => {
                    n.digits.len()
                }
                _ => 1,
            })
            .sum();
        if cells < schema::APPEAL_COLUMNS.len() {
            return None;
        }
        let width = APPEALS.len() * schema::APPEAL_COLUMNS.len();
        let fitted = fit(&values, dropped, &trailing, width, &groups_of_five_sum);
        let mut slots = fitted.slots.chunks(schema::APPEAL_COLUMNS.len());
        let mut rows: Vec<Row> = APPEALS
            .iter()
            .map(|spec| {
                let part = Fitted {
                    slots: slots.next().map(<[_]>::to_vec).unwrap_or_default(),
                    doubtful: false,
                    extra: Vec::new(),
                    extra_count: 0,
                    split: false,
                };
                self.row(TableKind::Appeals, spec, part, None)
            })
            .collect();
        if fitted.doubtful {
            // One row of fifteen: the doubt is the table's, said once.
            let read = fitted.slots.iter().flatten().count() + fitted.extra_count;
            let cells: Vec<String> = rows
                .iter_mut()
                .flat_map(|r| {
                    r.cells.iter_mut().map(|c| {
                        c.doubtful = true;
                        format!("appeals.{}.{}", r.key, c.column)
                    })
                })
                .collect();
            self.diagnostics.push(
                Diagnostic::new(
                    codes::ROW_SHAPE,
                    format!("{}读到 {read} 个数字，而该表应有 {width} 个单元格，读取结果存疑，不据此核对勾稽关系", TableKind::Appeals.name()),
                )
                .with_span(span)
                .with_cells(cells),
            );
        }
        if fitted.split {
            self.split_note(TableKind::Appeals.name(), &fitted);
        }
        self.unplaced_extra(&fitted);
        Some(Table {
            kind: TableKind::Appeals,
            template: None,
            layout,
            span,
            text,
            rows,
        })
    }

    /// The groups of lines `range`, at most [`MAX_GROUPS`] of them, and
    /// what is left of the rest. Calls `label` with every label and `seen`
    /// with every group, kept or not.
    fn capped_groups(
        &self,
        range: Region,
        layout: crate::report::Layout,
        label: impl FnMut(&str),
        mut seen: impl FnMut(&Group),
    ) -> (Vec<Group<'a>>, Capped) {
        let mut groups = Vec::new();
        let mut capped = Capped::default();
        stream::groups(self.doc, range.lines(self.lines), layout, label, |g| {
            seen(&g);
            if groups.len() < MAX_GROUPS {
                groups.push(g);
                return;
            }
            let (numbers, more) = g.numbers();
            for range in numbers {
                capped.count += 1;
                if capped.numbers.len() < MAX_UNPLACED {
                    capped.numbers.push(range);
                }
            }
            capped.count += more;
        });
        (groups, capped)
    }

    /// The numbers of the groups beyond the cap, each unplaced.
    fn report_capped(&mut self, capped: Capped) {
        for range in &capped.numbers {
            self.unplaced(*range);
        }
        self.unplaced += capped.count - capped.numbers.len();
    }

    fn row(
        &mut self,
        table: TableKind,
        spec: &RowSpec,
        fitted: Fitted,
        label: Option<(usize, usize)>,
    ) -> Row {
        let path = |column: &str| format!("{}.{}.{}", table.key(), spec.key, column);
        let mut cells = Vec::with_capacity(spec.columns.len());
        for (column, slot) in spec
            .columns
            .iter()
            .zip(fitted.slots.iter().chain(std::iter::repeat(&None)))
        {
            let span = slot.map(|s| self.doc.span(s.range.0, s.range.1));
            if let Some(s) = slot {
                if s.too_large {
                    let digits = &self.doc.text[s.range.0..s.range.1];
                    self.diagnostics.push(
                        Diagnostic::new(
                            codes::NUMBER_TOO_LARGE,
                            format!(
                                "{}·{} 的数字 {digits} 过大，无法作为数量读取",
                                spec.label,
                                schema::column_label(column)
                            ),
                        )
                        .with_span(span)
                        .with_cells([path(column)]),
                    );
                }
                if let Some(unit) = s.unit {
                    let digits = &self.doc.text[s.range.0..s.range.1];
                    self.diagnostics.push(
                        Diagnostic::new(
                            codes::UNIT_IN_CELL,
                            format!(
                                "{}·{} 写作「{digits}」，已按数字读取，单位「{unit}」已忽略",
                                spec.label,
                                schema::column_label(column)
                            ),
                        )
                        .with_span(span)
                        .with_cells([path(column)]),
                    );
                }
            }
            cells.push(Cell {
                column,
                value: slot.and_then(|s| s.value),
                span,
                doubtful: fitted.doubtful || slot.is_some_and(|s| s.too_large),
            });
        }
        let row_span = fitted
            .slots
            .iter()
            .flatten()
            .map(|s| s.range)
            .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)))
            .map(|(s, e)| self.doc.span(s, e));
        if fitted.doubtful {
            let read = fitted.slots.iter().flatten().count() + fitted.extra_count;
            self.diagnostics.push(
                Diagnostic::new(
                    codes::ROW_SHAPE,
                    format!("{}「{}」读到 {read} 个数字，而该行应有 {} 个单元格，读取结果存疑，不据此核对勾稽关系", table.name(), spec.label, spec.columns.len()),
                )
                .with_span(row_span.or_else(|| label.map(|(s, e)| self.doc.span(s, e))))
                .with_cells(spec.columns.iter().map(|c| path(c))),
            );
        }
        if fitted.split {
            self.split_note(spec.label, &fitted);
        }
        self.unplaced_extra(&fitted);
        Row {
            key: spec.key,
            label: label.map(|(s, e)| self.doc.span(s, e)),
            cells,
        }
    }

    fn missing_row(
        &mut self,
        table: TableKind,
        spec: &RowSpec,
        table_span: crate::span::Span,
    ) -> Row {
        self.diagnostics.push(
            Diagnostic::new(
                codes::ROW_NOT_FOUND,
                format!("{}中未找到「{}」这一行", table.name(), spec.label),
            )
            .with_span(crate::span::Span::new(table_span.start, table_span.start))
            .with_cells(
                spec.columns
                    .iter()
                    .map(|c| format!("{}.{}.{}", table.key(), spec.key, c)),
            ),
        );
        let cells = spec
            .columns
            .iter()
            .map(|column| Cell {
                column,
                value: None,
                span: None,
                doubtful: true,
            })
            .collect();
        Row {
            key: spec.key,
            label: None,
            cells,
        }
    }

    fn split_note(&mut self, what: &str, fitted: &Fitted) {
        let values: Vec<String> = fitted
            .slots
            .iter()
            .flatten()
            .filter_map(|s| s.value)
            .map(|v| v.to_string())
            .collect();
        let span = fitted
            .slots
            .iter()
            .flatten()
            .map(|s| s.range)
            .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)));
        self.diagnostics.push(
            Diagnostic::new(
                codes::DIGITS_SPLIT,
                format!(
                    "「{what}」的数字连在一起，按勾稽关系只有一种拆法：{}",
                    values.join(" ")
                ),
            )
            .with_span(span.map(|(s, e)| self.doc.span(s, e))),
        );
    }

    fn unplaced_groups(&mut self, groups: &[Group], used: &[bool]) {
        for (g, _) in groups.iter().zip(used).filter(|(_, &u)| !u) {
            let (numbers, more) = g.numbers();
            for range in numbers {
                self.unplaced(range);
            }
            self.unplaced += more;
        }
    }

    /// The values of a row beyond its cells, each unplaced.
    fn unplaced_extra(&mut self, fitted: &Fitted) {
        for extra in &fitted.extra {
            self.unplaced(extra.range);
        }
        self.unplaced += fitted.extra_count - fitted.extra.len();
    }

    fn unplaced(&mut self, range: (usize, usize)) {
        self.unplaced += 1;
        if self.unplaced <= MAX_UNPLACED {
            let digits = &self.doc.text[range.0..range.1];
            self.diagnostics.push(
                Diagnostic::new(
                    codes::UNPLACED_NUMBER,
                    format!("表格区域内的数字「{digits}」未能归入任何单元格"),
                )
                .with_span(self.doc.span(range.0, range.1)),
            );
        }
    }

    /// Converts a fee written in 元 to 万元, with a note.
    fn yuan_to_wan(&mut self, mut fitted: Fitted) -> Fitted {
        for slot in fitted.slots.iter_mut().flatten() {
            if let Some(v) = slot.value {
                let wan = v.as_f64() / 10_000.0;
                slot.value = Some(Value::Amount(wan));
                self.diagnostics.push(
                    Diagnostic::new(
                        codes::AMOUNT_UNIT,
                        format!("行政事业性收费以元为单位填写为 {v} 元，格式要求以万元填写；已换算为 {wan} 万元"),
                    )
                    .with_span(self.doc.span(slot.range.0, slot.range.1))
                    .with_cells(["active.fees.amount_wan_yuan"]),
                );
            }
        }
        fitted
    }
}
