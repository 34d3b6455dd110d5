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

use crate::report::Table;
use crate::tables::relations::Relation;
use crate::tables::schema::row_label;

/// 总计 = the four results in one group of table 四, with its numbers.
pub(crate) fn message(t: &Table, rel: &Relation, values: &[i64]) -> String {
    let (stated, sum) = super::stated_and_sum(values);
    let label = row_label("appeals", super::row_key(t, rel.stated()));
    format!("{label}·总计 为 {stated}，结果维持、结果纠正、其他结果、尚未审结之和为 {sum}")
}
