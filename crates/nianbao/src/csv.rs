//! One CSV row a report, as `nianbao check --format csv` writes it and the
//! page's summary of many reports exports it, so that the two agree byte
//! for byte: the header, a checked report's row, an unreadable file's row.

use crate::{Report, Severity};

/// The columns, in order.
pub const HEADER: &str =
    "file,agency,year,template,errors,warnings,notes,codes,previous,error,encoding";

/// How many findings of each severity and of each code a report has.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Errors of the report.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub notes: usize,
    /// Each code found, with how often, in code order.
    pub codes: Vec<(&'static str, usize)>,
}

impl Tally {
    /// The counts of `report`'s diagnostics.
    pub fn of(report: &Report) -> Tally {
        let mut tally = Tally::default();
        for d in &report.diagnostics {
            match d.severity {
                Severity::Error => tally.errors += 1,
                Severity::Warning => tally.warnings += 1,
                Severity::Info => tally.notes += 1,
            }
            match tally.codes.binary_search_by(|(c, _)| c.cmp(&d.code)) {
                Ok(i) => tally.codes[i].1 += 1,
                Err(i) => tally.codes.insert(i, (d.code, 1)),
            }
        }
        tally
    }
}

/// The row of `report`, read from input `file` in `encoding` and checked
/// against the report of input `previous` when there was one; ends with a
/// line break.
pub fn report_row(report: &Report, file: &str, previous: Option<&str>, encoding: &str) -> String {
    let tally = Tally::of(report);
    let codes: Vec<&str> = tally.codes.iter().map(|(c, _)| *c).collect();
    row(&[
        file,
        report.meta.agency.as_ref().map_or("", |a| a.value.as_str()),
        &report
            .meta
            .year
            .as_ref()
            .map_or(String::new(), |y| y.value.to_string()),
        report.template.map_or("", |t| t.as_str()),
        &tally.errors.to_string(),
        &tally.warnings.to_string(),
        &tally.notes.to_string(),
        &codes.join(" "),
        previous.unwrap_or(""),
        "",
        encoding,
    ])
}

/// The row of input `file`, which could not be read because of `why`.
pub fn unreadable_row(file: &str, why: &str) -> String {
    row(&[file, "", "", "", "", "", "", "", "", why, ""])
}

/// One CSV row (RFC 4180): fields with a comma, quote or line break quoted.
fn row(fields: &[&str]) -> String {
    let mut row = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            row.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            row.push('"');
            row.push_str(&field.replace('"', "\"\""));
            row.push('"');
        } else {
            row.push_str(field);
        }
    }
    row.push('\n');
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_when_they_must_be() {
        assert_eq!(
            row(&["a.txt", "某局,办公室", "say \"hi\"", ""]),
            "a.txt,\"某局,办公室\",\"say \"\"hi\"\"\",\n"
        );
        assert_eq!(HEADER.split(',').count(), 11);
        assert_eq!(unreadable_row("b.txt", "empty").split(',').count(), 11);
        assert_eq!(unreadable_row("b.txt", "empty"), "b.txt,,,,,,,,,empty,\n");
    }

    #[test]
    fn a_report_row_holds_its_metadata_and_codes() {
        let report = crate::check("某局2023年政府信息公开工作年度报告");
        let tally = Tally::of(&report);
        let row = report_row(&report, "a.txt", Some("z.txt"), "GBK");
        let fields: Vec<&str> = row.trim_end().split(',').collect();
        assert_eq!(fields.len(), 11);
        assert_eq!(&fields[..2], ["a.txt", "某局"]);
        assert_eq!(fields[2], "2023");
        assert_eq!(fields[4], tally.errors.to_string());
        assert!(tally.errors > 0, "a title alone lacks every section");
        assert_eq!(&fields[8..], ["z.txt", "", "GBK"]);
    }
}
