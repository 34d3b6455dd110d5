//! Properties of the reader for any text: it ends, every span it gives lies
//! inside the input on character boundaries, and the same text gives the
//! same report. Three kinds of text: any string at all, strings made of the
//! words and marks a report is read by, and seeds with pieces spliced in.

use std::path::PathBuf;

use proptest::prelude::*;

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

fn seeds() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/seeds");
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    out.sort();
    out
}

/// A seed with pieces put in at a few places.
fn spliced() -> impl Strategy<Value = String> {
    let seeds = seeds();
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
    let again = nianbao::check(text);
    prop_assert_eq!(format!("{report:?}"), format!("{again:?}"));
    // The output every front end prints is made from any report.
    let output = nianbao::output::Output::new(&report, text, Some("t.txt"));
    prop_assert!(serde_json::to_string(&output).is_ok());
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
}
