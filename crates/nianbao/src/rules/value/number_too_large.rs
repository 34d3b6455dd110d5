//! V001 number-too-large: 数字过大，无法作为数量读取。
//!
//! ## 检查什么
//!
//! 单元格中的整数超过 9007199254740991（JavaScript 能精确表示的最大整数）时，不作为
//! 数量读取：该单元格为空且存疑，并报告这个数字。读取时由表格读取器给出。
//!
//! ## 依据
//!
//! 这样大的数多半是几个单元格的数字连在了一起，或多打了数字。
//!
//! ## 错误示例
//!
//! ```text
//! 二、主动公开政府信息情况
//! 信息内容 | 本年处理决定数量
//! 行政许可 | 99999999999999999999
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 二、主动公开政府信息情况
//! 信息内容 | 本年处理决定数量
//! 行政许可 | 447228
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;

/// Cell `row·column` holding `digits`, too many for a count.
pub(crate) fn diagnostic(row: &str, column: &str, digits: &str) -> Diagnostic {
    Diagnostic::new(
        codes::NUMBER_TOO_LARGE,
        format!("{row}·{column} 的数字 {digits} 过大，无法作为数量读取"),
    )
}
