//! C005 late-publication: 报告发布日期晚于法定期限。
//!
//! ## 检查什么
//!
//! 报告的年度和发布日期（落款日期或网页的发布日期）都找到时，部门的报告应在次年
//! 1 月 31 日前、人民政府的报告应在次年 3 月 31 日前发布。
//!
//! ## 依据
//!
//! 《中华人民共和国政府信息公开条例》第四十九条：县级以上人民政府部门应当在每年
//! 1 月 31 日前向本级政府信息公开工作主管部门提交本行政机关上一年度政府信息公开
//! 工作年度报告并向社会公布；县级以上地方人民政府的政府信息公开工作主管部门应当在
//! 每年 3 月 31 日前向社会公布本级政府上一年度政府信息公开工作年度报告。
//!
//! ## 错误示例
//!
//! ```text
//! 城管执法局2023年政府信息公开工作年度报告
//! 一、总体情况
//! 沅江市城市管理和综合执法局
//! 2024年3月4日
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 城管执法局2023年政府信息公开工作年度报告
//! 一、总体情况
//! 沅江市城市管理和综合执法局
//! 2024年1月4日
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;

/// Reports a publication date after the deadline for the report's year.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let meta = &cx.report.meta;
    let (Some(year), Some(published)) = (&meta.year, &meta.published) else {
        return;
    };
    let government = meta
        .agency
        .as_ref()
        .is_some_and(|a| a.value.ends_with("人民政府") || a.value.ends_with("政府"));
    let deadline = if government {
        format!("{}-03-31", year.value + 1)
    } else {
        format!("{}-01-31", year.value + 1)
    };
    // Dates are `YYYY-MM-DD`, so they compare as strings.
    if published.value > deadline {
        let who = if government { "人民政府" } else { "部门" };
        out.push(
            Diagnostic::new(
                codes::LATE_PUBLICATION,
                format!(
                    "报告于 {} 发布，晚于{who}公布 {} 年度报告的期限 {deadline}",
                    published.value, year.value
                ),
            )
            .with_span(published.span),
        );
    }
}
