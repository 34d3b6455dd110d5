//! S003 section-order: 章节顺序与格式不符。
//!
//! ## 检查什么
//!
//! 找到的各部分应按格式的顺序出现：一、总体情况，二、主动公开，三、依申请公开，
//! 四、行政复议和行政诉讼，五、存在的主要问题及改进情况，六、其他需要报告的事项。
//! 有部分出现在应排在它后面的部分之后时，报告这一部分。
//!
//! ## 依据
//!
//! 年度报告格式规定了六个部分的顺序，读者和上级机关按这一顺序查阅和比较。
//!
//! ## 错误示例
//!
//! ```text
//! 一、总体情况
//! 二、主动公开政府信息情况
//! 六、其他需要报告的事项
//! 本年度未收取信息处理费。
//! 五、存在的主要问题及改进情况
//! 一是信息公开的及时性、针对性还有待加强；二是信息公开的内容和种类有待进一步丰富和完善。下一步将加大政府信息公开工作力度，持续强化政务公开工作制度建设。
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 一、总体情况
//! 二、主动公开政府信息情况
//! 五、存在的主要问题及改进情况
//! 一是信息公开的及时性、针对性还有待加强；二是信息公开的内容和种类有待进一步丰富和完善。下一步将加大政府信息公开工作力度，持续强化政务公开工作制度建设。
//! 六、其他需要报告的事项
//! 本年度未收取信息处理费。
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;

/// Reports each section found after a section that should follow it.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let found: Vec<_> = cx.report.sections.iter().flatten().collect();
    for (i, s) in found.iter().enumerate() {
        if let Some(later) = found[..i]
            .iter()
            .find(|p| p.heading_span.start > s.heading_span.start)
        {
            out.push(
                Diagnostic::new(
                    codes::SECTION_ORDER,
                    format!("「{}」应排在「{}」之前", s.heading, later.heading),
                )
                .with_span(s.heading_span)
                .with_related(Some(later.heading_span), "这一部分应排在其后"),
            );
        }
    }
}
