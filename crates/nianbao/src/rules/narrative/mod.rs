//! The narrative against the tables (`N` codes): figures stated in the
//! prose that contradict the tables, and stated totals whose parts do not
//! add up. A figure that cannot be tied to a cell with confidence is left
//! alone, and when any figure of a kind agrees with the table, none of that
//! kind is reported: the others may count a narrower scope.

pub mod active;
pub mod carried_over;
pub mod litigation;
pub mod outcome;
pub mod received;
pub mod review;
pub mod sum;

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::report::Table;
use crate::rules::prose::{self, Figure};
use crate::rules::table::{certain, total};
use crate::rules::Context;
use crate::tables::schema::{self, ColumnKey, RowKey};

/// The sum of certain cells of one column of `t` over `rows`, if all are
/// known; of 总计, each row's [`total`], its columns' sum where it is blank.
pub(crate) fn sum(t: &Table, rows: &[RowKey], column: ColumnKey) -> Option<i64> {
    rows.iter()
        .map(|&r| {
            if column == schema::column::TOTAL {
                total(t, r)
            } else {
                certain(t, r, column)
            }
        })
        .sum()
}

/// What a group of figures is compared with.
pub(crate) struct Expected<'a> {
    /// The value the table gives.
    pub value: f64,
    /// Other readings the text may mean, which are not contradictions.
    pub also: &'a [f64],
    /// The cells the value comes from.
    pub cells: Vec<String>,
    /// Where the value stands in the table.
    pub span: Option<crate::span::Span>,
}

/// Warns on the first figure when none agrees with the table.
pub(crate) fn compare(
    cx: &Context,
    out: &mut Vec<Diagnostic>,
    code: Code,
    figures: &[Figure],
    expected: Expected,
    say: impl Fn(f64, f64) -> String,
) {
    let agrees = |f: &Figure| {
        (f.value - expected.value).abs() < 0.005
            || expected.also.iter().any(|a| (f.value - a).abs() < 0.005)
    };
    if figures.is_empty() || figures.iter().any(agrees) {
        return;
    }
    let f = &figures[0];
    out.push(
        Diagnostic::new(code, say(f.value, expected.value))
            .with_span(prose::span(cx, f))
            .with_cells(expected.cells)
            .with_related(expected.span, "统计表中的数字"),
    );
}
