//! S007 table-as-text: 以文字说明代替了统计表。
//!
//! ## 检查什么
//!
//! 第二、三、四部分的标题在，部分中有文字，却没有统计表（如「本年度未收到政府信息
//! 公开申请」一句话代替了表三）。文字可能如实说明了情况，但格式要求填表。
//!
//! ## 依据
//!
//! 年度报告格式（国办公开办函〔2021〕30号）规定了三张表的样式，各项为 0 时也应填 0，
//! 便于汇总和比较。
//!
//! ## 错误示例
//!
//! ```text
//! 三、收到和处理政府信息公开申请情况
//! 2020年未收到政府信息公开申请。
//! 四、政府信息公开行政复议、行政诉讼情况
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 四、政府信息公开行政复议、行政诉讼情况
//! 行政复议 | | | | | 行政诉讼
//! 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉
//! 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;

/// One warning per table whose section says in words what it should show.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for (kind, section) in super::table_missing::missing(cx) {
        if let Some(section) = section {
            out.push(
                Diagnostic::new(
                    codes::TABLE_AS_TEXT,
                    format!(
                        "「{}」部分没有{}，只有文字说明",
                        section.heading,
                        kind.name()
                    ),
                )
                .with_span(section.heading_span),
            );
        }
    }
}
