//! No input breaks the reader: seeds cut and spliced with the characters
//! that matter most (separators, tags, entities, pinyin, full-width and
//! traditional forms, line separators) always give a report whose spans lie
//! inside the input on character boundaries, the same report every time.

use std::path::PathBuf;

use nianbao::Span;

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "|",
    " | ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\u{2028}",
    "<td>",
    "</tr><tr>",
    "<table>",
    "&#xD800;",
    "&nbsp;",
    "&",
    "<",
    "(zhí)",
    "(",
    "１２",
    "總計",
    "—",
    "- 3 -",
    "0",
    "98",
    "99999999999999999999",
    "12件",
    "/",
    "本年新收",
    "行政复议",
    "(七)总计",
    "第二十条",
    "\u{FEFF}",
    "\u{200B}",
    "𠀀",
    "<script>",
    "3.14.15",
    "-",
    "#",
    "|---|",
];

fn seeds() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/seeds");
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    out.sort();
    out
}

fn boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn assert_inside(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: {span:?} outside {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?} splits a character"
    );
}

#[test]
fn mangled_reports_give_sound_spans_and_the_same_result_twice() {
    let seeds = seeds();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..300 {
        let base = &seeds[rng.below(seeds.len())];
        let mut text = String::new();
        // Splice a few random slices of the seed with random pieces between them.
        for _ in 0..1 + rng.below(6) {
            let a = boundary(base, rng.below(base.len()));
            let b = boundary(base, a + rng.below(3000));
            text.push_str(&base[a..b.max(a)]);
            for _ in 0..rng.below(4) {
                text.push_str(PIECES[rng.below(PIECES.len())]);
            }
        }
        let report = nianbao::check(&text);
        for span in report.spans() {
            assert_inside(&text, span, &format!("round {round}"));
        }
        let again = nianbao::check(&text);
        assert_eq!(
            format!("{:?}", report.diagnostics),
            format!("{:?}", again.diagnostics),
            "round {round}"
        );
        assert_eq!(
            format!("{:?}", report.tables),
            format!("{:?}", again.tables),
            "round {round}"
        );
    }
}
