//! N006 narrative-active: 正文所述规章、规范性文件、行政许可、处罚、强制或收费数字与统计表不符。
//!
//! ## 检查什么
//!
//! 正文中「制发（印发、出台）规章……N 件」「废止……规范性文件 N 件」「现行有效规范性
//! 文件 N 件」等，与表二「本年制发件数」「本年废止件数」「现行有效件数」比较（2021
//! 年模板）；办理、作出或审批「行政许可……N 件」「行政处罚……N 件」「行政强制……N
//! 件」，与表二「本年处理决定数量」比较；「行政事业性收费……N 万元」与表二「本年收费
//! 金额」比较。只比较明确说的是办理或决定件数的句子；同一句同时说到规章和规范性
//! 文件的，不比较。
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
use crate::tables::schema::{column, row, ColumnKey, RowKey};

/// Words that make a count of 行政许可, 处罚 or 强制 a count of decisions.
const DECIDED: &[&str] = &["办理", "作出", "办结", "决定", "审批"];

/// One figure of table 二 that prose restates.
struct Item {
    row: RowKey,
    column: ColumnKey,
    /// The words, in the messages.
    name: &'static str,
    unit: &'static str,
    pattern: Pattern<'static>,
    /// Only a clause that says it counts decisions (`办理`, `作出`…).
    decisions: bool,
}

const DOCUMENT_UNITS: &[&str] = &["件", "个", "份", "部", "项"];

/// A count of 规章 (`needs`) or 规范性文件, not both, after `words`.
const fn documents(
    words: &'static [&'static str],
    needs: &'static [&'static str],
    not: &'static [&'static str],
) -> Pattern<'static> {
    Pattern {
        words,
        gap: 14,
        units: DOCUMENT_UNITS,
        gap_needs: needs,
        gap_excludes: not,
        not_after: &[],
    }
}

/// A count of decisions after `word`.
const fn decisions(word: &'static [&'static str]) -> Pattern<'static> {
    Pattern {
        words: word,
        gap: 10,
        units: &["件", "宗", "起"],
        gap_needs: &[],
        gap_excludes: &["受理", "事项数", "项目"],
        not_after: &[],
    }
}

const ISSUED: &[&str] = &["制发", "印发", "出台"];
const REPEALED: &[&str] = &["废止"];
const IN_FORCE: &[&str] = &["现行有效"];
const REGULATIONS: &[&str] = &["规章"];
const DOCUMENTS: &[&str] = &["规范性文件"];

const ITEMS: &[Item] = &[
    Item {
        row: row::REGULATIONS,
        column: column::ISSUED,
        name: "制发规章",
        unit: "件",
        pattern: documents(ISSUED, REGULATIONS, DOCUMENTS),
        decisions: false,
    },
    Item {
        row: row::REGULATIONS,
        column: column::REPEALED,
        name: "废止规章",
        unit: "件",
        pattern: documents(REPEALED, REGULATIONS, DOCUMENTS),
        decisions: false,
    },
    Item {
        row: row::REGULATIONS,
        column: column::IN_FORCE,
        name: "现行有效规章",
        unit: "件",
        pattern: documents(IN_FORCE, REGULATIONS, DOCUMENTS),
        decisions: false,
    },
    Item {
        row: row::NORMATIVE_DOCUMENTS,
        column: column::ISSUED,
        name: "制发规范性文件",
        unit: "件",
        pattern: documents(ISSUED, DOCUMENTS, REGULATIONS),
        decisions: false,
    },
    Item {
        row: row::NORMATIVE_DOCUMENTS,
        column: column::REPEALED,
        name: "废止规范性文件",
        unit: "件",
        pattern: documents(REPEALED, DOCUMENTS, REGULATIONS),
        decisions: false,
    },
    Item {
        row: row::NORMATIVE_DOCUMENTS,
        column: column::IN_FORCE,
        name: "现行有效规范性文件",
        unit: "件",
        pattern: documents(IN_FORCE, DOCUMENTS, REGULATIONS),
        decisions: false,
    },
    Item {
        row: row::LICENSING,
        column: column::DECISIONS,
        name: "行政许可",
        unit: "件",
        pattern: decisions(&["行政许可"]),
        decisions: true,
    },
    Item {
        row: row::PENALTY,
        column: column::DECISIONS,
        name: "行政处罚",
        unit: "件",
        pattern: decisions(&["行政处罚"]),
        decisions: true,
    },
    Item {
        row: row::COERCION,
        column: column::DECISIONS,
        name: "行政强制",
        unit: "件",
        pattern: decisions(&["行政强制"]),
        decisions: true,
    },
    Item {
        row: row::FEES,
        column: column::AMOUNT_WAN_YUAN,
        name: "行政事业性收费",
        unit: "万元",
        pattern: Pattern {
            words: &["行政事业性收费"],
            gap: 10,
            units: &["万元"],
            gap_needs: &[],
            gap_excludes: &["受理", "事项数", "项目"],
            not_after: &[],
        },
        decisions: false,
    },
];

/// Compares the figures of table 二 that the text restates with their cells.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(t) = &cx.report.tables.active else {
        return;
    };
    for item in ITEMS {
        let Some(cell) = t.cell(item.row, item.column).filter(|c| !c.doubtful) else {
            continue;
        };
        let Some(value) = cell.value.map(Value::as_f64) else {
            continue;
        };
        let figures: Vec<Figure> = find(cx, &item.pattern)
            .into_iter()
            .filter(|f| !item.decisions || decided(cx, f))
            .collect();
        let expected = Expected {
            value,
            also: &[],
            cells: &|| vec![t.path(item.row, item.column)],
            span: cell.span,
        };
        let (name, unit) = (item.name, item.unit);
        let label = crate::tables::schema::row_label(t.kind, item.row);
        let column = item.column.label();
        compare(
            cx,
            out,
            codes::NARRATIVE_ACTIVE,
            &figures,
            expected,
            |n, v| format!("正文称{name} {n} {unit}，而表二「{label}·{column}」为 {v}"),
        );
    }
}

/// Whether the clause of a figure says the count is of decisions.
fn decided(cx: &Context, f: &Figure) -> bool {
    let text = &cx.doc.text;
    let (first, last) = (f.words_start.min(f.range.0), f.words_start.max(f.range.0));
    let clause_start = crate::rules::prose::clause_start(text, first, &['。', ',', ';', '\n']);
    let clause = &text[clause_start..last];
    DECIDED.iter().any(|w| clause.contains(w))
}
