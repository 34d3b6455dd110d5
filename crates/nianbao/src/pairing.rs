//! Reports matched across years: each report with the same agency's report
//! of the year before, both known from the text itself (the agency and the
//! year the title or the signature names), not from file names. The CLI's
//! `--pair-years` and the page's summary of many reports pair alike.

use std::collections::HashMap;

use crate::Meta;

/// Whose report it is and for which year: the agency's name reduced for
/// matching (without spaces and punctuation), and the year.
pub type Key = (String, i32);

/// The key of a report's metadata, if both agency and year were found.
pub fn key(meta: &Meta) -> Option<Key> {
    let agency = crate::text::canon(&meta.agency.as_ref()?.value);
    (!agency.is_empty()).then_some((agency, meta.year.as_ref()?.value))
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
        let key_of = |text| super::key(crate::prepare(text).meta());
        let text = "株洲市天元区行政审批服务局2022年政府信息公开工作年度报告\n正文";
        assert_eq!(key_of(text), key("株洲市天元区行政审批服务局", 2022));
        assert_eq!(super::key(&crate::read(text).report.meta), key_of(text));
        assert_eq!(key_of("没有标题的文字"), None);
    }
}
