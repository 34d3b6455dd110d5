//! The narrative against the tables (`N` codes): figures stated in the
//! prose that contradict the tables, and stated totals whose parts do not
//! add up. A figure that cannot be tied to a cell with confidence is left
//! alone, and when any figure of a kind agrees with the table, none of that
//! kind is reported: the others may count a narrower scope. A figure whose
//! clause names a narrower subject (`区政府办代表区政府受理…`) and is below
//! the table's is reported with words that say so: it may be right.

pub mod active;
pub mod carried_over;
pub mod litigation;
pub mod outcome;
pub mod received;
pub mod review;
pub mod sum;

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::layout::number::shown;
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
    /// The paths of the cells the value comes from, spelt only for a
    /// finding.
    pub cells: &'a dyn Fn() -> Vec<String>,
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
    say: impl Fn(&str, &str) -> String,
) {
    let agrees = |f: &Figure| {
        (f.value - expected.value).abs() < 0.005
            || expected.also.iter().any(|a| (f.value - a).abs() < 0.005)
    };
    if figures.is_empty() || figures.iter().any(agrees) {
        return;
    }
    let f = &figures[0];
    let mut message = say(&shown(f.value), &shown(expected.value));
    if let Some(subject) = narrower(cx, f).filter(|_| f.value < expected.value) {
        message.push_str(&format!(
            "；正文这一数字说的是「{subject}」，范围可能小于本报告的统计表，若确是如此可不改，否则应与统计表一致"
        ));
    }
    out.push(
        Diagnostic::new(code, message)
            .with_span(prose::span(cx, f))
            .with_cells((expected.cells)())
            .with_related(expected.span, "统计表中的数字"),
    );
}

/// Words that make a figure's subject narrower than the whole agency: one
/// office speaking for it (`区政府办代表区政府受理`), or its own level only.
const NARROWER: &[&str] = &[
    "代表",
    "机关本级",
    "本级",
    "本部门",
    "本单位",
    "政府办",
    "办公室",
];

/// The subject of a figure's clause, when it names a narrower scope than
/// the report's (at most 24 characters, those nearest the figure).
fn narrower<'a>(cx: &'a Context, f: &Figure) -> Option<&'a str> {
    let text = cx.doc.text.as_str();
    let first = f.words_start.min(f.range.0);
    let start = prose::clause_start(text, first, &['。', ',', ';', ':']);
    let clause = text[start..first].trim();
    if !NARROWER.iter().any(|w| clause.contains(w)) {
        return None;
    }
    let from = clause.char_indices().rev().nth(23).map_or(0, |(i, _)| i);
    Some(&clause[from..])
}
