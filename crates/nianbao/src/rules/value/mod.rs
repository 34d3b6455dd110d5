//! Values (`V` codes): numbers that no table of the template allows.

pub mod amount_unit;
pub mod empty_cells;
pub mod fractional_count;
pub mod negative_count;
pub mod number_too_large;

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::report::{Cell, Report, Row, Table};
use crate::tables::schema::row_label;

/// Every cell of every table read with certainty, with its table and row:
/// a value read with doubt may be the reader's error, not the report's.
pub(crate) fn cells(report: &Report) -> impl Iterator<Item = (&Table, &Row, &Cell)> {
    report.tables.iter().flat_map(|t| {
        t.rows.iter().flat_map(move |r| {
            r.cells
                .iter()
                .filter(|c| !c.doubtful)
                .map(move |c| (t, r, c))
        })
    })
}

/// A finding about one cell's value, at the cell: `表三「row·column」为
/// {value}，{what}`.
pub(crate) fn about_cell(
    code: Code,
    (t, r, c): (&Table, &Row, &Cell),
    value: impl std::fmt::Display,
    what: &str,
) -> Diagnostic {
    let message = format!(
        "{}「{}·{}」为 {value}，{what}",
        t.kind.name(),
        row_label(t.kind, r.key),
        c.column.label()
    );
    Diagnostic::new(code, message)
        .with_span(c.span)
        .with_cells([t.path(r.key, c.column)])
}
