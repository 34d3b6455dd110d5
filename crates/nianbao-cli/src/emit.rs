//! What is written for each input, in each format: compiler-style text, one
//! JSON object a line, or one CSV row a report; and the facts about it that
//! the closing summary counts. Each input's output is made on the worker
//! thread that checked it, so that writing in order costs nothing.

use std::fmt::Write as _;

use nianbao::{render, LineIndex, Report};

use crate::document;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Diagnostics as a compiler prints them, then one line a report.
    Text,
    /// One JSON object a line (JSON Lines), every field of the report.
    Json,
    /// One row a report: file, agency, year, template, counts and codes.
    Csv,
}

/// The columns of the CSV output, the core's (which the page's summary of
/// many reports exports too).
pub const CSV_HEADER: &str = nianbao::csv::HEADER;

/// The output of one input and what the summary counts of it.
pub struct Checked {
    /// Written to standard output.
    pub out: String,
    /// Written to standard error: why an input could not be read.
    pub err: Option<String>,
    /// What the summary counts; `None` for an input that could not be read.
    pub facts: Option<Facts>,
}

/// What the summary counts of one report.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Diagnostics by severity.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub notes: usize,
    /// Each code found, with how often, in code order.
    pub codes: Vec<(&'static str, usize)>,
    /// Whether the report was checked against the year before.
    pub paired: bool,
    /// The encoding the input was read in.
    pub encoding: &'static str,
}

impl Facts {
    fn of(report: &Report, paired: bool, encoding: &'static str) -> Facts {
        let tally = nianbao::csv::Tally::of(report);
        Facts {
            errors: tally.errors,
            warnings: tally.warnings,
            notes: tally.notes,
            codes: tally.codes,
            paired,
            encoding,
        }
    }
}

/// The output for `report`, read from `text` of input `name` (decoded from
/// `encoding`; a document when `places` holds the place of each line),
/// checked against the report of input `previous` when there was one.
pub fn report(
    format: Format,
    name: &str,
    text: &str,
    places: &[nianbao_document::Place],
    report: &Report,
    previous: Option<&str>,
    encoding: &'static str,
) -> Checked {
    let facts = Facts::of(report, previous.is_some(), encoding);
    let out = match format {
        Format::Text => text_lines(report, text, places, name, previous, &facts),
        Format::Json => json_line(report, text, places, name, previous, encoding),
        Format::Csv => nianbao::csv::report_row(report, name, previous, encoding),
    };
    Checked {
        out,
        err: None,
        facts: Some(facts),
    }
}

/// The output for input `name`, which could not be read because of `why`:
/// a line on standard error in every format, and in JSON and CSV a line
/// of its own in the output too, so that every input has one.
pub fn unreadable(format: Format, name: &str, why: &str) -> Checked {
    let out = match format {
        Format::Text => String::new(),
        Format::Json => {
            let object = serde_json::json!({ "file": name, "error": why });
            format!("{object}\n")
        }
        Format::Csv => nianbao::csv::unreadable_row(name, why),
    };
    Checked {
        out,
        err: Some(format!("error: {name}: {why}")),
        facts: None,
    }
}

fn text_lines(
    report: &Report,
    text: &str,
    places: &[nianbao_document::Place],
    name: &str,
    previous: Option<&str>,
    facts: &Facts,
) -> String {
    let mut out = String::new();
    if !report.diagnostics.is_empty() {
        let index = LineIndex::new(text);
        for d in &report.diagnostics {
            let _ = write!(out, "{}", render::diagnostic(d, name, &index));
            let line = d.span.map(|s| index.position(s.start).line);
            if let Some(place) = line.and_then(|l| document::place(places, l)) {
                let _ = writeln!(out, "  = 位置: {place}");
            }
            out.push('\n');
        }
    }
    let template = report.template.map_or("未识别", |t| t.as_str());
    let _ = write!(
        out,
        "{name}: {} errors, {} warnings, {} notes (template {template}, read as {})",
        facts.errors, facts.warnings, facts.notes, facts.encoding
    );
    if let Some(previous) = previous {
        let _ = write!(out, ", compared with {previous}");
    }
    out.push('\n');
    out
}

fn json_line(
    report: &Report,
    text: &str,
    places: &[nianbao_document::Place],
    name: &str,
    previous: Option<&str>,
    encoding: &str,
) -> String {
    let output = nianbao::output::Output::new(report, text, Some(name));
    // The output serialises to an object, whatever the report: `Output` is
    // a plain struct of strings, numbers and maps with string keys. A
    // document's diagnostics get the place of their line in it.
    // Written into a buffer sized for it (the line is about one and a half
    // times the text): grown from nothing, it was copied several times.
    let mut bytes = Vec::with_capacity(text.len().saturating_mul(2).clamp(1 << 12, 1 << 24));
    let written = if places.is_empty() {
        serde_json::to_writer(&mut bytes, &output)
    } else {
        serde_json::to_value(&output).and_then(|mut value| {
            document::annotate(&mut value, places);
            serde_json::to_writer(&mut bytes, &value)
        })
    };
    // serde_json writes UTF-8 only.
    let written = written
        .map_err(|e| e.to_string())
        .and_then(|()| String::from_utf8(bytes).map_err(|e| e.to_string()));
    let mut line = written.unwrap_or_else(|e| {
        serde_json::json!({ "file": name, "error": format!("cannot write JSON: {e}") }).to_string()
    });
    // Keys the core's output does not have, `encoding` and `previous`
    // (when paired), added before the object's closing brace.
    if line.ends_with('}') {
        line.pop();
        let _ = write!(line, ",\"encoding\":{}", serde_json::Value::from(encoding));
        if let Some(previous) = previous {
            let _ = write!(line, ",\"previous\":{}", serde_json::Value::from(previous));
        }
        line.push('}');
    }
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paired_json_has_the_previous_file() {
        let report = nianbao::check("某局2023年政府信息公开工作年度报告");
        let line = json_line(
            &report,
            "某局2023年政府信息公开工作年度报告",
            &[],
            "b.txt",
            Some("a.txt"),
            "GBK",
        );
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(value["previous"], "a.txt");
        assert_eq!(value["encoding"], "GBK");
        assert_eq!(value["file"], "b.txt");
    }
}
