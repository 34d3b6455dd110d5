//! X001 carry-over-mismatch: 本年「上年结转」与上一年度报告的「结转下年度继续办理」不符。
//!
//! ## 检查什么
//!
//! 给出上一年度的报告时，本年表三「二、上年结转政府信息公开申请数量」的每一列应等于
//! 上一年度表三「四、结转下年度继续办理」的同一列。
//!
//! ## 依据
//!
//! 上一年度结转到下一年办理的申请，就是下一年度的上年结转。
//!
//! ## 错误示例
//!
//! ```text previous
//! 三、收到和处理政府信息公开申请情况
//! 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
//! ```
//!
//! ```text
//! 三、收到和处理政府信息公开申请情况
//! 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
//! ```
//!
//! ## 正确示例
//!
//! ```text previous
//! 三、收到和处理政府信息公开申请情况
//! 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
//! ```
//!
//! ```text
//! 三、收到和处理政府信息公开申请情况
//! 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::rules::table::certain;
use crate::rules::Context;
use crate::tables::schema::{row, REQUEST_COLUMNS};

/// Compares each column of 上年结转 with last year's 结转下年度.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(previous) = &cx.previous else { return };
    let (Some(now), Some(before)) = (&cx.report.tables.requests, &previous.report.tables.requests)
    else {
        return;
    };
    for &column in REQUEST_COLUMNS {
        let (Some(over), Some(forward)) = (
            certain(now, row::CARRIED_OVER, column),
            certain(before, row::CARRIED_FORWARD, column),
        ) else {
            continue;
        };
        if over != forward {
            out.push(
                Diagnostic::new(
                    codes::CARRY_OVER_MISMATCH,
                    format!("本年「上年结转·{}」为 {over}，而上一年度报告「结转下年度继续办理·{}」为 {forward}", column.label(), column.label()),
                )
                .with_span(now.cell(row::CARRIED_OVER, column).and_then(|c| c.span))
                .with_cells([now.path(row::CARRIED_OVER, column)]),
            );
        }
    }
}
