//! One file of a batch, as the page's summary of many reports checks it:
//! the file's text (or why it could not be read) and, when the same
//! agency's report of the year before is in the batch, that one's, in; its
//! row of the summary out, with the CSV row `nianbao check --format csv`
//! writes for it and the key the batch pairs years by.
//!
//! The input is plain arguments, not a deserialised object: a JSON reader
//! in the page's module would cost some 30 kB of it.

use serde::Serialize;

use crate::csv::{self, Tally};
use crate::pairing;

/// A file's row of the summary.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// The file's name.
    pub file: String,
    /// The agency the report names.
    pub agency: Option<String>,
    /// The year it reports on.
    pub year: Option<i32>,
    /// `"2019"`, `"2021"`, `"mixed"`, or null.
    pub template: Option<&'static str>,
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub notes: usize,
    /// Each code found and how often, in code order.
    pub codes: Vec<CodeCount>,
    /// The file of last year's report it was checked against.
    pub previous: Option<String>,
    /// Why the file could not be read.
    pub error: Option<String>,
    /// The encoding it was read in.
    pub encoding: String,
    /// Whose report it is and for which year, as years are paired.
    pub key: Option<KeyOut>,
    /// Its line of `nianbao check --format csv`.
    pub csv: String,
    /// The CSV's header line, the same for every row.
    pub csv_header: &'static str,
}

/// A code and how many findings have it.
#[derive(Debug, Clone, Serialize)]
pub struct CodeCount {
    /// The code.
    pub code: &'static str,
    /// How many findings.
    pub count: usize,
}

/// The key two reports are paired by: the agency's name reduced for
/// matching, and the year.
#[derive(Debug, Clone, Serialize)]
pub struct KeyOut {
    /// The agency, without spaces and punctuation.
    pub agency: String,
    /// The year.
    pub year: i32,
}

impl Row {
    /// Checks `text`, read from `file` in `encoding`, against last year's
    /// report (`(file, text)`) when given, into its row.
    pub fn new(file: &str, text: &str, encoding: &str, previous: Option<(&str, &str)>) -> Row {
        let read = crate::read(text);
        let last = previous.map(|(_, text)| crate::read(text));
        let report = crate::check_read(&read, last.as_ref());
        let tally = Tally::of(&report);
        let previous = previous.map(|(file, _)| file);
        Row {
            csv: csv::report_row(&report, file, previous, encoding),
            key: pairing::key(&read.report.meta).map(|(agency, year)| KeyOut { agency, year }),
            agency: report.meta.agency.map(|a| a.value),
            year: report.meta.year.map(|y| y.value),
            template: report.template.map(|t| t.as_str()),
            errors: tally.errors,
            warnings: tally.warnings,
            notes: tally.notes,
            codes: tally
                .codes
                .into_iter()
                .map(|(code, count)| CodeCount { code, count })
                .collect(),
            previous: previous.map(str::to_string),
            error: None,
            encoding: encoding.to_string(),
            ..Row::unread(file, "")
        }
    }

    /// The row of `file`, which could not be read because of `why`.
    pub fn unread(file: &str, why: &str) -> Row {
        Row {
            file: file.to_string(),
            agency: None,
            year: None,
            template: None,
            errors: 0,
            warnings: 0,
            notes: 0,
            codes: Vec::new(),
            previous: None,
            error: Some(why.to_string()),
            encoding: String::new(),
            key: None,
            csv: csv::unreadable_row(file, why),
            csv_header: csv::HEADER,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const THIS: &str = "甲市乙局2023年政府信息公开工作年度报告";
    const LAST: &str = "甲市乙局2022年政府信息公开工作年度报告";

    #[test]
    fn a_row_is_its_csv_line_and_its_key() {
        let row = Row::new("a.txt", THIS, "UTF-8", Some(("z.txt", LAST)));
        let report = crate::check_with_previous(THIS, LAST);
        assert_eq!(
            row.csv,
            csv::report_row(&report, "a.txt", Some("z.txt"), "UTF-8")
        );
        let key = row.key.unwrap();
        assert_eq!((key.agency.as_str(), key.year), ("甲市乙局", 2023));
        assert_eq!(row.errors, Tally::of(&report).errors);
        assert_eq!(row.previous.as_deref(), Some("z.txt"));
    }

    #[test]
    fn an_unreadable_file_is_a_row_that_says_why() {
        let row = Row::unread("b.pdf", "无法读取");
        assert_eq!(row.csv, "b.pdf,,,,,,,,,无法读取,\n");
        assert!(row.key.is_none() && row.agency.is_none());
    }
}
