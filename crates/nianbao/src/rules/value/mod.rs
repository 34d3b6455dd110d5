//! Values (`V` codes): numbers that no table of the template allows.

pub mod amount_unit;
pub mod empty_cells;
pub mod fractional_count;
pub mod negative_count;
pub mod number_too_large;

use crate::report::{Cell, Report, Row, Table};

/// Every cell of every table, with its table and row.
pub(crate) fn cells(report: &Report) -> impl Iterator<Item = (&Table, &Row, &Cell)> {
    report.tables.iter().flat_map(|t| {
        t.rows
            .iter()
            .flat_map(move |r| r.cells.iter().map(move |c| (t, r, c)))
    })
}
