//! N004 narrative-review: 正文所述行政复议件数与统计表不符。
//!
//! ## 检查什么
//!
//! 正文中「行政复议（案件）N 件」与表四「行政复议·总计」比较。
//!
//! ## 依据
//!
//! 《中华人民共和国政府信息公开条例》第五十条要求报告因政府信息公开工作被申请
//! 行政复议的情况；正文和表四应当一致。
//!
//! ## 错误示例
//!
//! ```text
//! 一、总体情况
//! 全年受理人民来信、群众来电来访1768起，今年行政复议1件及行政诉讼1个案件。
//! 四、政府信息公开行政复议、行政诉讼情况
//! 行政复议 | 行政诉讼 |
//! 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
//! 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 一、总体情况
//! 全年受理人民来信、群众来电来访1768起，今年行政复议1件及行政诉讼1个案件。
//! 四、政府信息公开行政复议、行政诉讼情况
//! 行政复议 | 行政诉讼 |
//! 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
//! 1 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |
//! ```

use super::{compare, Expected};
use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::rules::prose::{find, Pattern};
use crate::rules::table::total;
use crate::rules::Context;
use crate::tables::schema::{column, row};

/// Words in the gap that mean a result of the review, not their number.
pub(crate) const RESULTS: &[&str] = &[
    "维持", "纠正", "审结", "结果", "诉讼", "复议", "败诉", "撤回",
];

const PATTERN: Pattern = Pattern {
    words: &["行政复议"],
    gap: 8,
    units: &["件", "起", "个", "宗"],
    gap_needs: &[],
    gap_excludes: RESULTS,
    not_after: &[],
};

/// Compares the 行政复议 count of the text with table 四.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(t) = &cx.report.tables.appeals else {
        return;
    };
    let Some(total) = total(t, row::REVIEW) else {
        return;
    };
    let expected = Expected {
        value: total as f64,
        also: &[],
        cells: &|| vec![t.path(row::REVIEW, column::TOTAL)],
        span: t.cell(row::REVIEW, column::TOTAL).and_then(|c| c.span),
    };
    compare(
        cx,
        out,
        codes::NARRATIVE_REVIEW,
        &find(cx, &PATTERN),
        expected,
        |n, v| format!("正文称行政复议 {n} 件，而表四「行政复议·总计」为 {v}"),
    );
}
