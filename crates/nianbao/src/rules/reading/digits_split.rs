//! R004 digits-split: 相邻单元格的数字连在一起，已按勾稽关系唯一拆分。
//!
//! ## 检查什么
//!
//! 网页抓取的文本中，相邻单元格的数字有时连成一串（如 `98 0000098`）。只有当
//! 该行（或表四各组）的勾稽关系只容许一种拆法时，才按这种拆法读取，并说明。
//!
//! ## 依据
//!
//! 拆分只在唯一时进行；有两种以上拆法时该行按存疑处理（R002）。
//!
//! ## 错误示例
//!
//! ```text
//! 三、收到和处理政府信息公开申请情况
//! 一、本年新收政府信息公开申请数量 | 98 | 0000098 |
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 三、收到和处理政府信息公开申请情况
//! 一、本年新收政府信息公开申请数量 | 98 | 0 | 0 | 0 | 0 | 0 | 98 |
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::tables::fit::Settled;

/// The digits of row `what` split as `values`, as `settled` decided.
pub(crate) fn row(what: &str, values: &str, settled: Settled) -> Diagnostic {
    Diagnostic::new(
        codes::DIGITS_SPLIT,
        match settled {
            Settled::Row => format!("「{what}」的数字连在一起，按勾稽关系只有一种拆法：{values}"),
            Settled::Table => format!(
                "「{what}」的数字连在一起，本行有多种拆法，与表中其他行的勾稽关系相符的只有一种：{values}"
            ),
            Settled::Fewest => format!(
                "「{what}」的数字连在一起，没有一种拆法能使勾稽关系全部成立，按违反最少的拆法读作：{values}"
            ),
        },
    )
}

/// `rows` rows of `table` that each split themselves, said once.
pub(crate) fn rows(table: &str, rows: usize) -> Diagnostic {
    Diagnostic::new(
        codes::DIGITS_SPLIT,
        format!("{table}中有 {rows} 行的数字连在一起，每行都只有一种拆法能使本行的勾稽关系成立，已按此拆分"),
    )
}
