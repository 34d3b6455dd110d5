//! S004 wrong-template: 统计表所用格式与报告年度不符。
//!
//! ## 检查什么
//!
//! 2021 年及以后年度的报告应使用 2021 年版格式（国办公开办函〔2021〕30号），2019、
//! 2020 年度的报告使用 2019 年版格式（国办公开办函〔2019〕60号）。表二或表三用了另
//! 一版格式时报告，并说明据以判断的标志：2019 年版表三的「(六)其他处理」只有一行，
//! 2021 年版分为三行；2019 年版表二的表头是「本年新制作数量」「上一年项目数量」等，
//! 2021 年版是「本年制发件数」「本年处理决定数量」等。
//!
//! ## 依据
//!
//! 国办公开办函〔2021〕30号：自 2021 年度报告起使用新格式。
//!
//! ## 错误示例
//!
//! ```text
//! 大洼区人民政府2021年度政府信息公开工作报告
//! 三、收到和处理政府信息公开申请情况
//! (五)不予处理 | 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
//! (六)其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
//! (七)总计 | 26 | 0 | 0 | 0 | 0 | 0 | 26 |
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 大洼区人民政府2021年度政府信息公开工作报告
//! 三、收到和处理政府信息公开申请情况
//! (五)不予处理 | 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
//! (六)其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
//! 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
//! 3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
//! (七)总计 | 26 | 0 | 0 | 0 | 0 | 0 | 26 |
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::report::{Table, TableKind, Template};
use crate::rules::Context;
use crate::tables::schema::row;

/// Reports each table whose template does not fit the report's year.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(year) = &cx.report.meta.year else {
        return;
    };
    let due = if year.value >= 2021 {
        Template::Y2021
    } else {
        Template::Y2019
    };
    for t in [&cx.report.tables.active, &cx.report.tables.requests]
        .into_iter()
        .flatten()
    {
        match t.template {
            Some(used) if used != due => out.push(
                Diagnostic::new(
                    codes::WRONG_TEMPLATE,
                    format!(
                        "{} 年度的报告应使用 {} 年版格式，但{}用的是 {} 年版格式：{}",
                        year.value,
                        due.as_str(),
                        t.kind.name(),
                        used.as_str(),
                        marker(t, used)
                    ),
                )
                .with_span(marker_span(t).or(Some(t.span)))
                .with_related(Some(year.span), "报告年度"),
            ),
            _ => {}
        }
    }
}

/// What showed the template, in words.
fn marker(t: &Table, used: Template) -> &'static str {
    match (t.kind, used) {
        (TableKind::Requests, Template::Y2019) => "「(六)其他处理」只有一行，未分为三项",
        (TableKind::Requests, _) => "「(六)其他处理」分为三项",
        (_, Template::Y2019) => "表头为「本年新制作数量」「上一年项目数量」等",
        _ => "表头为「本年制发件数」「本年处理决定数量」等",
    }
}

/// The cells of the marking row, when there is one: table 三's (六)其他处理.
fn marker_span(t: &Table) -> Option<crate::span::Span> {
    let row = t
        .row(row::OTHER)
        .or_else(|| t.row(row::OTHER_OVERDUE_CORRECTION))?;
    row.label.or_else(|| row.cells.iter().find_map(|c| c.span))
}
