//! Reports matched across years: each report with the same agency's report
//! of the year before, both known from the text itself (the agency and the
//! year the title or the signature names), not from file names.

use std::collections::HashMap;

/// Whose report it is and for which year: the agency's name reduced for
/// matching (without spaces and punctuation), and the year.
pub type Key = (String, i32);

/// The agency and year of a report's text, if both are found.
///
/// Reads only what the metadata needs, not the tables.
pub fn key_of(text: &str) -> Option<Key> {
    let doc = nianbao::text::Document::new(text).first_copy(&mut Vec::new());
    let lines = nianbao::layout::Lines::new(&doc);
    let meta = nianbao::meta::read(&doc, &lines);
    let agency = nianbao::text::canon(&meta.agency?.value);
    (!agency.is_empty()).then_some((agency, meta.year?.value))
}

/// For each report, the index of the same agency's report of the year
/// before, if there is one. Where a year is found twice for one agency,
/// the first in input order stands for it.
pub fn previous(keys: &[Option<Key>]) -> Vec<Option<usize>> {
    let mut first: HashMap<(&str, i32), usize> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        if let Some((agency, year)) = key {
            first.entry((agency.as_str(), *year)).or_insert(i);
        }
    }
    keys.iter()
        .map(|key| {
            let (agency, year) = key.as_ref()?;
            first.get(&(agency.as_str(), year.checked_sub(1)?)).copied()
        })
        .collect()
}

/// One line for the summary: how many reports were matched.
pub fn describe(keys: &[Option<Key>], previous: &[Option<usize>]) -> String {
    let matched = previous.iter().flatten().count();
    let unknown = keys.iter().filter(|k| k.is_none()).count();
    let agencies = keys
        .iter()
        .flatten()
        .map(|(a, _)| a.as_str())
        .collect::<std::collections::HashSet<_>>()
        .len();
    format!(
        "pairing: {matched} of {} reports checked against the year before ({agencies} agencies); {unknown} without an agency or a year found",
        keys.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(agency: &str, year: i32) -> Option<Key> {
        Some((agency.to_string(), year))
    }

    #[test]
    fn each_report_finds_the_year_before_of_its_agency() {
        let keys = [
            key("甲局", 2023),
            key("乙局", 2022),
            key("甲局", 2022),
            None,
            key("乙局", 2023),
            key("甲局", 2022),
            key("甲局", 2021),
        ];
        assert_eq!(
            previous(&keys),
            [Some(2), None, Some(6), None, Some(1), Some(6), None]
        );
    }

    #[test]
    fn agency_and_year_come_from_the_text() {
        let text = "株洲市天元区行政审批服务局2022年政府信息公开工作年度报告\n正文";
        assert_eq!(key_of(text), key("株洲市天元区行政审批服务局", 2022));
        assert_eq!(key_of("没有标题的文字"), None);
    }
}
