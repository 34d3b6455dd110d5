//! R008 not-a-report: 未识别出年度报告的章节或表格。
//!
//! ## 检查什么
//!
//! 文本中既找不到统计表，也只找到不到两个章节标题时，它很可能不是政府信息公开
//! 工作年度报告。这时只给出这一条提示，不再逐项报告缺少的章节和表格。
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
//! 一、总体情况
//! 2022年，我区深入贯彻落实《中华人民共和国政府信息公开条例》。
//! 二、主动公开政府信息情况
//! 三、收到和处理政府信息公开申请情况
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;

/// Says so and returns `true` when the text is not a report.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) -> bool {
    let r = cx.report;
    let sections = r.sections.iter().flatten().count();
    let not_a_report = sections < 2 && r.tables.iter().next().is_none();
    if not_a_report {
        out.push(Diagnostic::new(
            codes::NOT_A_REPORT,
            "未识别出政府信息公开工作年度报告的章节或统计表，这段文字可能不是年度报告",
        ));
    }
    not_a_report
}
