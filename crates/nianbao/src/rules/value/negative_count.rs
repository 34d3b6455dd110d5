//! V002 negative-count: 数量不能为负数。
//!
//! ## 检查什么
//!
//! 统计表中的件数、数量都应是零或正整数。2019 年版表二的「本年增/减」一栏可以为
//! 负数，不在此列。
//!
//! ## 依据
//!
//! 年度报告格式的各表均为计数；负数只能是填写错误。
//!
//! ## 错误示例
//!
//! ```text
//! 二、主动公开政府信息情况
//! 信息内容 | 本年处理决定数量
//! 行政处罚 | -3
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 二、主动公开政府信息情况
//! 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量
//! 行政许可 | 12 | -2 | 340
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::report::Value;
use crate::rules::Context;
use crate::tables::schema::column;

/// Reports every count below zero outside the 2019 `change` column.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for cell in super::cells(cx.report) {
        let Some(value) = cell.2.value else { continue };
        let negative = match value {
            Value::Count(n) => n < 0,
            Value::Amount(x) => x < 0.0,
        };
        if negative && cell.2.column != column::CHANGE {
            let what = "数量不能为负数";
            out.push(super::about_cell(codes::NEGATIVE_COUNT, cell, value, what));
        }
    }
}
