//! X003 unchanged-report: 本年报告除年份外与上一年度报告相同。
//!
//! ## 检查什么
//!
//! 给出上一年度的报告时，把两份报告中的年份去掉后逐字比较（忽略空白和标点）；
//! 完全相同时报告：这多半是把去年的报告改了年份就发布了。
//!
//! ## 依据
//!
//! 《中华人民共和国政府信息公开条例》第四十九、五十条：年度报告报告的是本行政机关
//! 上一年度的工作情况。
//!
//! ## 错误示例
//!
//! ```text previous
//! 某局2022年政府信息公开工作年度报告
//! 一、总体情况
//! 2022年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，全年未收到政府信息公开申请。
//! ```
//!
//! ```text
//! 某局2023年政府信息公开工作年度报告
//! 一、总体情况
//! 2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，全年未收到政府信息公开申请。
//! ```
//!
//! ## 正确示例
//!
//! ```text previous
//! 某局2022年政府信息公开工作年度报告
//! 一、总体情况
//! 2022年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，全年未收到政府信息公开申请。
//! ```
//!
//! ```text
//! 某局2023年政府信息公开工作年度报告
//! 一、总体情况
//! 2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，全年收到政府信息公开申请2件。
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;

/// Reports a report equal to last year's once years are taken out.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(previous) = &cx.previous else { return };
    let now = without_years(&cx.doc.text);
    if !now.is_empty() && now == without_years(&previous.doc.text) {
        out.push(Diagnostic::new(
            codes::UNCHANGED_REPORT,
            "本年报告去掉年份后与上一年度报告完全相同",
        ));
    }
}

/// The text's letters and digits, with every four-digit year before 年 removed.
fn without_years(text: &str) -> String {
    let compact: Vec<char> = text.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut out = String::with_capacity(compact.len());
    let mut i = 0;
    while i < compact.len() {
        let year = compact.len() >= i + 5
            && compact[i..i + 4].iter().all(|c| c.is_ascii_digit())
            && compact[i + 4] == '年';
        if year {
            i += 4;
        } else {
            out.push(compact[i]);
            i += 1;
        }
    }
    out
}
