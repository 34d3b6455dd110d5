//! The checks run on a report once it is read. Each rule reads the
//! [`Report`] and adds diagnostics; none of them changes what was read.

mod arithmetic;
mod structure;

use crate::report::Report;

/// Runs every rule on `report`.
pub fn check(report: &mut Report) {
    let mut found = Vec::new();
    structure::check(report, &mut found);
    arithmetic::check(report, &mut found);
    report.diagnostics.append(&mut found);
}
