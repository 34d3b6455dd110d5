//! Reports matched across years, by the core's `nianbao::pairing` (the
//! agency and year read from the text): the order in which to check them,
//! so that each report is read once, and the line the summary says of it.
//!
//! Each report's year before is one report, so the reports form trees: a
//! report, those checked against it (the same agency's year after, and any
//! copy of that year), theirs in turn. A tree is checked on one thread from
//! its root down, each report read once and its reading kept only until the
//! last report checked against it is done: one agency's reports, not the
//! archive's, are held at once.

use std::collections::HashMap;

use nianbao::pairing::Key;

/// The trees of `previous` (each report's year before, by index): each
/// tree's reports with every report after its year before, and of the
/// reports checked against one, those that are no other's year before
/// first, so that the one that is comes last and its year before can be
/// let go as soon as it is checked. Trees come in the order of their first
/// report in the input.
pub fn trees(previous: &[Option<usize>]) -> Vec<Vec<usize>> {
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); previous.len()];
    for (i, p) in previous.iter().enumerate() {
        if let Some(&p) = p.as_ref().filter(|&&p| p < previous.len()) {
            after[p].push(i);
        }
    }
    let mut trees: Vec<(usize, Vec<usize>)> = Vec::new();
    for root in (0..previous.len()).filter(|&i| previous[i].is_none()) {
        let mut tree = Vec::new();
        let mut stack = vec![root];
        while let Some(i) = stack.pop() {
            tree.push(i);
            // Popped in the reverse order: those with reports after them last.
            let (leaves, inner): (Vec<usize>, Vec<usize>) =
                after[i].iter().partition(|&&j| after[j].is_empty());
            stack.extend(inner.iter().rev());
            stack.extend(leaves.iter().rev());
        }
        let first = tree.iter().copied().min().unwrap_or(root);
        trees.push((first, tree));
    }
    trees.sort_by_key(|(first, _)| *first);
    trees.into_iter().map(|(_, tree)| tree).collect()
}

/// One tree of [`trees`], its reports named by their place in it.
pub struct Tree {
    /// Each report's year before, by its place in the tree.
    parent: Vec<Option<usize>>,
    /// How many reports are still to be checked against each.
    left: Vec<usize>,
    /// Whether each is another report's year before.
    is_previous: Vec<bool>,
}

impl Tree {
    /// The tree of reports `members` (one of [`trees`]) by `previous`.
    pub fn new(members: &[usize], previous: &[Option<usize>]) -> Tree {
        let place: HashMap<usize, usize> =
            members.iter().enumerate().map(|(k, &i)| (i, k)).collect();
        let parent: Vec<Option<usize>> = members
            .iter()
            .map(|&i| {
                previous
                    .get(i)
                    .copied()
                    .flatten()
                    .and_then(|p| place.get(&p).copied())
            })
            .collect();
        let mut left = vec![0; members.len()];
        for p in parent.iter().flatten() {
            left[*p] += 1;
        }
        let is_previous = left.iter().map(|&n| n > 0).collect();
        Tree {
            parent,
            left,
            is_previous,
        }
    }

    /// The place of report `k`'s year before.
    pub fn parent(&self, k: usize) -> Option<usize> {
        self.parent[k]
    }

    /// Whether report `k` is another's year before.
    pub fn is_previous(&self, k: usize) -> bool {
        self.is_previous[k]
    }

    /// One more report checked against report `p`: whether it was the last.
    pub fn done_with(&mut self, p: usize) -> bool {
        self.left[p] = self.left[p].saturating_sub(1);
        self.left[p] == 0
    }
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

    #[test]
    fn every_report_comes_once_after_its_year_before() {
        // Agency 甲: 0 (2021), 3 (2022), 1 and 4 (2023, 4 a copy), 5 (2024);
        // 2 and 6 have no year before.
        let previous = [None, Some(3), None, Some(0), Some(3), Some(1), None];
        let trees = trees(&previous);
        assert_eq!(trees, [vec![0, 3, 4, 1, 5], vec![2], vec![6]]);
        let mut tree = Tree::new(&trees[0], &previous);
        let parents: Vec<_> = (0..5).map(|k| tree.parent(k)).collect();
        assert_eq!(parents, [None, Some(0), Some(1), Some(1), Some(3)]);
        let kept: Vec<_> = (0..5).map(|k| tree.is_previous(k)).collect();
        assert_eq!(kept, [true, true, false, true, false]);
        assert!(tree.done_with(0));
        assert!(!tree.done_with(1));
        assert!(tree.done_with(1));
    }

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
