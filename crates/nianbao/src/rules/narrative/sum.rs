//! N007 narrative-sum: 正文中的总数与其分项之和不符。
//!
//! ## 检查什么
//!
//! 正文先说总数、再用「其中」列出分项时（「全年共发布信息2504条。其中：概况类信息
//! 22条；政务动态信息1060条；信息公开目录信息1417条。」），分项之和应等于总数。只比较
//! 单位相同、至少列出三项的（或两项之和已超过总数的），括号内的补充说明不计。
//!
//! ## 依据
//!
//! 总数与分项不一致，至少有一个数字是错的。
//!
//! ## 错误示例
//!
//! ```text
//! 一、总体情况
//! 二是加强信息发布审核。全年共发布信息2504条。其中:概况类信息22条;政务动态信息1060条;信息公开目录信息1417条。
//! ```
//!
//! ## 正确示例
//!
//! ```text
//! 一、总体情况
//! 2023年度，我局通过市政府网站发布信息74条，其中机构概况1条，计划总结3条，工作动态37条，政策文件5条，人事信息3条，财务政务5条，信息公开年报1条，信息公开指南2条，市政建设8条，公共服务9条。
//! ```

use crate::codes;
use crate::diagnostic::Diagnostic;
use crate::rules::prose;
use crate::rules::Context;

/// Units a total and its parts may carry.
const UNITS: &[&str] = &["件", "条", "篇", "个", "项", "次", "期", "场"];
/// Words that mark a stated total.
const TOTAL_WORDS: &[&str] = &["共", "累计", "合计", "总计", "全年"];

/// A number with a unit in a piece of prose.
struct Counted {
    value: i64,
    unit: &'static str,
    range: (usize, usize),
}

/// Checks each stated total against the parts listed after 其中.
pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let text = cx.doc.text.as_str();
    for range in prose::prose(cx) {
        for (at, _) in text[range.clone()].match_indices("其中") {
            let at = range.start + at;
            if let Some(d) = total_and_parts(cx, text, at, range.end) {
                out.push(d);
            }
        }
    }
}

fn total_and_parts(cx: &Context, text: &str, at: usize, end: usize) -> Option<Diagnostic> {
    // The total: the last counted number before 其中, in its sentence or the one before.
    let paragraph = prose::paragraph_start(text, at);
    let before = &text[paragraph..at];
    let sentence_start =
        paragraph + prose::after_last(before.trim_end_matches(['。', ' ', '\n']), &['。']);
    let window = &text[sentence_start..at];
    if !TOTAL_WORDS.iter().any(|w| window.contains(w)) {
        return None;
    }
    let total = pieces(window, sentence_start)
        .into_iter()
        .flat_map(|(start, s)| counted(s, start))
        .last()?;
    // The parts: up to the end of the sentence, a piece for each clause.
    let end = end.min(prose::paragraph_end(text, at));
    let list_end = text[at..end].find('。').map_or(end, |i| at + i);
    let mut parts = Vec::new();
    for piece in pieces(&text[at..list_end], at) {
        let (start, s) = piece;
        if TOTAL_WORDS.iter().any(|w| s.contains(w)) && !parts.is_empty() {
            break;
        }
        let found: Vec<Counted> = counted(s, start)
            .into_iter()
            .filter(|c| c.unit == total.unit)
            .collect();
        match found.len() {
            0 => {}
            1 => parts.push(found.into_iter().next()?),
            _ => return None,
        }
    }
    let sum: i64 = parts.iter().map(|p| p.value).sum();
    let enough = parts.len() >= 3 || (parts.len() == 2 && sum > total.value);
    if !enough || sum == total.value {
        return None;
    }
    let listed: Vec<String> = parts.iter().map(|p| p.value.to_string()).collect();
    Some(
        Diagnostic::new(
            codes::NARRATIVE_SUM,
            format!(
                "正文称共 {}{}，其后所列各项 {} 之和为 {sum}{}",
                total.value,
                total.unit,
                listed.join("、"),
                total.unit
            ),
        )
        .with_span(cx.doc.span(total.range.0, total.range.1))
        .with_related(
            parts.first().map(|p| {
                cx.doc
                    .span(p.range.0, parts.last().map_or(p.range.1, |l| l.range.1))
            }),
            "所列各项",
        ),
    )
}

/// The clauses of a list, without what stands in brackets.
fn pieces(list: &str, base: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in list.char_indices() {
        match c {
            '(' => {
                if depth == 0 && i > start {
                    out.push((base + start, &list[start..i]));
                }
                depth += 1;
            }
            ')' => {
                depth = depth.saturating_sub(1);
                start = i + 1;
            }
            ',' | ';' | '、' | ':' if depth == 0 => {
                if i > start {
                    out.push((base + start, &list[start..i]));
                }
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    if depth == 0 && start < list.len() {
        out.push((base + start, &list[start..]));
    }
    out
}

/// The numbers with a unit in `s`, which starts at `base`.
fn counted(s: &str, base: usize) -> Vec<Counted> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit()
            || (i > 0 && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b'.'))
        {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if bytes.get(i) == Some(&b'.') || bytes.get(i) == Some(&b'%') {
            continue;
        }
        let digits = &s[start..i];
        let rest = s[i..].trim_start();
        let unit_at = i + (s[i..].len() - rest.len());
        if let (Some(unit), Ok(value)) = (
            UNITS.iter().find(|u| rest.starts_with(*u)),
            digits.parse::<i64>(),
        ) {
            out.push(Counted {
                value,
                unit,
                range: (base + start, base + unit_at + unit.len()),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_skip_bracketed_remarks() {
        let list = "其中,不予公开 20 件(1.68%),其他处理 319 件(26.78%,含申请人主动撤回 157 件)。";
        let got: Vec<&str> = pieces(list, 0).into_iter().map(|p| p.1).collect();
        assert_eq!(got, ["其中", "不予公开 20 件", "其他处理 319 件", "。"]);
    }

    #[test]
    fn counted_reads_numbers_with_units_only() {
        let c = counted("发布信息2504条,占17.46%,2024年", 0);
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].value, c[0].unit), (2504, "条"));
    }
}
