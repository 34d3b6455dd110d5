//! Properties of the reader for any text: it ends, every span it gives lies
//! inside the input on character boundaries, the output's UTF-16 offsets
//! are those spans counted as JavaScript counts, and no error of a table's
//! arithmetic rests on a cell that is empty or read with doubt. Four kinds
//! of text: any string at all, strings made of the words and marks a
//! report is read by, seeds with pieces spliced in, and slices of seeds cut
//! and joined with pieces between them.

mod common;

use nianbao::{Report, Severity};
use proptest::prelude::*;
use serde_json::Value as Json;

/// Words, marks and characters the reader keys on, to build text that
/// reaches deep into it, rather than stopping at "not a report".
const PIECES: &[&str] = &[
    "\n",
    "\r\n",
    "\r",
    "\u{2028}",
    "\u{85}",
    "\t",
    " ",
    " | ",
    "|",
    "|---|",
    "#",
    "<td>",
    "</td>",
    "<tr>",
    "</tr>",
    "<table>",
    "<pre>",
    "<script>",
    "<!--",
    "&nbsp;",
    "&#xD800;",
    "&",
    "<",
    "(",
    ")",
    "(zhí)",
    "１２",
    "總計",
    "—",
    "/",
    "-",
    "无",
    "- 3 -",
    "第2页",
    "0",
    "7",
    "98",
    "3,119",
    "12件",
    "3457.73",
    "99999999999999999999",
    "本年新收",
    "上年结转",
    "予以公开",
    "(七)总计",
    "结转下年度继续办理",
    "行政复议",
    "行政诉讼",
    "维持",
    "第二十条",
    "规范性文件",
    "行政许可",
    "行政事业性收费",
    "单位:元",
    "信息内容",
    "自然人",
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、",
    "五、",
    "六、其他需要报告的事项",
    "2023年",
    "政府信息公开工作年度报告",
    "某市某局",
    "统计期限",
    "本报告由",
    "2024年1月4日",
    "。",
    ",",
    "</tr><tr>",
    "\u{FEFF}",
    "\u{200B}",
    "𠀀",
    "3.14.15",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Text made of the pieces.
fn reportish() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..200).prop_map(|p| p.concat())
}

/// A seed with pieces put in at a few places.
fn spliced() -> impl Strategy<Value = String> {
    let seeds = common::seeds();
    (
        0..seeds.len(),
        proptest::collection::vec((any::<prop::sample::Index>(), piece()), 1..8),
    )
        .prop_map(move |(seed, edits)| {
            let mut text = seeds[seed].clone();
            for (at, piece) in edits {
                let mut i = at.index(text.len() + 1);
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                text.insert_str(i, &piece);
            }
            text
        })
}

/// Slices of a seed, cut anywhere, joined with pieces between them.
fn cut() -> impl Strategy<Value = String> {
    let seeds = common::seeds();
    let slice = (any::<prop::sample::Index>(), 0..3000usize);
    let part = (slice, proptest::collection::vec(piece(), 0..4));
    (0..seeds.len(), proptest::collection::vec(part, 1..7)).prop_map(move |(seed, parts)| {
        let base = &seeds[seed];
        let boundary = |mut i: usize| {
            i = i.min(base.len());
            while !base.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let mut text = String::new();
        for ((at, len), pieces) in parts {
            let start = boundary(at.index(base.len() + 1));
            text.push_str(&base[start..boundary(start + len)]);
            text.extend(pieces);
        }
        text
    })
}

/// The properties, for one text.
fn holds(text: &str) -> Result<(), TestCaseError> {
    let report = nianbao::check(text);
    for span in report.spans() {
        prop_assert!(
            span.start <= span.end && span.end <= text.len(),
            "{span:?} outside {} bytes",
            text.len()
        );
        prop_assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{span:?} splits a character"
        );
    }
    utf16_offsets_are_the_spans(text, &report)?;
    no_error_rests_on_doubt(&report)
}

/// Every diagnostic's and every cell's `start` and `end` in the output are
/// its span's ends in UTF-16 code units.
fn utf16_offsets_are_the_spans(text: &str, report: &Report) -> Result<(), TestCaseError> {
    let output = nianbao::output::Output::new(report, text, None);
    let output = serde_json::to_value(&output).unwrap();
    let utf16 = |byte: usize| Json::from(text[..byte].encode_utf16().count());
    for (d, out) in report
        .diagnostics
        .iter()
        .zip(output["diagnostics"].as_array().unwrap())
    {
        if let Some(span) = d.span {
            prop_assert_eq!(&out["start"], &utf16(span.start), "{}", d.code);
            prop_assert_eq!(&out["end"], &utf16(span.end), "{}", d.code);
        }
    }
    for table in report.tables.iter() {
        for row in &table.rows {
            for cell in &row.cells {
                let out = &output["cells"][table.path(row.key, cell.column)];
                if let Some(span) = cell.span {
                    prop_assert_eq!(&out["start"], &utf16(span.start));
                    prop_assert_eq!(&out["end"], &utf16(span.end));
                }
            }
        }
    }
    Ok(())
}

/// No error of a table's arithmetic (T) names a cell read with doubt or
/// left empty.
fn no_error_rests_on_doubt(report: &Report) -> Result<(), TestCaseError> {
    let arithmetic = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && d.code.starts_with('T'));
    for d in arithmetic {
        for table in report.tables.iter() {
            for row in &table.rows {
                for cell in &row.cells {
                    let named = d.cells.contains(&table.path(row.key, cell.column));
                    prop_assert!(
                        !named || (!cell.doubtful && cell.value.is_some()),
                        "{} rests on {}.{}: {:?}",
                        d.code,
                        row.key,
                        cell.column,
                        cell
                    );
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string(text in any::<String>()) {
        holds(&text)?;
    }

    #[test]
    fn text_made_of_report_words(text in reportish()) {
        holds(&text)?;
    }

    #[test]
    fn seeds_with_pieces_spliced_in(text in spliced()) {
        holds(&text)?;
    }

    #[test]
    fn slices_of_seeds_joined_with_pieces(text in cut()) {
        holds(&text)?;
    }
}
