//! S005 balance-note-missing: 收到和处理政府信息公开申请情况表缺少勾稽关系说明。
//!
//! ## 检查什么
//!
//! 表三的表头应有说明：「（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加
//! 第四项之和）」。读到了表三、却在表头找不到「勾稽关系」时报告。
//!
//! ## 依据
//!
//! 年度报告格式（国办公开办函〔2021〕30号）表三表头；这句说明提醒填报人核对每一列。
//!
//! ## 错误示例
//!
//! ```text
//! 三、收到和处理政府信息公开申请情况
//! 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 三、收到和处理政府信息公开申请情况
//! (本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况
//! 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;
use crate::text::canon;

/// Reports table 三 without 勾稽关系 in its header.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(t) = &cx.report.tables.requests else {
        return;
    };
    // The header is what comes before the first row, 本年新收 (whose
    // characters are the same in traditional script): where the note is
    // written whole, it is not reduced.
    let text = &cx.doc.text[t.text.clone()];
    let header =
        &text[..memchr::memmem::find(text.as_bytes(), "本年新收".as_bytes()).unwrap_or(text.len())];
    if !header.contains("勾稽关系") && !canon(header).contains("勾稽关系") {
        out.push(
            Diagnostic::new(
                codes::BALANCE_NOTE_MISSING,
                "收到和处理政府信息公开申请情况表的表头缺少勾稽关系说明",
            )
            .with_span(crate::span::Span::new(t.span.start, t.span.start)),
        );
    }
}
