//! Values (`V` codes): numbers that no table of the template allows.

pub mod amount_unit;
pub mod empty_cells;
pub mod fractional_count;
pub mod negative_count;
pub mod number_too_large;

use crate::report::{Cell, Report, Row, Table};

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
