//! R002 row-shape: 表格行的数字个数与单元格数不符，读取结果存疑。
//!
//! ## 检查什么
//!
//! 一行读到的数字比该行的单元格多或少，又无法由勾稽关系唯一确定时，这一行的
//! 读取结果存疑：各单元格标为存疑，也不据此报告勾稽关系错误。
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

/// A table read as one row (table 四) with `read` numbers for `width` cells.
pub(crate) fn table(table: &str, read: usize, width: usize) -> Diagnostic {
    Diagnostic::new(
        codes::ROW_SHAPE,
        format!("{table}读到 {read} 个数字，而该表应有 {width} 个单元格，读取结果存疑，不据此核对勾稽关系"),
    )
}
