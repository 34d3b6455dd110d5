//! N005 narrative-litigation: 正文所述行政诉讼件数与统计表不符。
//!
//! ## 检查什么
//!
//! 正文中「行政诉讼（案件）N 件」与表四两组行政诉讼（未经复议直接起诉、复议后起诉）
//! 总计之和比较。
//!
//! ## 依据
//!
//! 《中华人民共和国政府信息公开条例》第五十条要求报告因政府信息公开工作被提起
//! 行政诉讼的情况；正文和表四应当一致。
//!
//! ## 错误示例
//!
//! ```text
//! 一、总体情况
//! 涉及我区政府信息公开的行政复议案件12件，行政诉讼案件5件。
//! 四、政府信息公开行政复议、行政诉讼情况
//! 行政复议 | 行政诉讼 |
//! 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
//! | 4 | 8 | 0 | 0 | 12 | 4 | 0 | 0 | 0 | 4 | 0 | 0 | 0 | 0 | 0 |
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 一、总体情况
//! 涉及我区政府信息公开的行政复议案件12件，行政诉讼案件4件。
//! 四、政府信息公开行政复议、行政诉讼情况
//! 行政复议 | 行政诉讼 |
//! 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
//! | 4 | 8 | 0 | 0 | 12 | 4 | 0 | 0 | 0 | 4 | 0 | 0 | 0 | 0 | 0 |
//! ```

use super::{compare, Expected};
use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::rules::prose::{find, Pattern};
use crate::rules::table::total;
use crate::rules::Context;
use crate::tables::schema::{column, row};

const PATTERN: Pattern = Pattern {
    words: &["行政诉讼"],
    gap: 8,
    units: &["件", "起", "个", "宗"],
    gap_needs: &[],
    gap_excludes: super::review::RESULTS,
    not_after: &[],
};

/// Compares the 行政诉讼 count of the text with table 四.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(t) = &cx.report.tables.appeals else {
        return;
    };
    let (Some(direct), Some(after)) = (
        total(t, row::LITIGATION_DIRECT),
        total(t, row::LITIGATION_AFTER_REVIEW),
    ) else {
        return;
    };
    let expected = Expected {
        value: (direct + after) as f64,
        also: &[],
        cells: &|| {
            vec![
                t.path(row::LITIGATION_DIRECT, column::TOTAL),
                t.path(row::LITIGATION_AFTER_REVIEW, column::TOTAL),
            ]
        },
        span: t
            .cell(row::LITIGATION_DIRECT, column::TOTAL)
            .and_then(|c| c.span),
    };
    compare(
        cx,
        out,
        codes::NARRATIVE_LITIGATION,
        &find(cx, &PATTERN),
        expected,
        |n, v| format!("正文称行政诉讼 {n} 件，而表四两项行政诉讼总计之和为 {v}"),
    );
}
