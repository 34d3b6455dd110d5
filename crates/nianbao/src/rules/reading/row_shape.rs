//! R002 row-shape: 表格行的数字个数与单元格数不符，读取结果存疑。
//!
//! ## 检查什么
//!
//! 一行读到的数字比该行的单元格多或少，又无法由勾稽关系唯一确定时，这一行的
//! 读取结果存疑：各单元格标为存疑，也不据此报告勾稽关系错误。网页抓取的文本中
//! 空白单元格常常不留痕迹（如一行只有 `11`）：这时最后一个数字是总计，其余数字
//! 按本行及全表的勾稽关系放入各列，能确定的照读，不能确定的标为存疑。
//!
//! ## 依据
//!
//! 复制粘贴时可能丢失或多出单元格；把读不准的数字当成报告的错误，会冤枉编写
//! 报告的机关。
//!
//! ## 错误示例
//!
//! ```text
//! 三、收到和处理政府信息公开申请情况
//! (七)总计 | 97 | 0 | 0 | 0 | 0 |
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 三、收到和处理政府信息公开申请情况
//! (七)总计 | 98 | 0 | 0 | 0 | 0 | 0 | 98 |
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;

/// A row of `table` (its label `row`) read with `read` numbers for `width` cells.
pub(crate) fn row(table: &str, row: &str, read: usize, width: usize) -> Diagnostic {
    Diagnostic::new(
        codes::ROW_SHAPE,
        format!("{table}「{row}」读到 {read} 个数字，而该行应有 {width} 个单元格，读取结果存疑，不据此核对勾稽关系"),
    )
}

/// A row of `table` (its label `row`) with `read` numbers for `width`
/// cells, its blank cells lost: placed by the arithmetic, `sure` the cells
/// it decides (`「总计」 1`), `guessed` those it does not, where the numbers
/// left were put (empty when it decides all).
pub(crate) fn lost(
    table: &str,
    row: &str,
    read: usize,
    width: usize,
    sure: &str,
    guessed: &str,
) -> Diagnostic {
    let placed = if guessed.is_empty() {
        format!("按勾稽关系读作{sure}")
    } else {
        format!("按勾稽关系可以确定{sure}；其余数字属于哪一列无法确定，暂读作{guessed}，标为存疑，不据此核对勾稽关系")
    };
    Diagnostic::new(
        codes::ROW_SHAPE,
        format!("{table}「{row}」读到 {read} 个数字，而该行应有 {width} 个单元格，空白单元格在文本中没有留下痕迹；{placed}"),
    )
}

/// A table read as one row (table 四) with `read` numbers for `width` cells.
pub(crate) fn table(table: &str, read: usize, width: usize) -> Diagnostic {
    Diagnostic::new(
        codes::ROW_SHAPE,
        format!("{table}读到 {read} 个数字，而该表应有 {width} 个单元格，读取结果存疑，不据此核对勾稽关系"),
    )
}
