//! Table arithmetic (`T` codes): the relations of TEMPLATE.md, each
//! reported once per failing row or column, naming every cell involved with
//! the stated and the computed value. A relation resting on a doubtful or
//! empty cell is not checked: doubt is not an error of the report.

pub mod appeals_group_total;
pub mod requests_balance;
pub mod requests_outcome_sum;
pub mod requests_row_total;
pub mod shifted_cells;

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::report::Table;

/// A value that may take part in arithmetic: present and read with certainty.
pub(crate) fn certain(t: &Table, row: &str, column: &str) -> Option<i64> {
    let cell = t.cell(row, column)?;
    if cell.doubtful {
        return None;
    }
    cell.value.and_then(|v| v.count())
}

/// `stated` against the sum of `parts`: an error on the stated cell when they differ.
pub(crate) fn relation(
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
