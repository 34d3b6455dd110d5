//! The five seed reports, exactly as collected, read to reviewed snapshots:
//! every table cell, the template, metadata, sections and diagnostics.
//! Each snapshot was checked against its seed's own tables by eye.

mod common;

use std::fmt::Write;

use nianbao::{LineIndex, Report, SectionKey};

/// The seed whose file name starts with `prefix`.
fn seed(prefix: &str) -> String {
    let files = common::files("seeds");
    let rel = files
        .iter()
        .find(|rel| rel.starts_with(&format!("seeds/{prefix}")))
        .unwrap_or_else(|| panic!("no seed {prefix}"));
    common::read(rel)
}

/// What a reviewer reads: the tables row by row, then what was said.
fn render(report: &Report, text: &str) -> String {
    let index = LineIndex::new(text);
    let line = |offset: usize| index.position(offset).line;
    let mut out = String::new();
    let m = &report.meta;
    let _ = writeln!(
        out,
        "template: {}\nagency: {}\nyear: {}\npublished: {}",
        report.template.map_or("-", |t| t.as_str()),
        m.agency.as_ref().map_or("-", |f| f.value.as_str()),
        m.year.as_ref().map_or("-".into(), |f| f.value.to_string()),
        m.published.as_ref().map_or("-", |f| f.value.as_str()),
    );
    for key in SectionKey::ALL {
        match &report.sections[key.index()] {
            Some(s) => {
                _ = writeln!(
                    out,
                    "section {}: line {} {}",
                    key.key(),
                    line(s.heading_span.start),
                    s.heading
                )
            }
            None => _ = writeln!(out, "section {}: missing", key.key()),
        }
    }
    for table in report.tables.iter() {
        let _ = writeln!(
            out,
            "\ntable {} (template {}, layout {}, lines {}-{})",
            table.kind.key(),
            table.template.map_or("-", |t| t.as_str()),
            table.layout.as_str(),
            line(table.span.start),
            line(table.span.end),
        );
        for row in &table.rows {
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|c| {
                    let v = c.value.map_or("null".into(), |v| v.to_string());
                    if c.doubtful {
                        format!("{v}?")
                    } else {
                        v
                    }
                })
                .collect();
            let _ = writeln!(out, "  {:<36} {}", row.key, cells.join(" "));
        }
    }
    let _ = writeln!(out, "\ndiagnostics:");
    for d in &report.diagnostics {
        let at = d.span.map_or("-".into(), |s| {
            let p = index.position(s.start);
            format!("{}:{}", p.line, p.column)
        });
        let _ = writeln!(
            out,
            "  {} {} {at} {}",
            d.code,
            d.severity.as_str(),
            d.message
        );
    }
    out
}

macro_rules! seed_snapshot {
    ($($name:ident => $prefix:literal),* $(,)?) => {$(
        #[test]
        fn $name() {
            let text = seed($prefix);
            let report = nianbao::check(&text);
            insta::assert_snapshot!(stringify!($name), render(&report, &text));
        }
    )*};
}

seed_snapshot! {
    seed_000_pipe_rows => "000",
    seed_001_pasted_twice => "001",
    seed_002_cell_per_line => "002",
    seed_003_traditional_mixed_template => "003",
    seed_004_pinyin_noise => "004",
}
