//! N001 narrative-received: 正文所述收到申请数与统计表不符。
//!
//! ## 检查什么
//!
//! 正文中「收到／受理／新收政府信息公开申请 N 件」与表三「本年新收政府信息公开申请
//! 数量·总计」比较。正文的数字等于本年新收、或等于本年新收加上年结转时都不报告；
//! 正文有几处这样的数字、其中任一处与表相符时也不报告（其余可能只是部分范围）。
//!
//! ## 依据
//!
//! 年度报告的正文和统计表说的是同一年的同一批申请，数字应当一致。
//!
//! ## 错误示例
//!
//! ```text
//! 一、总体情况
//! 2022年，全区共收到政府信息公开申请97件，均已办结。
//! 三、收到和处理政府信息公开申请情况
//! 一、本年新收政府信息公开申请数量 | 98 | 0 | 0 | 0 | 0 | 0 | 98 | ||
//! 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 一、总体情况
//! 2022年，全区共收到政府信息公开申请98件，均已办结。
//! 三、收到和处理政府信息公开申请情况
//! 一、本年新收政府信息公开申请数量 | 98 | 0 | 0 | 0 | 0 | 0 | 98 | ||
//! 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||
//! ```

use super::{compare, Expected};
use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::rules::prose::{find, Pattern};
use crate::rules::table::total;
use crate::rules::Context;
use crate::tables::schema::{column, row};

const PATTERN: Pattern = Pattern {
    words: &["收到", "受理", "新收", "接收"],
    gap: 24,
    units: &["件", "起", "个", "条", "份", "宗"],
    gap_needs: &["申请"],
    gap_excludes: &["结转", "复议", "诉讼", "答复", "办结", "办理"],
    not_after: &[],
};

/// Compares the applications received in the text with table 三.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(t) = &cx.report.tables.requests else {
        return;
    };
    let Some(new) = total(t, row::NEW_RECEIVED) else {
        return;
    };
    let over = total(t, row::CARRIED_OVER).unwrap_or(0);
    let figures = find(cx, &PATTERN);
    let expected = Expected {
        value: new as f64,
        also: &[(new + over) as f64],
        cells: &|| vec![t.path(row::NEW_RECEIVED, column::TOTAL)],
        span: t
            .cell(row::NEW_RECEIVED, column::TOTAL)
            .and_then(|c| c.span),
    };
    compare(
        cx,
        out,
        codes::NARRATIVE_RECEIVED,
        &figures,
        expected,
        |n, v| {
            format!("正文称收到政府信息公开申请 {n} 件，而表三「本年新收政府信息公开申请数量·总计」为 {v}")
        },
    );
}
