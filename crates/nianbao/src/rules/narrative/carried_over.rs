//! N002 narrative-carried-over: 正文所述结转申请数与统计表不符。
//!
//! ## 检查什么
//!
//! 正文中「上年结转……N 件」与表三「上年结转政府信息公开申请数量·总计」比较；
//! 「结转下年……N 件」「转下一年度办理的有 N 件」「另有 N 件顺延到下年度」与表三
//! 「结转下年度继续办理·总计」比较。
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
use crate::tables::schema::{column, row, RowKey};

const UNITS: &[&str] = &["件", "起", "个", "份", "宗"];

/// The applications carried over from last year.
const OVER: Pattern = Pattern {
    words: &["上一年度结转", "上年度结转", "上年结转"],
    gap: 14,
    units: UNITS,
    gap_needs: &[],
    gap_excludes: &["下年", "下一年"],
    not_after: &[],
};

/// The applications carried forward to next year.
const FORWARD: Pattern = Pattern {
    words: &[
        "结转下一年度",
        "结转至下一年度",
        "结转到下一年度",
        "转下一年度",
        "结转下一年",
        "结转下年度",
        "结转至下年度",
        "结转下年",
        "顺延到下年度",
        "顺延至下年度",
        "转入下一年度",
        "转入下年度",
    ],
    gap: 14,
    units: UNITS,
    gap_needs: &[],
    gap_excludes: &["上年", "上一年"],
    not_after: &[],
};

/// Compares the applications carried over and forward in the text with table 三.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(t) = &cx.report.tables.requests else {
        return;
    };
    let kinds: [(RowKey, &Pattern, &str, &str); 2] = [
        (
            row::CARRIED_OVER,
            &OVER,
            "上年结转",
            "上年结转政府信息公开申请数量",
        ),
        (
            row::CARRIED_FORWARD,
            &FORWARD,
            "结转下年度",
            "结转下年度继续办理",
        ),
    ];
    for (key, pattern, words, name) in kinds {
        let Some(value) = total(t, key) else {
            continue;
        };
        let expected = Expected {
            value: value as f64,
            also: &[],
            cells: &|| vec![t.path(key, column::TOTAL)],
            span: t.cell(key, column::TOTAL).and_then(|c| c.span),
        };
        compare(
            cx,
            out,
            codes::NARRATIVE_CARRIED_OVER,
            &find(cx, pattern),
            expected,
            |n, v| format!("正文称{words}政府信息公开申请 {n} 件，而表三「{name}·总计」为 {v}"),
        );
    }
}
