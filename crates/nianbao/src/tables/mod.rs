//! The three statistical tables: where they are, how they are laid out,
//! and which number belongs in which cell.
//!
//! Every number in a table's region ends up in a cell or in a diagnostic
//! (R003); a row read with doubt has its cells marked doubtful (R002, R007)
//! so that no arithmetic error is reported on a misreading. The reader's
//! diagnostics are built by their rule files, under `rules/reading/` and
//! `rules/value/`, beside their pages.

pub(crate) mod fit;
pub mod labels;
mod likely;
pub mod locate;
mod regions;
pub mod relations;
mod requests;
pub mod schema;
mod solve;
mod stream;

use crate::diagnostic::Diagnostic;
use crate::layout::{cells_end_marked, Lines};
use crate::report::{Cell, Layout, Row, Table, TableKind, Tables, Template, Value};
use crate::rules::reading::{
    digits_split, row_not_found, row_shape, unit_in_cell, unplaced_number,
};
use crate::rules::value::{amount_unit, number_too_large};
use crate::text::Document;
use fit::{fit, groups_of_five_sum, total_is_sum, Fitted, Settled, Shape, Slot};
use regions::Region;
use schema::{
    column, row, ColumnKey, RowKey, RowSpec, ACTIVE_2019, ACTIVE_2021, APPEALS, REQUEST_COLUMNS,
};
use stream::{Group, KEEP};

/// More groups than this in one table region is not a table: the rest is reported, not aligned.
const MAX_GROUPS: usize = 400;
/// A run of fewer values than this, without a row's label, is not a row of table 三.
const MIN_ROW: usize = 5;
/// The most digits a cell's count has where digits ran together: table 二
/// (decisions by the hundred thousand), 三 (requests of a ministry by the
/// hundred thousand), 四 (appeals by the ten thousand).
const ACTIVE_DIGITS: usize = 9;
const REQUESTS_DIGITS: usize = 6;
const APPEALS_DIGITS: usize = 5;
/// How much text after table 三's last value may hold the labels of rows
/// left blank, where blank cells vanish.
const TAIL_BYTES: usize = 4096;
/// At most this many unplaced numbers are reported one by one; the rest in one line.
const MAX_UNPLACED: usize = 20;
/// Cells written with a unit said one by one in a table; more are said once.
const UNIT_NOTES: usize = 3;

/// Reads the three tables.
pub fn read(doc: &Document, lines: &Lines, diagnostics: &mut Vec<Diagnostic>) -> Tables {
    let regions = regions::find(doc, lines);
    let mut reader = Reader {
        doc,
        lines,
        diagnostics,
        unplaced: 0,
        row_splits: Vec::new(),
        units: Vec::new(),
    };
    let tables = Tables {
        active: regions.active.and_then(|r| reader.active(r)),
        requests: regions.requests.and_then(|r| reader.requests(r)),
        appeals: regions.appeals.and_then(|r| reader.appeals(r)),
    };
    if reader.unplaced > MAX_UNPLACED {
        let more = reader.unplaced - MAX_UNPLACED;
        reader.diagnostics.push(unplaced_number::more(more));
    }
    tables
}

/// Lists the splits of a row, its index, nearest the values predicted for
/// each of its cells ([`fit::guided`]).
type Resplit<'r> = &'r dyn Fn(usize, &[Vec<i64>]) -> Vec<Vec<Option<Slot>>>;

/// Chooses, for the rows whose digits ran together, the readings that
/// break the fewest of `relations` given the other rows; a cell the
/// readings that break as few disagree on is unsure. Where the table's
/// blank cells vanish (`blanks_are_zero`), a blank cell is weighed as the
/// 0 it stands for, so that a value put beside blanks is held to the sums
/// it completes, not let off by the blanks' silence. Rows the other rows
/// contradict, or whose splits were too many to list, are split as those
/// predict, by `resplit` ([`split_as_predicted`]).
fn solve_rows(
    rows: &mut [Option<Fitted>],
    relations: &[relations::Relation],
    blanks_are_zero: bool,
    resplit: Resplit,
) {
    let zero = |v: Option<i64>| if blanks_are_zero { v.or(Some(0)) } else { v };
    // What the other rows say: nothing where a row is missing or doubtful.
    let grid: Vec<Vec<Option<i64>>> = rows
        .iter()
        .map(|f| match f {
            Some(f) if !f.doubtful => f
                .slots
                .iter()
                .map(|s| zero(s.and_then(|s| s.value).and_then(Value::count)))
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    let guided = split_as_predicted(rows, &grid, relations, blanks_are_zero, resplit);
    let mut free: Vec<solve::Free> = rows
        .iter()
        .enumerate()
        .filter_map(|(row, f)| {
            let f = f.as_ref()?;
            (!f.readings.is_empty()).then(|| solve::Free {
                row,
                readings: f
                    .reading_values()
                    .into_iter()
                    .map(|r| r.into_iter().map(zero).collect())
                    .collect(),
            })
        })
        .collect();
    if free.is_empty() {
        return;
    }
    let mut solved = solve::solve(&grid, &free, relations);
    // A row split as predicted holds the best of its splits only where the
    // readings chosen break at most `MAX_MISSES + 1` relations, every
    // combination tried ([`fit::guided`]); else those rows are read as
    // before: doubtful, or as the one split that keeps their sum.
    if guided.contains(&true) && (solved.broken > fit::MAX_MISSES + 1 || !solved.exhaustive) {
        free.retain(|f| !guided[f.row]);
        for (f, _) in rows.iter_mut().zip(&guided).filter(|(_, &g)| g) {
            if let Some(f) = f {
                f.readings.clear();
            }
        }
        if free.is_empty() {
            return;
        }
        solved = solve::solve(&grid, &free, relations);
    }
    let settled = match (solved.broken, solved.exhaustive) {
        (0, _) => Settled::Table,
        (_, true) => Settled::Fewest,
        (_, false) => Settled::Rounds,
    };
    for ((f, mut chosen), wrong) in free.iter().zip(solved.choices).zip(solved.wrong) {
        if let Some(Some(fitted)) = rows.get_mut(f.row) {
            // Values placed beside vanished blanks may be shifted together,
            // row after row, keeping every sum: the relations cannot tell
            // their columns, so a cell the row's placements dispute is unsure.
            if fitted.lost {
                chosen.dispute_all(&f.readings);
            }
            let settled = if wrong.contains(&true) {
                Settled::Broken
            } else {
                settled
            };
            fitted.choose(chosen.reading, settled, chosen.unsure);
            fitted.to_check = wrong;
        }
    }
}

/// Gives the rows whose splits were too many to list, and those one split
/// of which alone keeps the row's sum where it breaks what the other rows
/// of `grid` predict, the readings `resplit` lists nearest the predictions
/// ([`fit::guided`]); says which rows it gave readings.
fn split_as_predicted(
    rows: &mut [Option<Fitted>],
    grid: &[Vec<Option<i64>>],
    relations: &[relations::Relation],
    blanks_are_zero: bool,
    resplit: Resplit,
) -> Vec<bool> {
    let zero = |v: Option<i64>| if blanks_are_zero { v.or(Some(0)) } else { v };
    let mut guided = vec![false; rows.len()];
    // Not a row whose values were placed among vanished blanks: its other
    // placements are not listed beside it.
    let settled_alone =
        |f: &Fitted| f.split == Some(Settled::Row) && f.readings.is_empty() && !f.lost;
    if rows
        .iter()
        .flatten()
        .any(|f| f.unlisted || settled_alone(f))
    {
        // What predicts a cell: the other rows, and of a row with several
        // readings, the cells they all agree on.
        let mut known = grid.to_vec();
        for (k, f) in known.iter_mut().zip(rows.iter()) {
            if let Some(f) = f.as_ref().filter(|f| !f.readings.is_empty()) {
                let readings = f.reading_values();
                *k = (0..f.slots.len())
                    .map(|c| {
                        let mut values = readings.iter().map(|r| zero(r.get(c).copied().flatten()));
                        let first = values.next().flatten();
                        values.all(|v| v == first).then_some(first).flatten()
                    })
                    .collect();
            }
        }
        for (row, f) in rows.iter_mut().enumerate() {
            let Some(f) = f.as_mut() else {
                continue;
            };
            if !f.unlisted && !settled_alone(f) {
                continue;
            }
            let predicted = solve::predicted(&known, relations, row, f.slots.len());
            if f.unlisted {
                f.readings = resplit(row, &predicted);
                guided[row] = !f.readings.is_empty();
            } else {
                let misses = f.slots.iter().zip(&predicted).any(|(s, p)| {
                    fit::misses(zero(s.and_then(|s| s.value).and_then(Value::count)), p)
                });
                // Its own split first, which may be among those listed too.
                let listed = if misses {
                    resplit(row, &predicted)
                } else {
                    Vec::new()
                };
                if !listed.is_empty() {
                    f.readings = std::iter::once(f.slots.clone()).chain(listed).collect();
                    guided[row] = true;
                }
            }
        }
    }
    guided
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

/// A region's groups, at most [`MAX_GROUPS`], and the numbers of the rest.
struct CappedGroups<'a> {
    groups: Vec<Group<'a>>,
    rest: Capped,
}

impl Default for CappedGroups<'_> {
    /// Room for a table's groups at once, read as rows while its lines
    /// are one cell a line too (table 三's hundred and more values): a
    /// list of groups grown from nothing copies them again and again.
    fn default() -> Self {
        CappedGroups {
            groups: Vec::with_capacity(128),
            rest: Capped::default(),
        }
    }
}

impl<'a> stream::Collect<'a> for CappedGroups<'a> {
    fn group(&mut self, g: &mut Group<'a>) {
        if self.groups.len() < MAX_GROUPS {
            // A copy of its exact size: the group's own room serves the next.
            self.groups.push(g.clone());
            return;
        }
        let (numbers, more) = g.numbers();
        for range in numbers {
            self.rest.count += 1;
            if self.rest.numbers.len() < MAX_UNPLACED {
                self.rest.numbers.push(range);
            }
        }
        self.rest.count += more;
    }
}

/// Table 四's values in reading order, blank cells between them kept: the
/// first [`KEEP`] of all groups' values, a count of the rest, and the blank
/// cells after the last.
#[derive(Default)]
struct Run<'a> {
    values: Vec<crate::layout::Token<'a>>,
    dropped: usize,
    trailing: Vec<crate::layout::Token<'a>>,
}

impl<'a> stream::Collect<'a> for Run<'a> {
    fn group(&mut self, g: &mut Group<'a>) {
        // Blank cells with no value are a header's padding here.
        if g.is_blank() {
            return;
        }
        if self.dropped == 0 {
            let room = KEEP - self.values.len();
            self.dropped += g.items.len().saturating_sub(room);
            self.values.extend(g.items.drain(..).take(room));
        } else {
            self.dropped += g.items.len();
        }
        self.dropped += g.dropped;
        std::mem::swap(&mut self.trailing, &mut g.trailing);
    }
}

struct Reader<'a, 'd> {
    doc: &'a Document<'a>,
    lines: &'a Lines,
    diagnostics: &'d mut Vec<Diagnostic>,
    unplaced: usize,
    /// The notes of rows whose run-together digits their own arithmetic
    /// split, said once for a table where there are several.
    row_splits: Vec<Diagnostic>,
    /// The notes of this table's cells written with a unit, said at the
    /// table's end.
    units: Vec<Diagnostic>,
}

impl<'a> Reader<'a, '_> {
    /// Where a table's region lies: it ends with its last line that holds
    /// anything, not with blank lines after it, nor the `## ` of the next
    /// heading's line.
    fn extent(&self, region: &Region) -> (crate::span::Span, std::ops::Range<usize>) {
        let holds = |l: &crate::layout::Line| {
            self.doc.text[l.start..l.end]
                .chars()
                .any(crate::text::is_word_char)
        };
        let last = region.lines(self.lines).map(|(_, l)| l).rev().find(holds);
        let (start, end) = match (last, region.lines.len()) {
            (_, 0) => (0, 0),
            (Some(last), _) => (region.from, last.end),
            (None, _) => (region.from, self.lines.get(region.lines.end - 1).end),
        };
        (self.doc.span(start, end), start..end)
    }

    /// Table 三, if its region holds at least one row of numbers.
    fn requests(&mut self, range: Region) -> Option<Table> {
        let (span, text) = self.extent(&range);
        // A run of blank cells about as wide as a row is a row left blank
        // where a row's label names it, or where values came before it (a
        // converter may leave a row's label apart from its cells); else it
        // is a header's padding, or no row at all.
        let width = REQUEST_COLUMNS.len();
        let kept = |g: &Group, row: Option<RowKey>, valued: bool| {
            !g.is_blank()
                || ((MIN_ROW..=2 * width).contains(&(g.items.len() + g.dropped))
                    && (row.is_some() || valued)
                    && !labels::names_applicants(&g.label))
        };
        let mut valued = false;
        let mut row_like = false;
        let mut evidence = labels::TemplateEvidence::default();
        // Each group with the row its label names, named once.
        let (layout, capped): (_, CappedGroups) =
            stream::groups(self.doc, range.lines(self.lines), |l| evidence.see(l));
        let named: Vec<(Group, Option<RowKey>)> = capped
            .groups
            .into_iter()
            .filter_map(|g| {
                let row = labels::requests_row(&g.label);
                let keep = kept(&g, row, valued);
                valued |= !g.is_blank();
                row_like |= keep && (g.items.len() >= MIN_ROW || row.is_some());
                keep.then_some((g, row))
            })
            .collect();
        if !row_like {
            return None;
        }
        self.report_capped(capped.rest);
        let (groups, labels): (Vec<Group>, Vec<Option<RowKey>>) = named.into_iter().unzip();
        let alignment = requests::align(&groups, &labels, evidence.is_2021());
        let blanks_vanish = groups.iter().any(|g| fit::too_few_digits(&g.items, width));
        let shape = Shape {
            width,
            holds: &total_is_sum,
            run_together: true,
            blanks_vanish,
            group: width,
            max_digits: REQUESTS_DIGITS,
            amount_last: false,
        };
        let mut used = vec![false; groups.len()];
        let mut fitted: Vec<Option<Fitted>> = alignment
            .placed
            .iter()
            .map(|placed| {
                placed.map(|i| {
                    used[i] = true;
                    let g = &groups[i];
                    fit(&g.items, g.dropped, &g.trailing, &shape)
                })
            })
            .collect();
        let keys: Vec<RowKey> = alignment.rows.iter().map(|r| r.key).collect();
        let relations = relations::requests(&keys);
        let resplit = |row: usize, predicted: &[Vec<i64>]| match alignment.placed.get(row) {
            Some(&Some(i)) => fit::guided(&groups[i].items, groups[i].dropped, &shape, predicted),
            _ => Vec::new(),
        };
        solve_rows(&mut fitted, &relations, blanks_vanish, &resplit);
        // Where blank cells vanish, a row left blank leaves its label only,
        // run into the label of the next row written, or at the table's end
        // into the words after the last value (a few labels; no more is
        // read): named there, it is a row of empty cells, not a row missing.
        let after_last = groups
            .last()
            .and_then(|g| g.items.last())
            .filter(|_| blanks_vanish)
            .map(|t| {
                let tail = &self.doc.text[t.end.min(text.end)..text.end];
                let mut cut = tail.len().min(TAIL_BYTES);
                while !tail.is_char_boundary(cut) {
                    cut -= 1;
                }
                crate::text::canon(&tail[..cut])
            })
            .unwrap_or_default();
        let next_label = |r: usize| {
            alignment.placed[r..]
                .iter()
                .flatten()
                .next()
                .map_or(after_last.as_str(), |&i| groups[i].label.as_str())
        };
        let rows = alignment
            .rows
            .iter()
            .zip(&alignment.placed)
            .zip(fitted)
            .enumerate()
            .map(|(r, ((spec, placed), fitted))| match (placed, fitted) {
                (Some(i), Some(fitted)) => {
                    self.row(TableKind::Requests, spec, fitted, groups[*i].label_range)
                }
                _ if blanks_vanish && labels::names_request_row(next_label(r), spec.key) => {
                    empty_row(spec, false)
                }
                _ => self.missing_row(TableKind::Requests, spec, span),
            })
            .collect();
        self.unplaced_groups(&groups, &used);
        let template = if alignment.is_2021 {
            Template::Y2021
        } else {
            Template::Y2019
        };
        self.flush_notes(TableKind::Requests, span);
        Some(Table {
            kind: TableKind::Requests,
            template: Some(template),
            layout,
            span,
            text,
            rows,
            relations,
        })
    }

    /// Table 二, if its region holds at least one row the template names.
    fn active(&mut self, range: Region) -> Option<Table> {
        let (span, text) = self.extent(&range);
        let (mut votes_2021, mut votes_2019, mut in_yuan) = (0, 0, false);
        // The rows any label names: a row left blank leaves its label only.
        let mut named: Vec<RowKey> = Vec::new();
        let votes = |l: &str| {
            labels::each_active_row(l, |key| {
                if !named.contains(&key) {
                    named.push(key);
                }
            });
            match labels::active_header_is_2021(l) {
                Some(true) => votes_2021 += 1,
                Some(false) => votes_2019 += 1,
                None => {}
            }
            if l.contains('元') && (l.contains("单位") || l.contains("金额")) && !l.contains("万元")
            {
                in_yuan = true;
            }
        };
        let (layout, capped): (_, CappedGroups) =
            stream::groups(self.doc, range.lines(self.lines), votes);
        self.report_capped(capped.rest);
        let groups = capped.groups;
        let keys: Vec<Option<RowKey>> = groups
            .iter()
            .map(|g| labels::active_row(&g.label))
            .collect();
        if keys.iter().all(Option::is_none) {
            return None;
        }
        let only_2019 = keys
            .iter()
            .any(|&k| k == Some(row::OTHER_SERVICES) || k == Some(row::PROCUREMENT));
        let wide_decisions = groups
            .iter()
            .zip(&keys)
            .any(|(g, k)| *k == Some(row::LICENSING) && g.items.len() >= 3);
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
                        let shape = Shape {
                            width: spec.columns.len(),
                            holds: &|v| likely::holds(spec.columns, v),
                            // Table 二's columns are weak evidence: they
                            // split a run of digits only where nothing says
                            // where its cells end (the arithmetic of tables
                            // 三 and 四 splits whatever the marks: a
                            // converter merges cells, `| 98 | 0000098 |`).
                            run_together: layout != Layout::CellPerLine && {
                                let l = self.lines.get(g.line);
                                let text = &self.doc.text;
                                !cells_end_marked(text, &text[l.start..l.end], &g.items)
                            },
                            blanks_vanish: false,
                            group: 0,
                            max_digits: ACTIVE_DIGITS,
                            amount_last: spec.columns.last() == Some(&column::AMOUNT_WAN_YUAN),
                        };
                        let mut fitted = fit(&g.items, g.dropped, &g.trailing, &shape);
                        likely::choose(&mut fitted, spec.columns, in_yuan);
                        let fitted = self.yuan_to_wan(spec, fitted, in_yuan);
                        self.row(TableKind::Active, spec, fitted, g.label_range)
                    }
                    // Its label with no value after it: a row left blank.
                    None if named.contains(&spec.key) => empty_row(spec, false),
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
        self.flush_notes(TableKind::Active, span);
        Some(Table {
            kind: TableKind::Active,
            template: Some(template),
            layout,
            span,
            text,
            rows,
            relations: Vec::new(),
        })
    }

    /// Table 四, if its region holds at least one group's worth of numbers.
    fn appeals(&mut self, range: Region) -> Option<Table> {
        let (span, text) = self.extent(&range);
        let (
            layout,
            Run {
                values,
                dropped,
                trailing,
            },
        ) = stream::groups(self.doc, range.lines(self.lines), |_| {});
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
        let shape = Shape {
            width,
            holds: &groups_of_five_sum,
            run_together: true,
            blanks_vanish: false,
            group: schema::APPEAL_COLUMNS.len(),
            max_digits: APPEALS_DIGITS,
            amount_last: false,
        };
        let mut one = [Some(fit(&values, dropped, &trailing, &shape))];
        // Read as one row of fifteen: group g's column k is column 5g + k.
        let as_one_row: Vec<relations::Relation> = relations::appeals()
            .into_iter()
            .map(|mut rel| {
                for term in &mut rel.terms {
                    *term = (0, term.0 * schema::APPEAL_COLUMNS.len() + term.1, term.2);
                }
                rel
            })
            .collect();
        solve_rows(&mut one, &as_one_row, false, &|_, _| Vec::new());
        let [Some(fitted)] = one else {
            return None;
        };
        let five = schema::APPEAL_COLUMNS.len();
        let mut rows: Vec<Row> = APPEALS
            .iter()
            .enumerate()
            .map(|(g, spec)| {
                let mut one = Fitted::certain(
                    fitted
                        .slots
                        .iter()
                        .skip(g * five)
                        .take(five)
                        .copied()
                        .collect(),
                );
                one.unsure = fitted
                    .unsure
                    .iter()
                    .skip(g * five)
                    .take(five)
                    .copied()
                    .collect();
                self.row(TableKind::Appeals, spec, one, None)
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
                        schema::path(TableKind::Appeals, r.key, c.column)
                    })
                })
                .collect();
            self.diagnostics.push(
                row_shape::table(TableKind::Appeals.name(), read, width)
                    .with_span(span)
                    .with_cells(cells),
            );
        }
        if let Some(settled) = fitted.split {
            let cells: Vec<(String, String)> = APPEALS
                .iter()
                .flat_map(|spec| {
                    spec.columns.iter().map(|&c| {
                        (
                            format!("{}「{}」", spec.label, c.label()),
                            schema::path(TableKind::Appeals, spec.key, c),
                        )
                    })
                })
                .collect();
            self.split_note(TableKind::Appeals.name(), &fitted, settled, &cells);
        }
        self.unplaced_extra(&fitted);
        self.flush_notes(TableKind::Appeals, span);
        Some(Table {
            kind: TableKind::Appeals,
            template: None,
            layout,
            span,
            text,
            rows,
            relations: relations::appeals(),
        })
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
        let path = |column: ColumnKey| schema::path(table, spec.key, column);
        let mut cells = Vec::with_capacity(spec.columns.len());
        for (&column, slot) in spec
            .columns
            .iter()
            .zip(fitted.slots.iter().chain(std::iter::repeat(&None)))
        {
            let span = slot.map(|s| self.doc.span(s.range.0, s.range.1));
            if let Some(s) = slot {
                if s.too_large {
                    let digits = &self.doc.text[s.range.0..s.range.1];
                    self.diagnostics.push(
                        number_too_large::diagnostic(spec.label, column.label(), digits)
                            .with_span(span)
                            .with_cells([path(column)]),
                    );
                }
                if let Some(unit) = s.unit {
                    let digits = &self.doc.text[s.range.0..s.range.1];
                    self.units.push(
                        unit_in_cell::diagnostic(spec.label, column.label(), digits, unit)
                            .with_span(span)
                            .with_cells([path(column)]),
                    );
                }
            }
            cells.push(Cell {
                column,
                value: slot.and_then(|s| s.value),
                span,
                doubtful: fitted.doubtful
                    || fitted.is_unsure(cells.len())
                    || slot.is_some_and(|s| s.too_large),
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
                row_shape::row(table.name(), spec.label, read, spec.columns.len())
                    .with_span(row_span.or_else(|| label.map(|(s, e)| self.doc.span(s, e))))
                    .with_cells(spec.columns.iter().map(|&c| path(c))),
            );
        }
        if let Some(settled) = fitted.split {
            let cells: Vec<(String, String)> = spec
                .columns
                .iter()
                .map(|&c| (format!("「{}」", c.label()), path(c)))
                .collect();
            // A row wrong however read is said so, however its values were placed.
            if fitted.lost && settled != Settled::Broken {
                self.lost_note(table, spec.label, &fitted, &cells);
            } else {
                self.split_note(spec.label, &fitted, settled, &cells);
            }
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
            row_not_found::diagnostic(table.name(), spec.label)
                .with_span(crate::span::Span::new(table_span.start, table_span.start))
                .with_cells(
                    spec.columns
                        .iter()
                        .map(|&c| schema::path(table, spec.key, c)),
                ),
        );
        empty_row(spec, true)
    }

    /// Says how the digits of `what` were split; `cells` names each cell
    /// (its name in the message, its path).
    fn split_note(
        &mut self,
        what: &str,
        fitted: &Fitted,
        settled: Settled,
        cells: &[(String, String)],
    ) {
        let values: Vec<String> = fitted
            .slots
            .iter()
            .flatten()
            .filter_map(|s| s.value)
            .map(|v| v.to_string())
            .collect();
        let (unsure, paths) = unsure_cells(fitted, cells);
        // Where the table is wrong however split, the cells to check are
        // said instead (T006).
        let note = if settled == Settled::Broken {
            let (check, suspects): (Vec<&(String, String)>, Vec<String>) = cells
                .iter()
                .enumerate()
                // A cell left empty is not one to check.
                .filter(|(i, _)| {
                    fitted.to_check.get(*i) == Some(&true)
                        && fitted
                            .slots
                            .get(*i)
                            .is_some_and(|s| s.is_some_and(|s| s.value.is_some()))
                })
                .map(|(_, c)| (c, c.1.clone()))
                .unzip();
            let names = check
                .iter()
                .map(|c| c.0.as_str())
                .collect::<Vec<_>>()
                .join("、");
            digits_split::row(what, &values.join(" "), settled, &names)
                .with_cells(paths)
                .with_suspects(suspects)
        } else {
            digits_split::row(what, &values.join(" "), settled, &unsure).with_cells(paths)
        }
        .with_span(self.slots_span(fitted));
        if matches!(settled, Settled::Row | Settled::Likely) && unsure.is_empty() {
            self.row_splits.push(note);
        } else {
            self.diagnostics.push(note);
        }
    }

    /// Says how the values of row `what`, whose blank cells left no trace,
    /// were placed.
    fn lost_note(
        &mut self,
        table: TableKind,
        what: &str,
        fitted: &Fitted,
        cells: &[(String, String)],
    ) {
        let placed = |unsure: bool| {
            let cells: Vec<String> = fitted
                .slots
                .iter()
                .zip(cells)
                .enumerate()
                .filter(|(i, _)| fitted.is_unsure(*i) == unsure)
                .filter_map(|(_, (s, (name, _)))| Some(format!("{name} {}", s.as_ref()?.value?)))
                .collect();
            cells.join("、")
        };
        let read = fitted.slots.iter().flatten().count();
        let (_, paths) = unsure_cells(fitted, cells);
        self.diagnostics.push(
            row_shape::lost(
                table.name(),
                what,
                read,
                cells.len(),
                &placed(false),
                &placed(true),
            )
            .with_span(self.slots_span(fitted))
            .with_cells(paths),
        );
    }

    /// The span of the values a row was read from.
    fn slots_span(&self, fitted: &Fitted) -> Option<crate::span::Span> {
        fitted
            .slots
            .iter()
            .flatten()
            .map(|s| s.range)
            .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)))
            .map(|(s, e)| self.doc.span(s, e))
    }

    /// The notes of rows their own arithmetic split: each, where there is
    /// one, else one for the table, at the first. And the notes of cells
    /// written with a unit: each, up to [`UNIT_NOTES`], else one for the
    /// table naming every such cell.
    fn flush_notes(&mut self, kind: TableKind, table: crate::span::Span) {
        let notes = std::mem::take(&mut self.row_splits);
        match notes.as_slice() {
            [] => {}
            [_] => self.diagnostics.extend(notes),
            [first, ..] => self.diagnostics.push(
                digits_split::rows(kind.name(), notes.len(), kind == TableKind::Active)
                    .with_span(first.span.or(Some(table))),
            ),
        }
        let mut units = std::mem::take(&mut self.units);
        if units.len() > UNIT_NOTES {
            let mut note = unit_in_cell::cells(kind.name(), units.len());
            note.span = units[0].span;
            for d in &mut units {
                note.cells.append(&mut d.cells);
            }
            self.diagnostics.push(note);
        } else {
            self.diagnostics.extend(units);
        }
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
            self.diagnostics
                .push(unplaced_number::one(digits).with_span(self.doc.span(range.0, range.1)));
        }
    }

    /// Converts an amount written in 元 (by the table's header, or by the
    /// unit after the number) to 万元, exactly, with a note.
    fn yuan_to_wan(&mut self, spec: &RowSpec, mut fitted: Fitted, header_in_yuan: bool) -> Fitted {
        let Some(column) = spec
            .columns
            .iter()
            .position(|&c| c == column::AMOUNT_WAN_YUAN)
        else {
            return fitted;
        };
        let Some(Some(slot)) = fitted.slots.get_mut(column) else {
            return fitted;
        };
        let written = &self.doc.text[slot.range.0..slot.range.1];
        let Some(wan) = slot
            .in_yuan(header_in_yuan)
            .then(|| wan_of_yuan(written))
            .flatten()
        else {
            return fitted;
        };
        slot.value = Some(Value::Amount(wan));
        slot.unit = None;
        self.diagnostics.push(
            amount_unit::diagnostic(spec.label, written, wan)
                .with_span(self.doc.span(slot.range.0, slot.range.1))
                .with_cells([schema::path(
                    TableKind::Active,
                    spec.key,
                    column::AMOUNT_WAN_YUAN,
                )]),
        );
        fitted
    }
}

/// A row of empty cells, read with certainty or, for a row not found,
/// with doubt.
fn empty_row(spec: &RowSpec, doubtful: bool) -> Row {
    Row {
        key: spec.key,
        label: None,
        cells: spec
            .columns
            .iter()
            .map(|&column| Cell {
                column,
                value: None,
                span: None,
                doubtful,
            })
            .collect(),
    }
}

/// The names, run together, and the paths of the cells of `fitted` that
/// are unsure, of `cells` (each cell's name and path).
fn unsure_cells(fitted: &Fitted, cells: &[(String, String)]) -> (String, Vec<String>) {
    let unsure: Vec<&(String, String)> = cells
        .iter()
        .enumerate()
        .filter(|(i, _)| fitted.is_unsure(*i))
        .map(|(_, c)| c)
        .collect();
    (
        unsure
            .iter()
            .map(|c| c.0.as_str())
            .collect::<Vec<_>>()
            .join("、"),
        unsure.iter().map(|c| c.1.clone()).collect(),
    )
}

/// An amount in 元 as written (`251000元`, `6,586,650.10`) in 万元, by moving
/// the decimal point four places rather than dividing, so that no binary
/// rounding creeps in: `6586650.10` is 658.66501.
fn wan_of_yuan(written: &str) -> Option<f64> {
    let digits: String = written
        .trim_end_matches('元')
        .chars()
        .filter(|&c| c != ',')
        .collect();
    let (int, frac) = digits.split_once('.').unwrap_or((&digits, ""));
    if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let padded = format!("{int:0>5}");
    let (wan, rest) = padded.split_at(padded.len() - 4);
    crate::layout::number::decimal(&format!("{wan}.{rest}{frac}"))
}

#[cfg(test)]
mod tests {
    use super::wan_of_yuan;

    #[test]
    fn yuan_become_wan_yuan_exactly() {
        assert_eq!(wan_of_yuan("251000元"), Some(25.1));
        assert_eq!(wan_of_yuan("6586650.10"), Some(658.66501));
        assert_eq!(wan_of_yuan("3,042,532"), Some(304.2532));
        assert_eq!(wan_of_yuan("5"), Some(0.0005));
        assert_eq!(wan_of_yuan("-5"), None);
    }
}
