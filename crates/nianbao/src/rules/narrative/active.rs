//! N006 narrative-active: 正文所述行政许可、行政处罚或收费数字与统计表不符。
//!
//! ## 检查什么
//!
//! 正文中办理、作出或审批「行政许可……N 件」「行政处罚……N 件」，与表二「本年处理
//! 决定数量」比较；「行政事业性收费……N 万元」与表二「本年收费金额」比较。只比较
//! 明确说的是办理或决定件数的句子。
//!
//! ## 依据
//!
//! 《中华人民共和国政府信息公开条例》第二十条第（五）、（六）、（八）项的信息在表二
//! 中报告；正文的概述应与表二一致。
//!
//! ## 错误示例
//!
//! ```text
//! 一、总体情况
//! 全年共办理行政许可审批事项98件，其中门店招牌审批42件。
//! 二、主动公开政府信息情况
//! 第二十条第(五)项
//! 信息内容 | 本年处理决定数量
//! 行政许可 | 89
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 一、总体情况
//! 全年共办理行政许可审批事项98件，其中门店招牌审批42件。
//! 二、主动公开政府信息情况
//! 第二十条第(五)项
//! 信息内容 | 本年处理决定数量
//! 行政许可 | 98
//! ```

use super::{compare, Expected};
use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::report::Value;
use crate::rules::prose::{find, Figure, Pattern};
use crate::rules::Context;
use crate::tables::schema::{column, row};

/// Words that make a count of 行政许可 or 行政处罚 a count of decisions.
const DECIDED: &[&str] = &["办理", "作出", "办结", "决定", "审批"];

/// Compares 行政许可, 行政处罚 and 收费 figures of the text with table 二.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(t) = &cx.report.tables.active else {
        return;
    };
    let rows = [
        (row::LICENSING, column::DECISIONS, "行政许可", &["件"][..]),
        (row::PENALTY, column::DECISIONS, "行政处罚", &["件"][..]),
        (
            row::FEES,
            column::AMOUNT_WAN_YUAN,
            "行政事业性收费",
            &["万元"][..],
        ),
    ];
    for (row, column, words, units) in rows {
        let Some(cell) = t.cell(row, column).filter(|c| !c.doubtful) else {
            continue;
        };
        let Some(value) = cell.value.map(Value::as_f64) else {
            continue;
        };
        let pattern = Pattern {
            words: &[words],
            gap: 10,
            units,
            gap_needs: &[],
            gap_excludes: &["受理", "事项数", "项目"],
            not_after: &[],
        };
        let figures: Vec<Figure> = find(cx, &pattern)
            .into_iter()
            .filter(|f| row == row::FEES || decided(cx, f))
            .collect();
        let expected = Expected {
            value,
            also: &[],
            cells: vec![t.path(row, column)],
            span: cell.span,
        };
        compare(
            cx,
            out,
            codes::NARRATIVE_ACTIVE,
            &figures,
            expected,
            |n, v| {
                let unit = if row == row::FEES { "万元" } else { "件" };
                format!("正文称{words} {n} {unit}，而表二「{words}」为 {v}")
            },
        );
    }
}

/// Whether the clause of a figure says the count is of decisions.
fn decided(cx: &Context, f: &Figure) -> bool {
    let text = &cx.doc.text;
    let clause_start =
        crate::rules::prose::clause_start(text, f.words_start, &['。', ',', ';', '\n']);
    let clause = &text[clause_start..f.range.0];
    DECIDED.iter().any(|w| clause.contains(w))
}
