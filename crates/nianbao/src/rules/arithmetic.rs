//! Table arithmetic: the four families of relations in TEMPLATE.md, each
//! reported once per failing row or column, naming every cell involved with
//! the stated and the computed value. Relations resting on a doubtful or
//! empty cell are not checked: doubt is not an error of the report.

use crate::codes::{self, Code};
use crate::diagnostic::Diagnostic;
use crate::report::{Report, Table};
use crate::tables::schema::{
    column_label, is_outcome_row, row_label, APPEAL_COLUMNS, REQUEST_COLUMNS,
};

/// Checks tables 三 and 四.
pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    if let Some(t) = &report.tables.requests {
        requests(t, out);
    }
    if let Some(t) = &report.tables.appeals {
        appeals(t, out);
    }
}

/// A value that may take part in arithmetic: present and read with certainty.
fn certain(t: &Table, row: &str, column: &str) -> Option<i64> {
    let cell = t.cell(row, column)?;
    if cell.doubtful {
        return None;
    }
    cell.value.and_then(|v| v.count())
}

/// `stated` against the sum of `parts`; an error on the stated cell when they differ.
fn relation(
    t: &Table,
    code: Code,
    stated: (&str, &str),
    parts: &[(&str, &str)],
    message: impl Fn(i64, i64) -> String,
) -> Option<Diagnostic> {
    let value = certain(t, stated.0, stated.1)?;
    let mut sum = 0i64;
    for &(r, c) in parts {
        sum = sum.checked_add(certain(t, r, c)?)?;
    }
    (value != sum).then(|| {
        let span = t.cell(stated.0, stated.1).and_then(|c| c.span);
        Diagnostic::new(code, message(value, sum))
            .with_span(span)
            .with_cells(
                std::iter::once(t.path(stated.0, stated.1))
                    .chain(parts.iter().map(|&(r, c)| t.path(r, c))),
            )
    })
}

fn requests(t: &Table, out: &mut Vec<Diagnostic>) {
    let applicants = &REQUEST_COLUMNS[..REQUEST_COLUMNS.len() - 1];
    for row in &t.rows {
        let parts: Vec<_> = applicants.iter().map(|&c| (row.key, c)).collect();
        let label = row_label("requests", row.key);
        out.extend(relation(
            t,
            codes::REQUESTS_ROW_TOTAL,
            (row.key, "total"),
            &parts,
            |v, s| format!("{label}·总计 为 {v}，各类申请人之和为 {s}"),
        ));
    }
    let outcomes: Vec<&str> = t
        .rows
        .iter()
        .map(|r| r.key)
        .filter(|k| is_outcome_row(k))
        .collect();
    for &column in REQUEST_COLUMNS {
        let name = column_label(column);
        let parts: Vec<_> = outcomes.iter().map(|&r| (r, column)).collect();
        out.extend(relation(
            t,
            codes::REQUESTS_OUTCOME_SUM,
            ("total", column),
            &parts,
            |v, s| format!("(七)总计·{name} 为 {v}，各项办理结果之和为 {s}"),
        ));
        balance(t, column, out);
    }
}

/// 一 + 二 = (七)总计 + 四, in one column.
fn balance(t: &Table, column: &str, out: &mut Vec<Diagnostic>) {
    let get = |row| certain(t, row, column);
    let (Some(new), Some(over), Some(total), Some(forward)) = (
        get("new_received"),
        get("carried_over"),
        get("total"),
        get("carried_forward"),
    ) else {
        return;
    };
    let (left, right) = (new + over, total + forward);
    if left != right {
        let name = column_label(column);
        let span = t.cell("total", column).and_then(|c| c.span);
        out.push(
            Diagnostic::new(
                codes::REQUESTS_BALANCE,
                format!("{name}列：本年新收 {new} 加上年结转 {over} 为 {left}，而办理结果总计 {total} 加结转下年度 {forward} 为 {right}"),
            )
            .with_span(span)
            .with_cells(["new_received", "carried_over", "total", "carried_forward"].map(|r| t.path(r, column))),
        );
    }
}

fn appeals(t: &Table, out: &mut Vec<Diagnostic>) {
    let parts = &APPEAL_COLUMNS[..APPEAL_COLUMNS.len() - 1];
    for row in &t.rows {
        let cells: Vec<_> = parts.iter().map(|&c| (row.key, c)).collect();
        let label = row_label("appeals", row.key);
        out.extend(relation(
            t,
            codes::APPEALS_GROUP_TOTAL,
            (row.key, "total"),
            &cells,
            |v, s| format!("{label}·总计 为 {v}，结果维持、结果纠正、其他结果、尚未审结之和为 {s}"),
        ));
    }
}
