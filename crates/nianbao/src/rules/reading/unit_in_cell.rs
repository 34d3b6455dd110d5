//! R005 unit-in-cell: 单元格内的数字带有单位，已按数字读取。
//!
//! ## 检查什么
//!
//! 单元格写成 `12件`、`3条` 时，读取其中的数字并说明单位已忽略；一张表中
//! 这样的单元格多于三个时，合为一条说明。
//!
//! ## 依据
//!
//! 统计表的单元格只应填数字，单位由表头给出。
//!
//! ## 错误示例
//!
//! ```text
//! 二、主动公开政府信息情况
//! 信息内容 | 本年处理决定数量
//! 行政许可 | 12件
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 二、主动公开政府信息情况
//! 信息内容 | 本年处理决定数量
//! 行政许可 | 12
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;

/// Cell `row·column`, written `written` with the unit `unit`.
pub(crate) fn diagnostic(row: &str, column: &str, written: &str, unit: &str) -> Diagnostic {
    Diagnostic::new(
        codes::UNIT_IN_CELL,
        format!("{row}·{column} 写作「{written}」，已按数字读取，单位「{unit}」已忽略"),
    )
}

/// `cells` cells of `table` written with a unit (the note points at the
/// first): said once for the table.
pub(crate) fn cells(table: &str, cells: usize) -> Diagnostic {
    Diagnostic::new(
        codes::UNIT_IN_CELL,
        format!("{table}中有 {cells} 个单元格的数字带有单位，已按数字读取，单位已忽略"),
    )
}
