//! V005 empty-cells: 统计表中有空白或以「/」填写的单元格。
//!
//! ## 检查什么
//!
//! 统计表的每个单元格都应填数字，没有发生的事项填 0。每张表有空白、「/」、「-」
//! 或「无」的单元格时，报告一次，列出这些单元格。读取存疑或整行缺失的单元格不算
//! 在内（见 R002、R007）。
//!
//! ## 依据
//!
//! 年度报告格式的各表均为必填；空白让读者无法分辨「没有」和「漏填」。
//!
//! ## 错误示例
//!
//! ```text
//! 二、主动公开政府信息情况
//! 信息内容 | 本年处理决定数量
//! 行政许可 | /
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 二、主动公开政府信息情况
//! 信息内容 | 本年处理决定数量
//! 行政许可 | 0
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::rules::Context;

/// One warning per table listing its empty cells.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for t in cx.report.tables.iter() {
        let empty: Vec<_> = t
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().map(move |c| (r, c)))
            .filter(|(_, c)| c.value.is_none() && !c.doubtful && c.span.is_some())
            .collect();
        let Some((_, first)) = empty.first() else {
            continue;
        };
        out.push(
            Diagnostic::new(
                codes::EMPTY_CELLS,
                format!(
                    "{}有 {} 个单元格为空白或「/」，应填数字（没有的填 0）",
                    t.kind.name(),
                    empty.len()
                ),
            )
            .with_span(first.span)
            .with_cells(empty.iter().map(|(r, c)| t.path(r.key, c.column))),
        );
    }
}
