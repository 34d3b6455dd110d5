//! T005 shifted-cells: 数字看起来错位了一格。
//!
//! 伴随: T004
//!
//! ## 检查什么
//!
//! 表四的十五个数字不满足勾稽关系，但从某一格起整体前移或后移一格后三组全部满足
//! （且至少有一组原来不满足、移动后各格都是已知的数字）时，很可能是填表时错了一格。与勾稽
//! 关系错误一并报告，并指出从哪一格起错位。表三每行只有一个关系，移位无法验证，
//! 不在此列。
//!
//! ## 依据
//!
//! 错位是常见的填表失误：一个数字被多填或漏填，之后的数字都跟着错了位置。
//! 指出错位，比逐组报告「总计不符」更能帮人找到原因。
//!
//! ## 错误示例
//!
//! ```text
//! 四、政府信息公开行政复议、行政诉讼情况
//! 行政复议 | 行政诉讼 | |||||||||||||
//! 结果维持 | 结果 | 其他 | 尚未 | 总计 | 未经复议直接起诉 | 复议后起诉 | ||||||||
//! 结果 | 结果 | 其他 | 尚未 | 总计 | 结果 | 结果 | 其他 | 尚未 | 总计 | |||||
//! | 4 | 8 | 0 | 0 | 0 | 12 | 4 | 0 | 0 | 0 | 4 | 0 | 0 | 0 | 0 |
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 四、政府信息公开行政复议、行政诉讼情况
//! 行政复议 | 行政诉讼 | |||||||||||||
//! 结果维持 | 结果 | 其他 | 尚未 | 总计 | 未经复议直接起诉 | 复议后起诉 | ||||||||
//! 结果 | 结果 | 其他 | 尚未 | 总计 | 结果 | 结果 | 其他 | 尚未 | 总计 | |||||
//! | 4 | 8 | 0 | 0 | 12 | 4 | 0 | 0 | 0 | 4 | 0 | 0 | 0 | 0 | 0 |
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::report::{Cell, Table};
use crate::rules::Context;
use crate::tables::schema::{row_label, RowKey};

/// A move of one cell that puts the values back: from cell `at` on, the
/// values sit one cell late (`late`, a cell too many) or one cell early.
#[derive(Debug, PartialEq)]
struct Shift {
    at: usize,
    late: bool,
}

/// Looks for a one-cell shift that mends table 四.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    if let Some(t) = &cx.report.tables.appeals {
        let cells: Vec<_> = t
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().map(move |c| (r.key, c)))
            .collect();
        report(t, &cells, 5, out);
    }
}

fn report(t: &Table, cells: &[(RowKey, &Cell)], group: usize, out: &mut Vec<Diagnostic>) {
    if cells.is_empty() || cells.iter().any(|(_, c)| c.doubtful) {
        return;
    }
    let Some(values) = cells
        .iter()
        .map(|(_, c)| c.value.and_then(|v| v.count()))
        .collect::<Option<Vec<i64>>>()
    else {
        return;
    };
    if holds(&values.iter().copied().map(Some).collect::<Vec<_>>(), group) {
        return;
    }
    let Some(shift) = find_shift(&values, group) else {
        return;
    };
    let (row, cell) = cells[shift.at];
    let place = format!("{}·{}", row_label(t.kind, row), cell.column.label());
    let how = if shift.late {
        "多了一个数字，其后的数字都后移了一格"
    } else {
        "少了一个数字，其后的数字都前移了一格"
    };
    // The table's arithmetic errors are what the shift explains: they point
    // to it, and it comes first.
    let prefix = format!("{}.", t.kind.key());
    for d in out.iter_mut() {
        let explained = d.code == codes::APPEALS_GROUP_TOTAL.code
            && d.cells.iter().any(|c| c.starts_with(&prefix));
        if let (true, Some(span)) = (explained, cell.span) {
            d.related.push(crate::diagnostic::Related {
                span,
                message: format!("这一不符可能由数字错位引起：从「{place}」起{how}"),
            });
        }
    }
    let mut found = Diagnostic::new(
        codes::SHIFTED_CELLS,
        format!(
            "{}的数字看起来错位了：从「{place}」起{how}；移回后各项勾稽关系均能成立",
            t.kind.name()
        ),
    )
    .with_span(cell.span)
    .with_cells(cells[shift.at..].iter().map(|(r, c)| t.path(*r, c.column)));
    found.root = true;
    out.push(found);
}

/// Whether each group of `group` values ends with the sum of the others;
/// an unknown value may be anything that makes its group hold.
fn holds(values: &[Option<i64>], group: usize) -> bool {
    values.chunks(group).all(|g| match g.split_last() {
        Some((Some(total), parts)) => {
            let known: i64 = parts.iter().flatten().sum();
            if parts.iter().any(Option::is_none) {
                *total >= known
            } else {
                *total == known
            }
        }
        _ => true,
    })
}

/// The first one-cell shift after which every relation holds and at least
/// one group that failed before is mended with all its values known. The
/// cell pushed off the end by a shift forward must be 0.
fn find_shift(values: &[i64], group: usize) -> Option<Shift> {
    let known: Vec<Option<i64>> = values.iter().copied().map(Some).collect();
    let failing: Vec<bool> = known.chunks(group).map(|g| !holds(g, group)).collect();
    let verified = |shifted: &[Option<i64>]| {
        holds(shifted, group)
            && shifted
                .chunks(group)
                .zip(&failing)
                .any(|(g, &failed)| failed && g.iter().all(Option::is_some))
    };
    (0..values.len()).find_map(|at| {
        let mut late = known.clone();
        late.remove(at);
        late.push(None);
        let mut early = known.clone();
        early.insert(at, None);
        let dropped = early.pop().flatten();
        if verified(&late) {
            Some(Shift { at, late: true })
        } else if dropped == Some(0) && verified(&early) {
            Some(Shift { at, late: false })
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_004_review_row_has_one_value_too_many() {
        let shift = find_shift(&[1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], 5);
        assert_eq!(shift, Some(Shift { at: 1, late: true }));
    }

    #[test]
    fn a_missing_value_is_one_cell_early() {
        // 4 8 0 0 12 | 4 0 0 0 4 | 1 0 0 0 1 with the second group's 4 lost.
        let shift = find_shift(&[4, 8, 0, 0, 12, 0, 0, 0, 4, 1, 0, 0, 0, 1, 0], 5);
        assert_eq!(shift, Some(Shift { at: 5, late: false }));
    }

    #[test]
    fn unrelated_errors_are_not_shifts() {
        assert_eq!(
            find_shift(&[4, 8, 0, 0, 11, 4, 0, 0, 0, 4, 0, 0, 0, 0, 0], 5),
            None
        );
    }
}
