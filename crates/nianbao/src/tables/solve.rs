//! Choosing among the readings of rows whose digits ran together: the
//! choice, over the whole table, that breaks the fewest of its relations.
//!
//! `801000081` in a row of seven cells has several readings; most break
//! the row's own sum, some break the columns' sums with the rows around
//! them. The template's arithmetic is the strongest evidence of where a
//! digit belongs, so the rows are read together: the readings that break
//! the fewest relations win, and a row is decided when they agree on it.
//! A report's own error still shows: where no reading keeps every
//! relation, the one that breaks the fewest is taken, and the rules report
//! what it breaks.

use super::relations::Relation;

/// Combinations tried exhaustively; beyond, rows are chosen one at a time.
const MAX_COMBINATIONS: usize = 20_000;
/// Rounds of choosing one row at a time, given the others.
const ROUNDS: usize = 4;

/// One row with several readings.
#[derive(Debug, Clone)]
pub struct Free {
    /// The row's index in the table.
    pub row: usize,
    /// Each reading: a value, or nothing, for each column.
    pub readings: Vec<Vec<Option<i64>>>,
}

/// The reading chosen for a free row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The reading: the first of those that break the fewest relations.
    pub reading: usize,
    /// For each cell, whether other readings that break as few relations
    /// hold another value in it.
    pub unsure: Vec<bool>,
}

impl Choice {
    /// Reading `reading` of a row of `width` cells, no cell unsure yet.
    pub fn new(reading: usize, width: usize) -> Choice {
        Choice {
            reading,
            unsure: vec![false; width],
        }
    }

    /// Marks the cells where reading `other` of `readings` differs from
    /// this one.
    fn differ(&mut self, readings: &[Vec<Option<i64>>], other: usize) {
        if let (Some(a), Some(b)) = (readings.get(self.reading), readings.get(other)) {
            for ((u, x), y) in self.unsure.iter_mut().zip(a).zip(b) {
                *u |= x != y;
            }
        }
    }

    /// Marks the cells where any of `readings` differs from this one.
    pub fn dispute_all(&mut self, readings: &[Vec<Option<i64>>]) {
        for other in 0..readings.len() {
            self.differ(readings, other);
        }
    }
}

/// For each free row, the reading chosen and the cells on which readings
/// that break equally few relations differ; and how many relations the
/// readings chosen break. `grid` holds the values of the other rows
/// (nothing where a cell is empty or read with doubt).
pub fn solve(
    grid: &[Vec<Option<i64>>],
    free: &[Free],
    relations: &[Relation],
) -> (Vec<Choice>, usize) {
    if free.is_empty() {
        return (Vec::new(), 0);
    }
    let mut grid = grid.to_vec();
    // Only the relations that touch a free row can change.
    let touching: Vec<&Relation> = relations
        .iter()
        .filter(|rel| {
            rel.terms
                .iter()
                .any(|&(r, _, _)| free.iter().any(|f| f.row == r))
        })
        .collect();
    let broken = |grid: &[Vec<Option<i64>>]| {
        touching
            .iter()
            .filter(|rel| {
                rel.fails(|r, c| grid.get(r).and_then(|row| row.get(c).copied().flatten()))
                    == Some(true)
            })
            .count()
    };
    let combinations = free
        .iter()
        .try_fold(1usize, |n, f| n.checked_mul(f.readings.len().max(1)))
        .filter(|&n| n <= MAX_COMBINATIONS);
    let mut choice = vec![0usize; free.len()];
    let width = |f: &Free| f.readings.first().map_or(0, Vec::len);
    let set = |grid: &mut Vec<Vec<Option<i64>>>, f: &Free, k: usize| {
        if let (Some(row), Some(reading)) = (grid.get_mut(f.row), f.readings.get(k)) {
            row.clone_from(reading);
        }
    };
    if let Some(n) = combinations {
        // Every combination: the fewest broken, and whether each row's
        // reading is the same in all combinations that reach it.
        let mut best = usize::MAX;
        let mut agreed: Vec<Choice> = Vec::new();
        for mut code in 0..n {
            for (i, f) in free.iter().enumerate() {
                let len = f.readings.len().max(1);
                choice[i] = code % len;
                code /= len;
                set(&mut grid, f, choice[i]);
            }
            let count = broken(&grid);
            if count < best {
                best = count;
                agreed = free
                    .iter()
                    .zip(&choice)
                    .map(|(f, &k)| Choice::new(k, width(f)))
                    .collect();
            } else if count == best {
                for ((a, f), &k) in agreed.iter_mut().zip(free).zip(&choice) {
                    a.differ(&f.readings, k);
                }
            }
        }
        return (agreed, best);
    }
    // Too many to try: each row in turn takes its best reading given the
    // others, and is decided only where that reading is the one best.
    for (i, f) in free.iter().enumerate() {
        set(&mut grid, f, choice[i]);
    }
    let mut decided: Vec<Choice> = free.iter().map(|f| Choice::new(0, width(f))).collect();
    let mut least = usize::MAX;
    for _ in 0..ROUNDS {
        for (i, f) in free.iter().enumerate() {
            let mut best = (usize::MAX, Choice::new(0, width(f)));
            for k in 0..f.readings.len() {
                set(&mut grid, f, k);
                let count = broken(&grid);
                if count < best.0 {
                    best = (count, Choice::new(k, width(f)));
                } else if count == best.0 {
                    best.1.differ(&f.readings, k);
                }
            }
            least = best.0;
            choice[i] = best.1.reading;
            decided[i] = best.1;
            set(&mut grid, f, choice[i]);
        }
    }
    (decided, least)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::relations;

    #[test]
    fn the_columns_decide_a_row_its_own_sum_leaves_open() {
        // Three rows of 2 + 1 columns (a row total each), plus a column
        // relation: row 2 = row 0 + row 1.
        let mut rels: Vec<Relation> = (0..3)
            .map(|r| Relation {
                kind: relations::Kind::RowTotal,
                at: r,
                terms: vec![(r, 0, 1), (r, 1, 1), (r, 2, -1)],
            })
            .collect();
        for c in 0..3 {
            rels.push(Relation {
                kind: relations::Kind::OutcomeSum,
                at: c,
                terms: vec![(0, c, 1), (1, c, 1), (2, c, -1)],
            });
        }
        let grid = vec![
            vec![Some(1), Some(2), Some(3)],
            vec![None; 3],
            vec![Some(1), Some(12), Some(13)],
        ];
        // `1010` as 10|0|10 or 0|10|10 would break the columns; 0|10|10 keeps them.
        let free = [Free {
            row: 1,
            readings: vec![
                vec![Some(10), Some(0), Some(10)],
                vec![Some(0), Some(10), Some(10)],
            ],
        }];
        assert_eq!(solve(&grid, &free, &rels), (vec![Choice::new(1, 3)], 0));
        // With the columns unknown, the two readings tie: the first is
        // taken, its first two cells unsure, the total certain.
        let grid = vec![vec![None; 3]; 3];
        let (chosen, broken) = solve(&grid, &free, &rels);
        assert_eq!(broken, 0);
        assert_eq!(chosen[0].reading, 0);
        assert_eq!(chosen[0].unsure, [true, true, false]);
    }
}
