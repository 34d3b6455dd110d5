//! Table 二's evidence for splitting digits that ran together: what its
//! columns mean, as bounds a reading keeps, and the likeliest of several
//! readings.
//!
//! Table 二 has no sums, but its columns are not free. A document issued
//! this year is in force at its end, so 现行有效件数 is at least 本年制发件数,
//! and in nearly every report at least 本年废止件数 (an agency repeals a
//! few of its many documents). A 规章 or 规范性文件 takes effect only once
//! published, so in the 2019 template 本年新公开数量 is 本年新制作数量 and
//! 对外公开总数量 at least that. 本年增/减 takes from 上一年项目数量 no more
//! than there were, and in nearly every report adds no more than there
//! were either (from none, any number); it is the one column written with
//! a sign (`97+82179`), and no count but it is negative.
//! Where several readings keep these, the one of the smallest numbers is
//! taken (small counts are the commonest in these tables, and a zero most
//! of all), and its cells that another reading fills otherwise are unsure.

use super::fit::{Fitted, Settled, Slot};
use super::schema::{column, ColumnKey};
use crate::report::Value;

/// A bound on two cells of a row, named by their columns.
enum Bound {
    /// The first is at least the second.
    AtLeast(ColumnKey, ColumnKey),
    /// The two are equal.
    Equal(ColumnKey, ColumnKey),
    /// Items (the first) change (the second) by at most as many as there
    /// were; from none, by any number added.
    Change(ColumnKey, ColumnKey),
}

/// Every bound, on the columns it names; a row without both has none.
const BOUNDS: &[Bound] = &[
    Bound::AtLeast(column::IN_FORCE, column::ISSUED),
    Bound::AtLeast(column::IN_FORCE, column::REPEALED),
    Bound::Equal(column::MADE, column::PUBLISHED),
    Bound::AtLeast(column::TOTAL_PUBLIC, column::PUBLISHED),
    Bound::Change(column::PREVIOUS_ITEMS, column::CHANGE),
];

/// Whether `values`, one for each of `columns`, keep every bound on them.
pub fn holds(columns: &[ColumnKey], values: &[i64]) -> bool {
    let value = |key: ColumnKey| {
        columns
            .iter()
            .position(|&c| c == key)
            .and_then(|i| values.get(i).copied())
    };
    let signed = columns
        .iter()
        .zip(values)
        .all(|(&c, &v)| v >= 0 || c == column::CHANGE);
    signed
        && BOUNDS.iter().all(|bound| {
            let (Bound::AtLeast(x, y) | Bound::Equal(x, y) | Bound::Change(x, y)) = *bound;
            let (Some(x), Some(y)) = (value(x), value(y)) else {
                return true;
            };
            match bound {
                Bound::AtLeast(..) => x >= y,
                Bound::Equal(..) => x == y,
                Bound::Change(..) => y.unsigned_abs() <= x.unsigned_abs() || (x == 0 && y > 0),
            }
        })
}

/// What one 政府集中采购 project costs, in 元, in all but a few reports:
/// from 1万 to 1000万 (a purchase under 1万 is seldom a project; one over
/// 1000万 is a large public tender).
const PROJECT_COST: (f64, f64) = (1e4, 1e7);

/// Takes the likeliest of `fitted`'s readings, if it has several, for the
/// row of `columns`, whose amounts are in 元 unless a unit says otherwise
/// when the table's header says so (`in_yuan`):
/// - a count of items and their amount: the reading whose cost per item is
///   likeliest ([`cost_distance`]), of the fewest items;
/// - any other row: of the readings that put a number written with a sign
///   in 本年增/减 (all, if none does), the one of the least product of
///   each value plus one.
///
/// Of equal readings, the first: the one whose first cell is the shortest.
///
/// A row its bounds split one way only is said to be split so by them.
pub fn choose(fitted: &mut Fitted, columns: &[ColumnKey], in_yuan: bool) {
    if fitted.split == Some(Settled::Row) {
        fitted.split = Some(Settled::Likely);
    }
    let costed = columns == [column::ITEMS, column::AMOUNT_WAN_YUAN];
    let signs_kept = |r: &Vec<Option<Slot>>| {
        r.iter()
            .zip(columns)
            .all(|(s, &c)| !s.is_some_and(|s| s.signed) || c == column::CHANGE)
    };
    if fitted.readings.iter().any(signs_kept) {
        fitted.readings.retain(signs_kept);
    }
    // Each reading's score, the least best, the first of equal ones: the
    // factor its cost per item is off by, then its items; or the product.
    let score = |r: &Vec<Option<Slot>>| {
        let value = |s: &Option<Slot>| s.and_then(|s| s.value).map_or(0.0, Value::as_f64);
        match r.as_slice() {
            [items, amount] if costed => {
                let scale = match amount {
                    Some(s) if !s.in_yuan(in_yuan) => 1e4,
                    _ => 1.0,
                };
                let items = value(items);
                (cost_distance(items, value(amount) * scale), items)
            }
            _ => (r.iter().map(|s| value(s).abs() + 1.0).product(), 0.0),
        }
    };
    let readings = &fitted.readings;
    let scores: Vec<(f64, f64)> = readings.iter().map(score).collect();
    let Some(best) = (0..readings.len()).min_by(|&a, &b| {
        let (a, b) = (scores[a], scores[b]);
        a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1))
    }) else {
        return;
    };
    let value = |r: &Vec<Option<Slot>>, i: usize| r.get(i).copied().flatten().and_then(|s| s.value);
    let unsure: Vec<bool> = (0..readings[best].len())
        .map(|i| {
            readings
                .iter()
                .any(|r| value(r, i) != value(&readings[best], i))
        })
        .collect();
    let settled = if costed && unsure.contains(&true) {
        Settled::Costed
    } else {
        Settled::Likely
    };
    fitted.choose(best, settled, unsure);
}

/// How far `amount` 元 over `items` items is from [`PROJECT_COST`], as the
/// factor it is off by: 1 within it (a factor, not its logarithm, which
/// orders the same and keeps the float library out of the page's module).
/// Taken with the fewest items, this is the likeliest reading when the
/// number of items and the cost of each are spread evenly over their
/// orders of magnitude, as such counts and sums are; no items cost nothing.
fn cost_distance(items: f64, amount: f64) -> f64 {
    if items <= 0.0 {
        return if amount > 0.0 { f64::INFINITY } else { 1.0 };
    }
    let each = amount / items;
    let (low, high) = PROJECT_COST;
    if each < low {
        low / each.max(f64::MIN_POSITIVE)
    } else {
        (each / high).max(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::cells;
    use crate::tables::fit::{fit, Shape};
    use crate::tables::schema::{ACTIVE_2019, ACTIVE_2021};

    /// Row `label` of `specs` fitted from `line`, the likeliest reading
    /// chosen, amounts in 元 by the header if `in_yuan`.
    fn fitted(
        specs: &[crate::tables::schema::RowSpec],
        label: &str,
        line: &str,
        in_yuan: bool,
    ) -> Fitted {
        let spec = specs.iter().find(|s| s.label == label).unwrap();
        let tokens = cells(line, 0);
        let shape = Shape {
            width: spec.columns.len(),
            holds: &|v| holds(spec.columns, v),
            run_together: true,
            blanks_vanish: false,
            group: 0,
            max_digits: 9,
            amount_last: spec.columns.last() == Some(&column::AMOUNT_WAN_YUAN),
        };
        let mut f = fit(&tokens, 0, &[], &shape);
        choose(&mut f, spec.columns, in_yuan);
        f
    }

    /// Row `label` of `specs` read from `line`: its values and unsure cells.
    fn read(
        specs: &[crate::tables::schema::RowSpec],
        label: &str,
        line: &str,
    ) -> (Vec<i64>, Vec<bool>) {
        let f = fitted(specs, label, line, false);
        let values = f
            .slots
            .iter()
            .map(|s| {
                s.and_then(|s| s.value)
                    .and_then(Value::count)
                    .unwrap_or(-999)
            })
            .collect();
        (values, f.unsure)
    }

    /// The 政府集中采购 row read from `line`: its values as written (an
    /// amount in its own unit) and how each was settled.
    fn purchases(line: &str, in_yuan: bool) -> (Vec<f64>, Option<Settled>, Vec<bool>) {
        let f = fitted(ACTIVE_2019, "政府集中采购", line, in_yuan);
        let values = f
            .slots
            .iter()
            .map(|s| s.and_then(|s| s.value).map_or(-999.0, Value::as_f64))
            .collect();
        (values, f.split, f.unsure)
    }

    #[test]
    fn documents_in_force_outnumber_this_years() {
        // 1153: 11/5/3 and 1/15/3 have fewer in force than issued or repealed.
        assert_eq!(
            read(ACTIVE_2021, "行政规范性文件", "1153"),
            (vec![1, 1, 53], vec![])
        );
        // 5426: 54/2/6 and 5/42/6 likewise.
        assert_eq!(
            read(ACTIVE_2021, "行政规范性文件", "5426"),
            (vec![5, 4, 26], vec![])
        );
    }

    #[test]
    fn documents_made_are_published() {
        // 101077: of 1/0/1077, 10/10/77, 101/0/77, 1010/7/7, only one
        // publishes what it made.
        assert_eq!(
            read(ACTIVE_2019, "规范性文件", "101077"),
            (vec![10, 10, 77], vec![])
        );
    }

    #[test]
    fn items_take_the_smallest_numbers_and_say_so() {
        // 3705: 37/0/5, not 3/70/5 (more than doubling its 3 items).
        assert_eq!(
            read(ACTIVE_2019, "行政许可", "3705"),
            (vec![37, 0, 5], vec![])
        );
        // 103040: 103/0/40, 1030/4/0 and 1/0/3040 keep the bounds; the
        // first is of the smallest numbers, and none is sure.
        assert_eq!(
            read(ACTIVE_2019, "行政处罚", "103040"),
            (vec![103, 0, 40], vec![true, true, true])
        );
        // A sign opens the change; 88 − 720 would leave fewer than none.
        assert_eq!(
            read(ACTIVE_2019, "行政许可", "88 -720"),
            (vec![88, -72, 0], vec![false, true, true])
        );
        // The sign opens 本年增/减: 97/+82/179, not 9/7/+82179.
        assert_eq!(
            read(ACTIVE_2019, "行政许可", "97+82179"),
            (vec![97, 82, 179], vec![false, true, true])
        );
        // 156 − 599 likewise: −59/97, not −5/997.
        assert_eq!(
            read(ACTIVE_2019, "行政许可", "156 -5997"),
            (vec![156, -59, 97], vec![false, true, true])
        );
    }

    #[test]
    fn purchases_cost_what_a_project_costs_and_are_as_few_as_may_be() {
        let unsure = vec![true, true];
        // 176586650.10元: 1 item of 7658万 is more than a project costs,
        // 176 of 3,300元 less; 17 of 38.7万 it is (the portal's own cells).
        assert_eq!(
            purchases("176586650.10元", false),
            (vec![17.0, 6586650.1], Some(Settled::Costed), unsure.clone())
        );
        // The header says 元: 2 of 3152万, 26 of 11.7万, 2630 of 16元
        // (263/042532 opens a number with 0).
        assert_eq!(
            purchases("263042532", true),
            (vec![26.0, 3042532.0], Some(Settled::Costed), unsure.clone())
        );
        // 3 of 943万 and 32 of 25.9万 both cost what a project does: the
        // fewer items.
        assert_eq!(
            purchases("328291965元", false),
            (vec![3.0, 28291965.0], Some(Settled::Costed), unsure.clone())
        );
        // In 万元: 10 of 234万, not 102 of 3.3万 (more items) or 1023 of
        // 387元.
        assert_eq!(
            purchases("102339.45万元", false),
            (vec![10.0, 2339.45], Some(Settled::Costed), unsure.clone())
        );
        // None in the range: the nearest, 1 of 5000万 (half a power of ten
        // over), not 1500 that cost nothing.
        assert_eq!(
            purchases("15000", false),
            (vec![1.0, 5000.0], Some(Settled::Costed), unsure)
        );
    }
}
