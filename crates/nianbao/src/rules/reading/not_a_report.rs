//! R008 not-a-report: 未识别出年度报告的章节或表格。
//!
//! ## 检查什么
//!
//! 文本中既找不到统计表，也找不到章节标题，又没有提到「政府信息公开」时，它很可能
//! 不是政府信息公开工作年度报告。这时只给出这一条提示，不再逐项报告缺少的章节和表格。
//!
//! ## 依据
//!
//! 粘贴错了内容时，一长串「缺少某某」的警告没有帮助。
//!
//! ## 错误示例
//!
//! ```text
//! 关于做好2024年度政务公开工作的通知
//! 各单位：请按要求做好有关工作。
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 株洲市天元区行政审批服务局2022年政府信息公开工作年度报告
//! 一、总体情况
//! 2022年，我区深入贯彻落实《中华人民共和国政府信息公开条例》。
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;

/// Says so and returns `true` when the text is not a report.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) -> bool {
    let r = cx.report;
    let nothing_found = r.sections.iter().all(Option::is_none) && r.tables.iter().next().is_none();
    let not_a_report = nothing_found && !cx.doc.text.contains("政府信息公开");
    if not_a_report {
        out.push(Diagnostic::new(
            codes::NOT_A_REPORT,
            "未识别出政府信息公开工作年度报告的章节或统计表，这段文字可能不是年度报告",
        ));
    }
    not_a_report
}
