//! Table arithmetic (`T` codes): the relations of TEMPLATE.md, declared
//! once in [`crate::tables::relations`], checked together, and reported
//! once per inconsistency with the cells to blame: the fewest whose change
//! makes every relation hold ([`crate::tables::locate`]). A relation
//! resting on a doubtful cell is not checked: doubt is not an error of the
//! report. One with empty cells is reported only when no count in them
//! could make it hold, and an empty cell is never blamed.

pub mod appeals_group_total;
pub mod digits_break_relations;
pub mod requests_balance;
pub mod requests_outcome_sum;
pub mod requests_row_total;
pub mod shifted_cells;

use crate::codes::{self, Code};
use crate::diagnostic::Diagnostic;
use crate::report::{Cell, Row, Table};
use crate::rules::Context;
use crate::tables::locate::{locate, At, Fix, Located};
use crate::tables::relations::{Kind, Relation};
use crate::tables::schema::{column, is_outcome_row, row_label, ColumnKey, RowKey};

/// Fixes listed one by one; with more, where they lie is said instead.
const LISTED: usize = 3;

/// A value that may take part in arithmetic: present and read with certainty.
pub(crate) fn certain(t: &Table, row: RowKey, column: ColumnKey) -> Option<i64> {
    let cell = t.cell(row, column)?;
    if cell.doubtful {
        return None;
    }
    cell.value.and_then(|v| v.count())
}

/// A row's 总计 for the narrative rules: the cell, or where it was left
/// blank (some reports fill only the applicants' columns), the sum of the
/// row's other cells, blanks as 0, when they are read with certainty and
/// one at least holds a count.
pub(crate) fn total(t: &Table, row: RowKey) -> Option<i64> {
    let cell = t.cell(row, column::TOTAL)?;
    if cell.doubtful || cell.value.is_some() {
        return certain(t, row, column::TOTAL);
    }
    let parts = t
        .row(row)?
        .cells
        .iter()
        .filter(|c| c.column != column::TOTAL);
    let mut sum = 0i64;
    let mut any = false;
    for c in parts {
        if c.doubtful {
            return None;
        }
        if let Some(v) = c.value {
            sum = sum.checked_add(v.count()?)?;
            any = true;
        }
    }
    any.then_some(sum)
}

/// Cell `at` for the arithmetic: a count, `Some(None)` for an empty cell
/// (a count left blank, at least 0), `None` where it was read with doubt or
/// holds no count.
fn read(t: &Table, at: At) -> Option<Option<i64>> {
    let (_, cell) = row_cell(t, at)?;
    if cell.doubtful {
        return None;
    }
    match cell.value {
        None => Some(None),
        Some(v) => v.count().map(Some),
    }
}

/// The row and the cell `at` of a table as read.
fn row_cell(t: &Table, at: At) -> Option<(&Row, &Cell)> {
    let row = t.rows.get(at.0)?;
    Some((row, row.cells.get(at.1)?))
}

/// The label of the row of cell `at` of a table as read.
pub(crate) fn row_name(t: &Table, at: At) -> &'static str {
    t.rows.get(at.0).map_or("", |r| row_label(t.kind, r.key))
}

/// The label of the column of cell `at` of a table as read.
pub(crate) fn column_name(t: &Table, at: At) -> &'static str {
    t.rows
        .get(at.0)
        .and_then(|r| r.cells.get(at.1))
        .map_or("", |c| c.column.label())
}

/// A relation's stated total (its first value) and the sum of its parts.
pub(crate) fn stated_and_sum(values: &[i64]) -> (i64, i64) {
    match values.split_first() {
        Some((stated, parts)) => (*stated, parts.iter().sum()),
        None => (0, 0),
    }
}

/// The code and the message of a failed relation.
fn described(t: &Table, rel: &Relation, values: &[i64]) -> (Code, String) {
    match rel.kind {
        Kind::Balance => (
            codes::REQUESTS_BALANCE,
            requests_balance::message(t, rel, values),
        ),
        Kind::RowTotal => (
            codes::REQUESTS_ROW_TOTAL,
            requests_row_total::message(t, rel, values),
        ),
        Kind::OutcomeSum => (
            codes::REQUESTS_OUTCOME_SUM,
            requests_outcome_sum::message(t, rel, values),
        ),
        Kind::GroupTotal => (
            codes::APPEALS_GROUP_TOTAL,
            appeals_group_total::message(t, rel, values),
        ),
    }
}

/// One error per inconsistency of tables 三 and 四: the relations that fail
/// together, and the cells to check.
pub fn check_relations(cx: &Context, out: &mut Vec<Diagnostic>) {
    let tables = [&cx.report.tables.requests, &cx.report.tables.appeals];
    for t in tables.into_iter().flatten() {
        let rels = t.relations();
        let value = |at: At| read(t, at);
        if let Some(found) = locate(&value, rels) {
            report(t, rels, &found, &value, out);
        }
    }
}

fn report(
    t: &Table,
    rels: &[Relation],
    found: &Located,
    value: &dyn Fn(At) -> Option<Option<i64>>,
    out: &mut Vec<Diagnostic>,
) {
    // Failed relations are one inconsistency when they share a cell, or
    // when one fix changes a cell of each and those cells stand in one
    // relation together (a row's part and its total); two errors far
    // apart are two.
    let n = found.failed.len();
    let linked = |i: usize, j: usize| {
        let (a, b) = (&rels[found.failed[i]], &rels[found.failed[j]]);
        a.terms.iter().any(|&(r, c, _)| b.has((r, c)))
            || found.fixes.iter().any(|fix| {
                fix.cells.iter().any(|&x| {
                    a.has(x)
                        && fix.cells.iter().any(|&y| {
                            y != x && b.has(y) && rels.iter().any(|rel| rel.has(x) && rel.has(y))
                        })
                })
            })
    };
    let mut group: Vec<usize> = (0..n).collect();
    for i in 0..n {
        for j in i + 1..n {
            if group[i] != group[j] && linked(i, j) {
                let (keep, old) = (group[i], group[j]);
                group
                    .iter_mut()
                    .filter(|g| **g == old)
                    .for_each(|g| *g = keep);
            }
        }
    }
    let path = |at: At| row_cell(t, at).map_or_else(String::new, |(r, c)| t.path(r.key, c.column));
    let mut seen = Vec::new();
    for i in 0..found.failed.len() {
        if seen.contains(&group[i]) {
            continue;
        }
        seen.push(group[i]);
        let members: Vec<&Relation> = (0..found.failed.len())
            .filter(|&j| group[j] == group[i])
            .map(|j| &rels[found.failed[j]])
            .collect();
        let primary = members[0];
        let (code, message) = described(t, primary, &values_of(primary, value));
        // Each fix's cells within this inconsistency: a fix of two errors
        // far apart mends each with one of its cells.
        let mut fixes: Vec<Fix> = Vec::new();
        for f in &found.fixes {
            let mut part = Fix {
                cells: Vec::new(),
                values: f.values.as_ref().map(|_| Vec::new()),
            };
            for (k, &at) in f.cells.iter().enumerate() {
                if members.iter().any(|rel| rel.has(at)) {
                    part.cells.push(at);
                    if let (Some(all), Some(v)) = (&f.values, &mut part.values) {
                        v.push(all[k]);
                    }
                }
            }
            if !part.cells.is_empty() && !fixes.contains(&part) {
                fixes.push(part);
            }
        }
        let count = if found.count == found.fixes.len() {
            fixes.len()
        } else {
            found.count
        };
        let mut cells: Vec<String> = Vec::new();
        for rel in &members {
            for at in std::iter::once(rel.stated()).chain(rel.terms.iter().map(|&(r, c, _)| (r, c)))
            {
                let p = path(at);
                if !cells.contains(&p) {
                    cells.push(p);
                }
            }
        }
        let mut suspects: Vec<String> = Vec::new();
        for fix in &fixes {
            for &at in &fix.cells {
                let p = path(at);
                if !suspects.contains(&p) {
                    suspects.push(p);
                }
            }
        }
        let others: Vec<String> = members[1..]
            .iter()
            .map(|rel| described(t, rel, &values_of(rel, value)).1)
            .collect();
        let mut text = message;
        let blanks = members.iter().any(|rel| {
            rel.terms
                .iter()
                .any(|&(r, c, _)| value((r, c)) == Some(None))
        });
        if blanks {
            text.push_str("（空白单元格按 0 计）");
        }
        for other in &others {
            text.push('；');
            text.push_str(other);
        }
        if let Some(blame) = blame(t, primary, &fixes, count) {
            text.push('；');
            text.push_str(&blame);
        }
        let mut found = Diagnostic::new(code, text);
        found.stated = members.iter().map(|rel| path(rel.stated())).collect();
        let stated = primary.stated();
        let span = row_cell(t, stated).and_then(|(_, c)| c.span);
        out.push(
            found
                .with_span(span)
                .with_cells(cells)
                .with_suspects(suspects),
        );
    }
}

/// The values of a relation's cells, an empty cell as 0.
fn values_of(rel: &Relation, value: &dyn Fn(At) -> Option<Option<i64>>) -> Vec<i64> {
    rel.terms
        .iter()
        .map(|&(r, c, _)| value((r, c)).flatten().unwrap_or(0))
        .collect()
}

/// A cell's name for people: `(七)总计·自然人`.
fn label(t: &Table, at: At) -> String {
    format!("{}·{}", row_name(t, at), column_name(t, at))
}

/// What to check, in words: each fix where they are few, else where they lie.
fn blame(t: &Table, primary: &Relation, fixes: &[Fix], count: usize) -> Option<String> {
    if fixes.is_empty() {
        return None;
    }
    let stated = primary.stated();
    let trusted = fixes.iter().all(|f| !f.cells.contains(&stated));
    let mut out = String::new();
    if trusted {
        out.push_str(&format!("「{}」与表中其他勾稽关系相符，", label(t, stated)));
    }
    if count <= LISTED && fixes.len() == count {
        let each: Vec<String> = fixes
            .iter()
            .map(|f| {
                let cells: Vec<String> = f
                    .cells
                    .iter()
                    .enumerate()
                    .map(|(k, &at)| match &f.values {
                        Some(v) => format!("「{}」（应为 {}）", label(t, at), v[k]),
                        None => format!("「{}」", label(t, at)),
                    })
                    .collect();
                cells.join("和")
            })
            .collect();
        out.push_str(&format!("应核对{}", each.join("，或")));
        return Some(out);
    }
    // Many fixes: where they lie.
    let rows: Vec<RowKey> = fixes
        .iter()
        .flat_map(|f| f.cells.iter().filter_map(|&at| row_cell(t, at)))
        .map(|(r, _)| r.key)
        .collect();
    if t.kind == crate::report::TableKind::Requests && rows.iter().all(|&r| is_outcome_row(r)) {
        out.push_str(&format!(
            "应核对(一)至(六)各项办理结果中的某项（共有 {count} 种改法能使勾稽关系成立）"
        ));
    } else {
        let mut names: Vec<String> = Vec::new();
        for f in fixes {
            for &at in &f.cells {
                let name = label(t, at);
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        let shown: Vec<String> = names.iter().take(4).map(|n| format!("「{n}」")).collect();
        out.push_str(&format!(
            "应核对{}{}中的某项（共有 {count} 种改法能使勾稽关系成立）",
            shown.join("、"),
            if names.len() > 4 { "等" } else { "" }
        ));
    }
    Some(out)
}
