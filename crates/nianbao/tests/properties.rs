//! Properties of the reader for any text: it ends, and its report keeps
//! the invariants of `common/invariants.rs` (sound spans, UTF-16 offsets
//! as JavaScript counts them, no arithmetic error resting on doubt). Four
//! kinds of text: any string at all, strings made of the words and marks a
//! report is read by, seeds with pieces spliced in, and slices of seeds cut
//! and joined with pieces between them.

mod common;
#[path = "common/invariants.rs"]
mod invariants;

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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string(text in any::<String>()) {
        invariants::assert_invariants(&text);
    }

    #[test]
    fn text_made_of_report_words(text in reportish()) {
        invariants::assert_invariants(&text);
    }

    #[test]
    fn seeds_with_pieces_spliced_in(text in spliced()) {
        invariants::assert_invariants(&text);
    }

    #[test]
    fn slices_of_seeds_joined_with_pieces(text in cut()) {
        invariants::assert_invariants(&text);
    }
}
