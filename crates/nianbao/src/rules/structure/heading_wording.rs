//! S006 heading-wording: 章节标题与格式的措辞不同。
//!
//! ## 检查什么
//!
//! 各部分的标题（含编号）与格式的措辞比较，忽略空格和标点。2021 年版与 2019 年版
//! 的写法（如「四、因政府信息公开工作被申请行政复议、提起行政诉讼情况」「五、政府
//! 信息公开工作存在的主要问题及改进情况」）都算符合。不同时给出提示，不算错误。
//!
//! ## 依据
//!
//! 年度报告格式规定了各部分的标题；统一的标题方便检索和比较。
//!
//! ## 错误示例
//!
//! ```text
//! 一、总体情况
//! 六、其他事项
//! 无
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 一、总体情况
//! 六、其他需要报告的事项
//! 本年度未收取信息处理费。
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::report::SectionKey;
use crate::rules::Context;
use crate::text::canon;

/// The 2019 template's wording, where it differs from the 2021 one.
fn heading_2019(key: SectionKey) -> Option<&'static str> {
    match key {
        SectionKey::Appeals => Some("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
        SectionKey::Problems => Some("五、政府信息公开工作存在的主要问题及改进情况"),
        _ => None,
    }
}

/// A note for each heading worded otherwise than in either template.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for s in cx.report.sections.iter().flatten() {
        let written = canon(&s.heading);
        let matches = [Some(s.key.heading()), heading_2019(s.key)]
            .into_iter()
            .flatten()
            .any(|h| canon(h) == written);
        if !matches {
            out.push(
                Diagnostic::new(
                    codes::HEADING_WORDING,
                    format!(
                        "标题「{}」与格式的「{}」措辞不同",
                        s.heading,
                        s.key.heading()
                    ),
                )
                .with_span(s.heading_span),
            );
        }
    }
}
