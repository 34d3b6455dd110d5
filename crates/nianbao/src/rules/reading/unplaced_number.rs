//! R003 unplaced-number: 表格区域内有未能归入单元格的数字。
//!
//! ## 检查什么
//!
//! 统计表区域里的每个数字，要么读入某个单元格，要么在这里报告，绝不悄悄丢弃。
//! PDF 转换时，单元格中的多行文字（如「（其中修订 16 件）」）常被挤出表格。
//!
//! ## 依据
//!
//! 读不进单元格的数字可能是被拆散的表格内容，需要人工确认。
//!
//! ## 错误示例
//!
//! ```text
//! 二、主动公开政府信息情况
//! 第二十条第（一）项
//! 22
//! （其中修订 16 件）
//! 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
//! 规章 | 22 | 0 | 235
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 二、主动公开政府信息情况
//! 第二十条第（一）项
//! 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
//! 规章 | 0 | 0 | 0
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;

/// The number `digits` of a table region, in no cell.
pub(crate) fn one(digits: &str) -> Diagnostic {
    Diagnostic::new(
        codes::UNPLACED_NUMBER,
        format!("表格区域内的数字「{digits}」未能归入任何单元格"),
    )
}

/// `more` numbers beyond those said one by one.
pub(crate) fn more(more: usize) -> Diagnostic {
    Diagnostic::new(
        codes::UNPLACED_NUMBER,
        format!("表格区域内另有 {more} 个数字未能归入单元格，未逐一列出"),
    )
}
