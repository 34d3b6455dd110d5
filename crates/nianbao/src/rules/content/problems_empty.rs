//! C001 problems-empty: 「存在的主要问题及改进情况」内容空缺或过于简略。
//!
//! ## 检查什么
//!
//! 第五部分为空、只写「无」，或不足 30 个汉字时报告：这样写说不清存在什么问题、
//! 怎样改进。
//!
//! ## 依据
//!
//! 《中华人民共和国政府信息公开条例》第五十条第（五）项：年度报告应包括「政府信息
//! 公开工作存在的主要问题及改进情况」。
//!
//! ## 错误示例
//!
//! ```text
//! 五、存在的主要问题及改进情况
//! 无。
//! 六、其他需要报告的事项
//! 本年度未收取信息处理费。
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 五、存在的主要问题及改进情况
//! 一是信息公开的及时性、针对性还有待加强；二是信息公开的内容和种类有待进一步丰富和完善。下一步将加大政府信息公开工作力度。
//! 六、其他需要报告的事项
//! 本年度未收取信息处理费。
//! ```

use super::{body, han_count, says_nothing};
use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::report::SectionKey;
use crate::rules::Context;

/// Fewer Han characters than this say nothing about problems and fixes.
const TOO_SHORT: usize = 30;

/// Reports section 五 empty, 无, or too short.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(text) = body(cx, SectionKey::Problems) else {
        return;
    };
    let Some(section) = &cx.report.sections[SectionKey::Problems.index()] else {
        return;
    };
    let count = han_count(&text);
    let message = if says_nothing(&text) {
        "「存在的主要问题及改进情况」没有内容".to_string()
    } else if count < TOO_SHORT {
        format!("「存在的主要问题及改进情况」只有 {count} 个字，说不清问题和改进措施")
    } else {
        return;
    };
    out.push(Diagnostic::new(codes::PROBLEMS_EMPTY, message).with_span(section.heading_span));
}
