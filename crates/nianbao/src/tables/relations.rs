//! The arithmetic of tables 三 and 四 as data: every relation of
//! TEMPLATE.md's "Arithmetic that must hold", each a sum that must come to
//! zero, declared once here and used to read digits that ran together.
//!
//! A relation names its cells by row and column index in the template the
//! table was read with, so the reader can weigh readings before any cell
//! has its final place.

use super::schema::{is_outcome_row, row, RowKey};

/// What a relation says, in TEMPLATE.md's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Table 三, one column: 新收 + 上年结转 = (七)总计 + 结转下年.
    Balance,
    /// Table 三, one row: 总计 = the six applicant columns.
    RowTotal,
    /// Table 三, one column: (七)总计 = the outcome rows.
    OutcomeSum,
    /// Table 四, one group: 总计 = 维持 + 纠正 + 其他 + 尚未审结.
    GroupTotal,
}

/// One relation: the sum of `coefficient × cell` over its terms is zero.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// What it says.
    pub kind: Kind,
    /// The column (balances, outcome sums) or the row (row and group
    /// totals) it is about.
    pub at: usize,
    /// Each cell as (row index, column index) with its coefficient, +1 or
    /// −1; the stated total is the first term with −1.
    pub terms: Vec<(usize, usize, i64)>,
}

impl Relation {
    /// Whether cell `at` (row, column) is one of the relation's.
    pub fn has(&self, at: (usize, usize)) -> bool {
        self.terms.iter().any(|&(r, c, _)| (r, c) == at)
    }

    /// The cell that states the total: the first with coefficient −1.
    pub fn stated(&self) -> (usize, usize) {
        self.terms
            .iter()
            .find(|t| t.2 < 0)
            .map_or((0, 0), |&(r, c, _)| (r, c))
    }
}

impl Relation {
    /// Whether the relation fails on `value`, read as (row, column) → value;
    /// `None` when a cell of it has no value, so nothing can be said.
    pub fn fails(&self, value: impl Fn(usize, usize) -> Option<i64>) -> Option<bool> {
        let mut sum: i64 = 0;
        for &(r, c, k) in &self.terms {
            sum = sum.checked_add(k.checked_mul(value(r, c)?)?)?;
        }
        Some(sum != 0)
    }
}

/// The relations of table 三 with the rows `rows` (keys, in order), seven
/// columns each.
///
/// ```
/// use nianbao::tables::{relations::requests, schema::requests_rows};
/// let rows: Vec<_> = requests_rows(true).iter().map(|r| r.key).collect();
/// // 7 balances, 7 outcome sums, and one row total a row.
/// assert_eq!(requests(&rows).len(), 7 + 7 + rows.len());
/// ```
pub fn requests(rows: &[RowKey]) -> Vec<Relation> {
    let index = |key: RowKey| rows.iter().position(|&r| r == key);
    let width = super::schema::REQUEST_COLUMNS.len();
    let total_column = width - 1;
    let mut out = Vec::new();
    if let (Some(new), Some(carried), Some(total), Some(forward)) = (
        index(row::NEW_RECEIVED),
        index(row::CARRIED_OVER),
        index(row::TOTAL),
        index(row::CARRIED_FORWARD),
    ) {
        for c in 0..width {
            out.push(Relation {
                kind: Kind::Balance,
                at: c,
                terms: vec![
                    (new, c, 1),
                    (carried, c, 1),
                    (total, c, -1),
                    (forward, c, -1),
                ],
            });
        }
    }
    if let Some(total) = index(row::TOTAL) {
        let outcomes: Vec<usize> = (0..rows.len())
            .filter(|&r| is_outcome_row(rows[r]))
            .collect();
        for c in 0..width {
            let mut terms = vec![(total, c, -1)];
            terms.extend(outcomes.iter().map(|&r| (r, c, 1)));
            out.push(Relation {
                kind: Kind::OutcomeSum,
                at: c,
                terms,
            });
        }
    }
    for r in 0..rows.len() {
        let mut terms = vec![(r, total_column, -1)];
        terms.extend((0..total_column).map(|c| (r, c, 1)));
        out.push(Relation {
            kind: Kind::RowTotal,
            at: r,
            terms,
        });
    }
    out
}

/// The relations of table 四: in each of its three rows (groups), the
/// fifth column is the sum of the first four.
pub fn appeals() -> Vec<Relation> {
    (0..3)
        .map(|g| Relation {
            kind: Kind::GroupTotal,
            at: g,
            terms: vec![(g, 4, -1), (g, 0, 1), (g, 1, 1), (g, 2, 1), (g, 3, 1)],
        })
        .collect()
}
