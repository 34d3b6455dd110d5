//! X002 in-force-mismatch: 本年现行有效件数与上一年度推算的不符。
//!
//! ## 检查什么
//!
//! 给出上一年度的报告、两年都用 2021 年版表二时，本年规章、行政规范性文件的「现行有效
//! 件数」一般应等于上一年度的现行有效件数，加本年制发件数，减本年废止件数。
//!
//! ## 依据
//!
//! 现行有效的文件逐年累计；差额可能来自修订、失效或统计口径的变化，所以只作警告。
//!
//! ## 错误示例
//!
//! ```text previous
//! 二、主动公开政府信息情况
//! 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
//! 行政规范性文件 | 2 | 0 | 8
//! ```
//!
//! ```text
//! 二、主动公开政府信息情况
//! 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
//! 行政规范性文件 | 3 | 0 | 8
//! ```
//!
//! ## 正确示例
//!
//! ```text previous
//! 二、主动公开政府信息情况
//! 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
//! 行政规范性文件 | 2 | 0 | 5
//! ```
//!
//! ```text
//! 二、主动公开政府信息情况
//! 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
//! 行政规范性文件 | 3 | 0 | 8
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::report::{TableKind, Template};
use crate::rules::table::certain;
use crate::rules::Context;
use crate::tables::schema::{column, row, row_label};

/// Compares 现行有效件数 with last year's plus issued less repealed.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(previous) = &cx.previous else { return };
    let (Some(now), Some(before)) = (&cx.report.tables.active, &previous.report.tables.active)
    else {
        return;
    };
    if now.template != Some(Template::Y2021) || before.template != Some(Template::Y2021) {
        return;
    }
    for row in [row::REGULATIONS, row::NORMATIVE_DOCUMENTS] {
        let get = |t, c| certain(t, row, c);
        let (Some(last), Some(issued), Some(repealed), Some(in_force)) = (
            get(before, column::IN_FORCE),
            get(now, column::ISSUED),
            get(now, column::REPEALED),
            get(now, column::IN_FORCE),
        ) else {
            continue;
        };
        let expected = last + issued - repealed;
        if in_force != expected {
            out.push(
                Diagnostic::new(
                    codes::IN_FORCE_MISMATCH,
                    format!("{}现行有效 {in_force} 件，而上年现行有效 {last} 件加本年制发 {issued} 件、减本年废止 {repealed} 件为 {expected} 件", row_label(TableKind::Active, row)),
                )
                .with_span(now.cell(row, column::IN_FORCE).and_then(|c| c.span))
                .with_cells([now.path(row, column::IN_FORCE), now.path(row, column::ISSUED), now.path(row, column::REPEALED)]),
            );
        }
    }
}
