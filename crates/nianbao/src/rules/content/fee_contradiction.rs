//! C003 fee-contradiction: 第六部分称无其他事项，但报告中另有收费数字。
//!
//! ## 检查什么
//!
//! 第六部分只写「无」，而报告别处写有收取信息处理费若干元时报告。
//!
//! ## 依据
//!
//! 收取了信息处理费，就应在第六部分如实报告（国办函〔2020〕109号）。
//!
//! ## 错误示例
//!
//! ```text
//! 一、总体情况
//! 全年收取政府信息公开信息处理费 3940 元。
//! 六、其他需要报告的事项
//! 无。
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 一、总体情况
//! 全年收取政府信息公开信息处理费 3940 元。
//! 六、其他需要报告的事项
//! 全年收取政府信息公开信息处理费 3940 元。
//! ```

use super::{body, says_nothing};
use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::report::SectionKey;
use crate::rules::prose::{find, Pattern};
use crate::rules::Context;

const FEE: Pattern = Pattern {
    words: &["信息处理费", "处理费"],
    gap: 6,
    units: &["元", "万元"],
    gap_needs: &[],
    gap_excludes: &[],
    not_after: &[],
};

/// Reports section 六 saying 无 while a fee above zero is written elsewhere.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(text) = body(cx, SectionKey::Other) else {
        return;
    };
    let Some(section) = &cx.report.sections[SectionKey::Other.index()] else {
        return;
    };
    if !says_nothing(&text) {
        return;
    }
    if let Some(fee) = find(cx, &FEE).into_iter().find(|f| f.value > 0.0) {
        out.push(
            Diagnostic::new(
                codes::FEE_CONTRADICTION,
                format!(
                    "第六部分写「无」，但报告中写有收取信息处理费 {}",
                    &cx.doc.text[fee.range.0..fee.range.1]
                ),
            )
            .with_span(section.heading_span)
            .with_related(Some(cx.doc.span(fee.range.0, fee.range.1)), "收费数字"),
        );
    }
}
