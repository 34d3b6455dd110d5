//! R009 tables-unreadable: 章节标题下没有可读取的统计表。
//!
//! ## 检查什么
//!
//! 第二、三、四部分的标题都在，标题下却没有统计表的文字（标题后紧接着下一个标题，或
//! 只有表头而读不出数字）时，原文中的表格多半是图片或附件。这时只给出这一条提示，
//! 说明哪几张表无法读取，而不报告「缺少统计表」，也不据此核对任何数字。
//!
//! ## 依据
//!
//! 网站发布时把表格做成图片，文字版本中就没有表格；这不是报告缺表，而是无法读取，
//! 应对照原文核对，不能说报告有错。
//!
//! ## 错误示例
//!
//! ```text
//! 二、主动公开政府信息情况
//! 三、收到和处理政府信息公开申请情况
//! 四、因政府信息公开工作被申请行政复议、提起行政诉讼情况
//! 五、存在的主要问题及改进情况
//! 2023年，政务信息公开工作虽然取得了一定成效，但还存在信息更新不够及时等问题。
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
use crate::report::{SectionKey, TableKind};
use crate::rules::Context;
use crate::text::is_han;

/// The words of each table's header, by which a section that holds a table
/// the reader could not read is told from one that holds none.
const HEADER_WORDS: [(TableKind, SectionKey, &[&str]); 3] = [
    (
        TableKind::Active,
        SectionKey::Active,
        &["第二十条", "信息内容"],
    ),
    (
        TableKind::Requests,
        SectionKey::Requests,
        &["申请人情况", "本年新收"],
    ),
    (
        TableKind::Appeals,
        SectionKey::Appeals,
        &["结果维持", "尚未审结"],
    ),
];

/// The tables not read whose sections are there with nothing in them, or
/// with a table's header and nothing readable under it.
pub(crate) fn unreadable(cx: &Context) -> Vec<(TableKind, SectionKey)> {
    let t = &cx.report.tables;
    HEADER_WORDS
        .iter()
        .filter(|(kind, _, _)| match kind {
            TableKind::Active => t.active.is_none(),
            TableKind::Requests => t.requests.is_none(),
            TableKind::Appeals => t.appeals.is_none(),
        })
        .filter_map(|&(kind, key, words)| {
            let section = cx.report.sections[key.index()].as_ref()?;
            let body = &cx.doc.text[section.body..section.text.end];
            let empty = !body.chars().any(is_han);
            (empty || words.iter().any(|w| body.contains(w))).then_some((kind, key))
        })
        .collect()
}

/// One note for all the tables that could not be read.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let found = unreadable(cx);
    let Some(&(_, first)) = found.first() else {
        return;
    };
    let names: Vec<&str> = found.iter().map(|(kind, _)| kind.name()).collect();
    let span = cx.report.sections[first.index()]
        .as_ref()
        .map(|s| s.heading_span);
    out.push(
        Diagnostic::new(
            codes::TABLES_UNREADABLE,
            format!(
                "以下统计表的章节标题下没有可读取的表格文字（原文中的表格可能是图片），无法核对：{}",
                names.join("；")
            ),
        )
        .with_span(span),
    );
}
