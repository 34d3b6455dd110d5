//! N002 narrative-carried-over: 正文所述上年结转申请数与统计表不符。
//!
//! ## 检查什么
//!
//! 正文中「上年结转……N 件」与表三「上年结转政府信息公开申请数量·总计」比较。
//!
//! ## 依据
//!
//! 正文和统计表说的是同一批结转的申请，数字应当一致。
//!
//! ## 错误示例
//!
//! ```text
//! 一、总体情况
//! 全年收到政府信息公开申请 34 件，上年结转政府信息公开申请 3 件。
//! 三、收到和处理政府信息公开申请情况
//! 一、本年新收政府信息公开申请数量 | 32 | 2 | 0 | 0 | 0 | 0 | 34 |
//! 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 一、总体情况
//! 全年收到政府信息公开申请 34 件，上年结转政府信息公开申请 2 件。
//! 三、收到和处理政府信息公开申请情况
//! 一、本年新收政府信息公开申请数量 | 32 | 2 | 0 | 0 | 0 | 0 | 34 |
//! 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
//! ```

use super::{compare, Expected};
use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::rules::prose::{find, Pattern};
use crate::rules::table::total;
use crate::rules::Context;
use crate::tables::schema::{column, row};

const PATTERN: Pattern = Pattern {
    words: &["上一年度结转", "上年度结转", "上年结转"],
    gap: 14,
    units: &["件", "起", "个"],
    gap_needs: &[],
    gap_excludes: &["下年", "下一年"],
    not_after: &[],
};

/// Compares the applications carried over in the text with table 三.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(t) = &cx.report.tables.requests else {
        return;
    };
    let Some(over) = total(t, row::CARRIED_OVER) else {
        return;
    };
    let expected = Expected {
        value: over as f64,
        also: &[],
        cells: vec![t.path(row::CARRIED_OVER, column::TOTAL)],
        span: t
            .cell(row::CARRIED_OVER, column::TOTAL)
            .and_then(|c| c.span),
    };
    compare(
        cx,
        out,
        codes::NARRATIVE_CARRIED_OVER,
        &find(cx, &PATTERN),
        expected,
        |n, v| {
            format!("正文称上年结转政府信息公开申请 {n} 件，而表三「上年结转政府信息公开申请数量·总计」为 {v}")
        },
    );
}
