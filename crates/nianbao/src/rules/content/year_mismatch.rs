//! C004 year-mismatch: 报告标题的年度与统计期限的年度不一致。
//!
//! ## 检查什么
//!
//! 标题写明的年度（「2023年政府信息公开工作年度报告」）与正文统计期限的年度（「本报告
//! 所列数据统计期限自2023年1月1日起」）都找到且不同时报告。
//!
//! ## 依据
//!
//! 年度报告报告的是上一年度的工作；标题和统计期限应指同一年，常见错误是沿用了去年
//! 的报告。
//!
//! ## 错误示例
//!
//! ```text
//! 洪泽区人民政府2024年政府信息公开工作年度报告
//! 报告中所列数据统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 洪泽区人民政府2023年政府信息公开工作年度报告
//! 报告中所列数据统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;

/// Reports a title year that differs from the 统计期限 year.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let meta = &cx.report.meta;
    let (Some(year), Some(period)) = (&meta.year, &meta.period_year) else {
        return;
    };
    if year.value != period.value && year.span != period.span {
        out.push(
            Diagnostic::new(
                codes::YEAR_MISMATCH,
                format!(
                    "标题为 {} 年度，而统计期限为 {} 年",
                    year.value, period.value
                ),
            )
            .with_span(year.span)
            .with_related(Some(period.span), "统计期限的年份"),
        );
    }
}
