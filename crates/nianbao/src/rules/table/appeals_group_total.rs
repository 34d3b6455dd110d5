//! T004 appeals-group-total: 表四每组的总计应等于结果维持、结果纠正、其他结果、尚未审结之和。
//!
//! ## 检查什么
//!
//! 「政府信息公开行政复议、行政诉讼情况」表的三组（行政复议、未经复议直接起诉、
//! 复议后起诉）：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。
//!
//! ## 依据
//!
//! 表四的列结构：四种结果互斥，总计为其和。
//!
//! ## 错误示例
//!
//! ```text
//! 四、政府信息公开行政复议、行政诉讼情况
//! 行政复议 | 行政诉讼 | |||||||||||||
//! 结果维持 | 结果 | 其他 | 尚未 | 总计 | 未经复议直接起诉 | 复议后起诉 | ||||||||
//! 结果 | 结果 | 其他 | 尚未 | 总计 | 结果 | 结果 | 其他 | 尚未 | 总计 | |||||
//! | 4 | 8 | 0 | 0 | 11 | 4 | 0 | 0 | 0 | 4 | 0 | 0 | 0 | 0 | 0 |
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 四、政府信息公开行政复议、行政诉讼情况
//! 行政复议 | 行政诉讼 | |||||||||||||
//! 结果维持 | 结果 | 其他 | 尚未 | 总计 | 未经复议直接起诉 | 复议后起诉 | ||||||||
//! 结果 | 结果 | 其他 | 尚未 | 总计 | 结果 | 结果 | 其他 | 尚未 | 总计 | |||||
//! | 4 | 8 | 0 | 0 | 12 | 4 | 0 | 0 | 0 | 4 | 0 | 0 | 0 | 0 | 0 |
//! ```

use super::relation;
use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;
use crate::tables::schema::{row_label, APPEAL_COLUMNS};

/// 总计 = the four results, in each group of table 四.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(t) = &cx.report.tables.appeals else {
        return;
    };
    let parts = &APPEAL_COLUMNS[..APPEAL_COLUMNS.len() - 1];
    for row in &t.rows {
        let cells: Vec<_> = parts.iter().map(|&c| (row.key, c)).collect();
        let label = row_label("appeals", row.key);
        out.extend(relation(
            t,
            codes::APPEALS_GROUP_TOTAL,
            (row.key, "total"),
            &cells,
            |v, s| format!("{label}·总计 为 {v}，结果维持、结果纠正、其他结果、尚未审结之和为 {s}"),
        ));
    }
}
