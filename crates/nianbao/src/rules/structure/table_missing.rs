//! S002 table-missing: 缺少报告格式要求的统计表。
//!
//! ## 检查什么
//!
//! 年度报告应有三张统计表：主动公开政府信息情况（表二）、收到和处理政府信息公开
//! 申请情况（表三）、政府信息公开行政复议和行政诉讼情况（表四）。找不到的逐一报告。
//!
//! ## 依据
//!
//! 年度报告格式（国办公开办函〔2021〕30号）规定了三张表的样式，各级行政机关须按表
//! 填报。
//!
//! ## 错误示例
//!
//! ```text
//! 二、主动公开政府信息情况
//! 第二十条第(五)项
//! 信息内容 | 本年处理决定数量
//! 行政许可 | 0
//! 三、收到和处理政府信息公开申请情况
//! 本年我局未收到政府信息公开申请。
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 一、总体情况
//! 二、主动公开政府信息情况
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::report::TableKind;
use crate::rules::Context;

/// One error per table not found.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let t = &cx.report.tables;
    for (kind, found) in [
        (TableKind::Active, t.active.is_some()),
        (TableKind::Requests, t.requests.is_some()),
        (TableKind::Appeals, t.appeals.is_some()),
    ] {
        if !found {
            out.push(Diagnostic::new(
                codes::TABLE_MISSING,
                format!("未找到{}", kind.name()),
            ));
        }
    }
}
