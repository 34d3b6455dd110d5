//! Reports matched across years, by the core's `nianbao::pairing` (the
//! agency and year read from the text): the line the summary says of it.

use nianbao::pairing::Key;

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

    #[test]
    fn the_line_counts_pairs_agencies_and_unknowns() {
        let keys = [
            Some(("甲局".to_string(), 2023)),
            Some(("甲局".to_string(), 2022)),
            None,
        ];
        let previous = nianbao::pairing::previous(&keys);
        assert_eq!(
            describe(&keys, &previous),
            "pairing: 1 of 3 reports checked against the year before (1 agencies); 1 without an agency or a year found"
        );
    }
}
