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
use super::solve::Choice;

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

/// Takes the likeliest of `fitted`'s readings, if it has several, for the
/// row of `columns`: of those that put a number written with a sign in
/// 本年增/减 (all, if none does), the one of the least product of each
/// value plus one. A row its bounds split one way only is said to be split
/// so by them.
pub fn choose(fitted: &mut Fitted, columns: &[ColumnKey]) {
    if fitted.split == Some(Settled::Row) {
        fitted.split = Some(Settled::Likely);
    }
    let signs_kept = |r: &Vec<Option<Slot>>| {
        r.iter()
            .zip(columns)
            .all(|(s, &c)| !s.is_some_and(|s| s.signed) || c == column::CHANGE)
    };
    if fitted.readings.iter().any(signs_kept) {
        fitted.readings.retain(signs_kept);
    }
    let readings = fitted.reading_values();
    let weight = |r: &Vec<Option<i64>>| {
        r.iter().fold(1u128, |w, v| {
            w.saturating_mul(u128::from(v.map_or(0, i64::unsigned_abs)) + 1)
        })
    };
    let Some(best) = (0..readings.len()).min_by_key(|&k| weight(&readings[k])) else {
        return;
    };
    let mut chosen = Choice::new(best, readings[best].len());
    chosen.dispute_all(&readings);
    fitted.choose(best, Settled::Likely, chosen.unsure);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::cells;
    use crate::tables::fit::{fit, Shape};
    use crate::tables::schema::{ACTIVE_2019, ACTIVE_2021};

    /// Row `label` of `specs` read from `line`: its values and unsure cells.
    fn read(
        specs: &[crate::tables::schema::RowSpec],
        label: &str,
        line: &str,
    ) -> (Vec<i64>, Vec<bool>) {
        let spec = specs.iter().find(|s| s.label == label).unwrap();
        let tokens = cells(line, 0);
        let shape = Shape {
            width: spec.columns.len(),
            holds: &|v| holds(spec.columns, v),
            run_together: true,
            blanks_vanish: false,
            group: 0,
            max_digits: 9,
        };
        let mut f = fit(&tokens, 0, &[], &shape);
        choose(&mut f, spec.columns);
        let values = f
            .slots
            .iter()
            .map(|s| {
                s.and_then(|s| s.value)
                    .and_then(crate::report::Value::count)
                    .unwrap_or(-999)
            })
            .collect();
        (values, f.unsure)
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
}
