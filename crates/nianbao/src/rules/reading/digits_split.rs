//! R004 digits-split: 相邻单元格的数字连在一起，已按勾稽关系唯一拆分。
//!
//! ## 检查什么
//!
//! 网页抓取的文本中，相邻单元格的数字有时连成一串（如 `98 0000098`）。按表的
//! 勾稽关系（本行合计、各行与总计、表四各组合计）在所有拆法中选出相符的一种，
//! 并说明如何拆分。表二没有勾稽关系，按各栏的含义选择：现行有效件数不少于本年
//! 制发件数和本年废止件数，本年新公开数量等于本年新制作数量，对外公开总数量不少
//! 于本年新公开数量，上一年项目数量加本年增/减不为负数。
//!
//! ## 依据
//!
//! 只有一种拆法相符时按它读取；有几种同样相符时，它们读法一致的单元格照读，
//! 读法不同的单元格标为存疑（表二取数值最小的一种；政府集中采购一行取每个项目
//! 平均金额在 1 万元至 1000 万元之间、项目最少的一种，都不在这个范围时取最接近
//! 的一种），不据存疑的单元格报告勾稽关系错误。没有一种拆法能使勾稽关系全部成立时，
//! 按违反最少的拆法读取；违反的关系又都落在存疑的单元格上时，表中有错是确定的，
//! 由 T006 报告。一行的数字太多、拆法多到无法逐一列出时，只比较与表中其他各行
//! 推算出的数值至多两格不同的拆法；只有一种拆法能使本行合计成立、它却与其他各行
//! 推算出的数值不符时，也同这些拆法比较。选出的拆法违反的勾稽关系超过三处时，
//! 没有列出的拆法可能违反得一样少，不据此拆分：数字太多的一行存疑（R002），
//! 只有一种拆法能使本行合计成立的一行照这种拆法读取。
//!
//! ## 错误示例
//!
//! ```text
//! 三、收到和处理政府信息公开申请情况
//! 一、本年新收政府信息公开申请数量 | 98 | 0000098 |
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 三、收到和处理政府信息公开申请情况
//! 一、本年新收政府信息公开申请数量 | 98 | 0 | 0 | 0 | 0 | 0 | 98 |
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::tables::fit::Settled;

/// The digits of row `what` split as `values`, as `settled` decided;
/// `unsure` names the cells other readings that fit as well fill
/// otherwise (empty when none do).
pub(crate) fn row(what: &str, values: &str, settled: Settled, unsure: &str) -> Diagnostic {
    let message = match (settled, unsure.is_empty()) {
        (Settled::Row, _) => format!("「{what}」的数字连在一起，按勾稽关系只有一种拆法：{values}"),
        (Settled::Table, true) => format!(
            "「{what}」的数字连在一起，本行有多种拆法，与表中其他行的勾稽关系相符的只有一种：{values}"
        ),
        (Settled::Table, false) => format!(
            "「{what}」的数字连在一起，本行有多种拆法与表中的勾稽关系都相符，读作：{values}，其中{unsure}无法确定，标为存疑"
        ),
        (Settled::Fewest, true) => format!(
            "「{what}」的数字连在一起，没有一种拆法能使勾稽关系全部成立，按违反最少的拆法读作：{values}"
        ),
        (Settled::Fewest, false) => format!(
            "「{what}」的数字连在一起，没有一种拆法能使勾稽关系全部成立，按违反最少的拆法读作：{values}，其中{unsure}有多种读法违反得一样少，标为存疑"
        ),
        // An error, not a note: the table is wrong however split.
        (Settled::Broken, _) => return crate::rules::table::digits_break_relations::row(what, values, unsure),
        (Settled::Rounds, true) => format!(
            "「{what}」的数字连在一起，各行拆法的组合太多，逐行选出违反勾稽关系最少的拆法，读作：{values}"
        ),
        (Settled::Rounds, false) => format!(
            "「{what}」的数字连在一起，各行拆法的组合太多，逐行选出违反勾稽关系最少的拆法，读作：{values}，其中{unsure}有多种读法违反得一样少，标为存疑"
        ),
        (Settled::Likely, true) => format!(
            "「{what}」的数字连在一起，合乎各栏含义（如现行有效件数不少于本年制发件数）的拆法只有一种：{values}"
        ),
        (Settled::Likely, false) => format!(
            "「{what}」的数字连在一起，有多种拆法合乎各栏含义，本表又没有勾稽关系可以判断，按数值最小的拆法读作：{values}，其中{unsure}存疑"
        ),
        // Costed only when the readings differ ([`crate::tables::likely`]).
        (Settled::Costed, _) => format!(
            "「{what}」的数字连在一起，有多种拆法，本表又没有勾稽关系可以判断，按每个项目的平均金额最合常理（1万元至1000万元之间，项目最少）的拆法读作：{values}，其中{unsure}存疑"
        ),
    };
    Diagnostic::new(codes::DIGITS_SPLIT, message)
}

/// `rows` rows of `table` that each split themselves, said once.
/// For table 二 (`by_meaning`), by what its columns mean.
pub(crate) fn rows(table: &str, rows: usize, by_meaning: bool) -> Diagnostic {
    let by = if by_meaning {
        "合乎各栏含义"
    } else {
        "能使本行的勾稽关系成立"
    };
    Diagnostic::new(
        codes::DIGITS_SPLIT,
        format!("{table}中有 {rows} 行的数字连在一起，每行都只有一种拆法{by}，已按此拆分"),
    )
}
