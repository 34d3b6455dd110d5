//! Fuzz target: any bytes, as text, give a report whose spans lie inside the
//! input on character boundaries, the same report twice, and an output that
//! serialises. Bytes that are not UTF-8 are read as the CLI would not (with
//! replacement characters), so every input reaches the reader.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = nianbao::check(&text);
    for span in report.spans() {
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "span {span:?} outside the input of {} bytes",
            text.len()
        );
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "span {span:?} splits a character"
        );
    }
    // Determinism: the same input, the same report.
    if text.len() <= 4096 {
        let again = nianbao::check(&text);
        assert_eq!(
            format!("{report:?}"),
            format!("{again:?}"),
            "not deterministic"
        );
    }
    let output = nianbao::output::Output::new(&report, &text, Some("fuzz.txt"));
    serde_json::to_string(&output).expect("the output serialises");
});
