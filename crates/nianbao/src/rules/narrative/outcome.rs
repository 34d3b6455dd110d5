//! N003 narrative-outcome: 正文所述办理结果件数与统计表不符。
//!
//! ## 检查什么
//!
//! 正文中的「予以公开 N 件」「部分公开 N 件」「予以公开及部分公开 N 件」「不予公开 N 件」
//! 「无法提供 N 件」「不予处理 N 件」「其他处理 N 件」，分别与表三相应各行（多项的取
//! 其和）的总计比较。
//!
//! ## 依据
//!
//! 正文概述的办理结果应与表三一致。
//!
//! ## 错误示例
//!
//! ```text
//! 一、总体情况
//! 全区共收到政府信息公开申请98件，其中予以公开85件，本机关不掌握相关政府信息无法提供6件。
//! 三、收到和处理政府信息公开申请情况
//! 三、本年度办理结果 | (一)予以公开 | 85 | 0 | 0 | 0 | 0 | 0 | 85 |
//! (四)无法提供 | 1.本机关不掌握相关政府信息 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |
//! 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
//! 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 一、总体情况
//! 全区共收到政府信息公开申请98件，其中予以公开85件，本机关不掌握相关政府信息无法提供5件。
//! 三、收到和处理政府信息公开申请情况
//! 三、本年度办理结果 | (一)予以公开 | 85 | 0 | 0 | 0 | 0 | 0 | 85 |
//! (四)无法提供 | 1.本机关不掌握相关政府信息 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |
//! 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
//! 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
//! ```

use super::{compare, sum, Expected};
use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::rules::prose::{find, Pattern};
use crate::rules::Context;
use crate::tables::schema::{column, Outcome, RowKey};

/// An outcome as prose names it: its words and the outcomes of table 三 it sums.
struct Named {
    words: &'static [&'static str],
    not_after: &'static [char],
    gap_excludes: &'static [&'static str],
    name: &'static str,
    outcomes: &'static [Outcome],
}

const OUTCOMES: &[Named] = &[
    Named {
        words: &[
            "予以公开及部分公开",
            "予以公开和部分公开",
            "予以公开或部分公开",
        ],
        not_after: &[],
        gap_excludes: &[],
        name: "予以公开及部分公开",
        outcomes: &[Outcome::Granted, Outcome::PartiallyGranted],
    },
    Named {
        words: &["予以公开", "同意公开"],
        not_after: &[],
        gap_excludes: &["部分公开"],
        name: "予以公开",
        outcomes: &[Outcome::Granted],
    },
    Named {
        words: &["部分公开"],
        not_after: &['及', '和', '或'],
        gap_excludes: &[],
        name: "部分公开",
        outcomes: &[Outcome::PartiallyGranted],
    },
    Named {
        words: &["不予公开"],
        not_after: &[],
        gap_excludes: &[],
        name: "不予公开",
        outcomes: &[Outcome::Denied],
    },
    Named {
        words: &["无法提供"],
        not_after: &[],
        gap_excludes: &[],
        name: "无法提供",
        outcomes: &[Outcome::Unable],
    },
    Named {
        words: &["不予处理"],
        not_after: &[],
        gap_excludes: &[],
        name: "不予处理",
        outcomes: &[Outcome::NotProcessed],
    },
    Named {
        words: &["其他处理"],
        not_after: &[],
        gap_excludes: &[],
        name: "其他处理",
        outcomes: &[Outcome::Other],
    },
];

/// Compares each outcome count of the text with the rows of table 三.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(t) = &cx.report.tables.requests else {
        return;
    };
    for o in OUTCOMES {
        let rows: Vec<RowKey> = t
            .rows
            .iter()
            .map(|r| r.key)
            .filter(|k| k.outcome().is_some_and(|x| o.outcomes.contains(&x)))
            .collect();
        let Some(value) = sum(t, &rows, column::TOTAL) else {
            continue;
        };
        let pattern = Pattern {
            words: o.words,
            gap: 8,
            units: &["件", "起", "宗"],
            gap_needs: &[],
            gap_excludes: o.gap_excludes,
            not_after: o.not_after,
        };
        let expected = Expected {
            value: value as f64,
            also: &[],
            cells: &|| rows.iter().map(|r| t.path(*r, column::TOTAL)).collect(),
            span: rows
                .first()
                .and_then(|r| t.cell(*r, column::TOTAL))
                .and_then(|c| c.span),
        };
        compare(
            cx,
            out,
            codes::NARRATIVE_OUTCOME,
            &find(cx, &pattern),
            expected,
            |n, v| format!("正文称{} {n} 件，而表三相应各行总计为 {v}", o.name),
        );
    }
}
