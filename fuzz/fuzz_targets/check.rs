//! Fuzz target: any bytes, as text, give a report whose spans lie inside the
//! input on character boundaries, the same report twice, and an output that
//! serialises. Bytes that are not UTF-8 are read as the CLI would not (with
//! replacement characters), so every input reaches the reader.

#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao::{Report, Span};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = nianbao::check(&text);
    for span in spans(&report) {
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

/// Every span the report holds.
fn spans(report: &Report) -> Vec<Span> {
    let mut out: Vec<Span> = report.diagnostics.iter().filter_map(|d| d.span).collect();
    for t in report.tables.iter() {
        out.push(t.span);
        out.extend(
            t.rows
                .iter()
                .flat_map(|r| r.cells.iter().filter_map(|c| c.span)),
        );
        out.extend(t.rows.iter().filter_map(|r| r.label));
    }
    out.extend(
        report
            .sections
            .iter()
            .flatten()
            .flat_map(|s| [s.span, s.heading_span]),
    );
    let m = &report.meta;
    out.extend(m.agency.iter().map(|f| f.span));
    out.extend(m.year.iter().map(|f| f.span));
    out.extend(m.published.iter().map(|f| f.span));
    out
}
