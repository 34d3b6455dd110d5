//! C002 fee-statement-missing: 「其他需要报告的事项」未说明信息处理费收取情况。
//!
//! ## 检查什么
//!
//! 2021 年及以后年度的报告，第六部分应说明信息处理费的收取情况，未收取的也应说明。
//! 第六部分没有提到「信息处理费」「处理费」或「收费」时报告。
//!
//! ## 依据
//!
//! 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；2021 年版年度报告格式
//! 要求在「其他需要报告的事项」中报告信息处理费的收取情况。
//!
//! ## 错误示例
//!
//! ```text
//! 城管执法局2023年政府信息公开工作年度报告
//! 六、其他需要报告的事项
//! 无
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 株洲市天元区行政审批服务局2022年政府信息公开工作年度报告
//! 六、其他需要报告的事项
//! 2022年未向申请人收取信息处理费。
//! ```

use super::body;
use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::report::SectionKey;
use crate::rules::Context;

/// Reports a 2021-template report whose section 六 is silent on the fee.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let year = cx.report.meta.year.as_ref().map(|y| y.value);
    if year.is_some_and(|y| y < 2021)
        || (year.is_none() && cx.report.template != Some(crate::Template::Y2021))
    {
        return;
    }
    let Some(text) = body(cx, SectionKey::Other) else {
        return;
    };
    let Some(section) = &cx.report.sections[SectionKey::Other.index()] else {
        return;
    };
    if !["处理费", "收费", "收取费用"]
        .iter()
        .any(|w| text.contains(w))
    {
        out.push(
            Diagnostic::new(
                codes::FEE_STATEMENT_MISSING,
                "「其他需要报告的事项」没有说明信息处理费的收取情况",
            )
            .with_span(section.heading_span),
        );
    }
}
