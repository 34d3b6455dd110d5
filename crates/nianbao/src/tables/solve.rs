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

use super::locate::locate;
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

/// The readings chosen for a table's free rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solved {
    /// For each free row, its reading and its unsure cells.
    pub choices: Vec<Choice>,
    /// How many relations the readings chosen break.
    pub broken: usize,
    /// Whether every combination of readings was tried, so that no other
    /// breaks fewer: else rows were chosen one at a time.
    pub exhaustive: bool,
    /// For each free row, where the table is wrong however its digits
    /// are split and no relation of cells read with certainty says so
    /// (each the chosen readings break rests on an unsure cell, and the
    /// rules check none such), its cells to check: those of the fewest
    /// whose change mends the table, in any of the readings that break the
    /// fewest ([`super::locate`]), up to [`MAX_TIES`] of them; with more,
    /// the cells of the free rows in the relations every one of them
    /// breaks, or, with none such, that any one breaks. Empty where there
    /// are none.
    pub wrong: Vec<Vec<bool>>,
}

/// Sets row `f` of `grid` to its reading `k`.
fn put(grid: &mut [Vec<Option<i64>>], f: &Free, k: usize) {
    if let (Some(row), Some(reading)) = (grid.get_mut(f.row), f.readings.get(k)) {
        row.clone_from(reading);
    }
}

/// The value of cell (`r`, `c`) of `grid`, if it holds one.
fn at(grid: &[Vec<Option<i64>>], r: usize, c: usize) -> Option<i64> {
    grid.get(r).and_then(|row| row.get(c).copied().flatten())
}

/// The values the relations give each of the `width` cells of row `row`,
/// from `grid`'s cells: a relation with one cell in the row and every
/// other known gives that cell the value that keeps it (none below 0).
pub fn predicted(
    grid: &[Vec<Option<i64>>],
    relations: &[Relation],
    row: usize,
    width: usize,
) -> Vec<Vec<i64>> {
    let mut predicted = vec![Vec::new(); width];
    for rel in relations {
        let mut mine = rel.terms.iter().filter(|t| t.0 == row);
        let (Some(&(_, c, k)), None) = (mine.next(), mine.next()) else {
            continue;
        };
        let others = rel
            .terms
            .iter()
            .filter(|t| t.0 != row)
            .try_fold(0i64, |sum, &(r, c, k)| {
                sum.checked_add(k.checked_mul(at(grid, r, c)?)?)
            });
        // k × value + others = 0, k being ±1.
        if let (Some(value), Some(cell)) = (others.map(|o| -k * o), predicted.get_mut(c)) {
            if value >= 0 && !cell.contains(&value) {
                cell.push(value);
            }
        }
    }
    predicted
}

/// Combinations that break the fewest relations located one by one; with
/// more, the relations every one of them breaks (or else any one) say
/// where the table is wrong.
const MAX_TIES: usize = 32;

/// The combinations of readings that break the fewest relations.
struct Ties {
    /// Each, while there are at most [`MAX_TIES`].
    listed: Option<Vec<Vec<usize>>>,
    /// For each relation that touches a free row, whether every one breaks it.
    always: Vec<bool>,
    /// For each relation that touches a free row, whether any one breaks it.
    ever: Vec<bool>,
}

/// For each free row, its cells to check ([`Solved::wrong`]): `ties` are
/// the combinations that break the fewest, `choices` the readings chosen;
/// `touching` are the `relations` that touch a free row.
fn wrong_however_split(
    grid: &mut [Vec<Option<i64>>],
    free: &[Free],
    (relations, touching): (&[Relation], &[&Relation]),
    choices: &[Choice],
    ties: &Ties,
) -> Vec<Vec<bool>> {
    let unsure = |r: usize, c: usize| {
        free.iter()
            .zip(choices)
            .any(|(f, ch)| f.row == r && ch.unsure.get(c) == Some(&true))
    };
    for (f, ch) in free.iter().zip(choices) {
        put(grid, f, ch.reading);
    }
    let broken: Vec<&&Relation> = touching
        .iter()
        .filter(|rel| rel.fails(|r, c| at(grid, r, c)) == Some(true))
        .collect();
    let mut wrong: Vec<Vec<bool>> = free.iter().map(|_| Vec::new()).collect();
    let certain_break = broken
        .iter()
        .any(|rel| !rel.terms.iter().any(|&(r, c, _)| unsure(r, c)));
    if broken.is_empty() || certain_break {
        return wrong;
    }
    let mut mark = |r: usize, c: usize| {
        if let Some(i) = free.iter().position(|f| f.row == r) {
            let width = free[i].readings.first().map_or(0, Vec::len);
            let cells = &mut wrong[i];
            cells.resize(width, false);
            if let Some(cell) = cells.get_mut(c) {
                *cell = true;
            }
        }
    };
    let Some(listed) = &ties.listed else {
        // Too many to locate one by one: what every one of them breaks, or
        // else what any one breaks.
        let some = if ties.always.contains(&true) {
            &ties.always
        } else {
            &ties.ever
        };
        for (rel, _) in touching.iter().zip(some).filter(|(_, &a)| a) {
            for &(r, c, _) in &rel.terms {
                mark(r, c);
            }
        }
        return wrong;
    };
    for tie in listed {
        for (f, &k) in free.iter().zip(tie) {
            put(grid, f, k);
        }
        let cell = |at: (usize, usize)| match grid.get(at.0) {
            Some(row) if !row.is_empty() => Some(row.get(at.1).copied().flatten()),
            _ => None,
        };
        let Some(found) = locate(&cell, relations) else {
            continue;
        };
        for fix in &found.fixes {
            for &(r, c) in &fix.cells {
                mark(r, c);
            }
        }
    }
    wrong
}

/// For each free row, the reading chosen and the cells on which readings
/// that break equally few relations differ; and how many relations the
/// readings chosen break. `grid` holds the values of the other rows
/// (nothing where a cell is empty or read with doubt).
pub fn solve(grid: &[Vec<Option<i64>>], free: &[Free], relations: &[Relation]) -> Solved {
    if free.is_empty() {
        return Solved {
            choices: Vec::new(),
            broken: 0,
            exhaustive: true,
            wrong: Vec::new(),
        };
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
    // Which relations `grid` breaks, into `flags`.
    let breaks = |grid: &[Vec<Option<i64>>], flags: &mut Vec<bool>| {
        flags.clear();
        flags.extend(
            touching
                .iter()
                .map(|rel| rel.fails(|r, c| at(grid, r, c)) == Some(true)),
        );
    };
    let combinations = free
        .iter()
        .try_fold(1usize, |n, f| n.checked_mul(f.readings.len().max(1)))
        .filter(|&n| n <= MAX_COMBINATIONS);
    let mut choice = vec![0usize; free.len()];
    let mut flags = Vec::with_capacity(touching.len());
    let width = |f: &Free| f.readings.first().map_or(0, Vec::len);
    if let Some(n) = combinations {
        // Every combination: the fewest broken, and whether each row's
        // reading is the same in all combinations that reach it.
        let mut best = usize::MAX;
        let mut agreed: Vec<Choice> = Vec::new();
        // The combinations that break the fewest, while few enough to locate.
        let mut ties = Ties {
            listed: Some(Vec::new()),
            always: Vec::new(),
            ever: Vec::new(),
        };
        for mut code in 0..n {
            for (i, f) in free.iter().enumerate() {
                let len = f.readings.len().max(1);
                choice[i] = code % len;
                code /= len;
                put(&mut grid, f, choice[i]);
            }
            breaks(&grid, &mut flags);
            let count = flags.iter().filter(|&&b| b).count();
            if count < best {
                best = count;
                agreed = free
                    .iter()
                    .zip(&choice)
                    .map(|(f, &k)| Choice::new(k, width(f)))
                    .collect();
                ties.listed = Some(vec![choice.clone()]);
                ties.always.clone_from(&flags);
                ties.ever.clone_from(&flags);
            } else if count == best {
                for ((a, f), &k) in agreed.iter_mut().zip(free).zip(&choice) {
                    a.differ(&f.readings, k);
                }
                ties.listed = ties.listed.filter(|t| t.len() < MAX_TIES).map(|mut t| {
                    t.push(choice.clone());
                    t
                });
                for ((a, e), &b) in ties.always.iter_mut().zip(&mut ties.ever).zip(&flags) {
                    *a &= b;
                    *e |= b;
                }
            }
        }
        let wrong = if best > 0 {
            wrong_however_split(&mut grid, free, (relations, &touching), &agreed, &ties)
        } else {
            vec![Vec::new(); free.len()]
        };
        return Solved {
            choices: agreed,
            broken: best,
            exhaustive: true,
            wrong,
        };
    }
    // Too many to try: each row in turn takes its best reading given the
    // others, and is decided only where that reading is the one best.
    for (i, f) in free.iter().enumerate() {
        put(&mut grid, f, choice[i]);
    }
    let mut decided: Vec<Choice> = free.iter().map(|f| Choice::new(0, width(f))).collect();
    let mut least = usize::MAX;
    for _ in 0..ROUNDS {
        for (i, f) in free.iter().enumerate() {
            let mut best = (usize::MAX, Choice::new(0, width(f)));
            for k in 0..f.readings.len() {
                put(&mut grid, f, k);
                breaks(&grid, &mut flags);
                let count = flags.iter().filter(|&&b| b).count();
                if count < best.0 {
                    best = (count, Choice::new(k, width(f)));
                } else if count == best.0 {
                    best.1.differ(&f.readings, k);
                }
            }
            least = best.0;
            choice[i] = best.1.reading;
            decided[i] = best.1;
            put(&mut grid, f, choice[i]);
        }
    }
    Solved {
        wrong: vec![Vec::new(); free.len()],
        choices: decided,
        broken: least,
        exhaustive: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::relations;

    /// Three rows of 2 + 1 columns (a row total each), and row 2 the sum
    /// of rows 0 and 1.
    fn three_rows() -> Vec<Relation> {
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
        rels
    }

    #[test]
    fn the_columns_decide_a_row_its_own_sum_leaves_open() {
        let rels = three_rows();
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
        let solved = solve(&grid, &free, &rels);
        assert_eq!(
            (solved.choices, solved.broken),
            (vec![Choice::new(1, 3)], 0)
        );
        // With the columns unknown, the two readings tie: the first is
        // taken, its first two cells unsure, the total certain.
        let grid = vec![vec![None; 3]; 3];
        let solved = solve(&grid, &free, &rels);
        assert_eq!(solved.broken, 0);
        assert_eq!(solved.choices[0].reading, 0);
        assert_eq!(solved.choices[0].unsure, [true, true, false]);
    }

    #[test]
    fn a_table_wrong_however_split_is_checked_where_a_fix_lies() {
        // Rows 0 and 2 run together, row 2 the sum of rows 0 and 1:
        // `55055` and `56055`, as 114's rows and its (七)总计.
        let rels = three_rows();
        let grid = vec![vec![None; 3], vec![Some(0); 3], vec![None; 3]];
        let free = [
            Free {
                row: 0,
                readings: vec![
                    vec![Some(5), Some(50), Some(55)],
                    vec![Some(55), Some(0), Some(55)],
                ],
            },
            Free {
                row: 2,
                readings: vec![
                    vec![Some(5), Some(60), Some(55)],
                    vec![Some(56), Some(0), Some(55)],
                ],
            },
        ];
        // Each reading of both together breaks two relations, and each is
        // mended by one cell of row 2: its 60 or its 56. Row 0 is right
        // either way, its cells unsure but none to check.
        let solved = solve(&grid, &free, &rels);
        assert_eq!(solved.broken, 2);
        assert_eq!(solved.choices[0].unsure, [true, true, false]);
        assert!(!solved.wrong[0].contains(&true));
        assert_eq!(solved.wrong[1], [true, true, false]);
        // A relation of certain cells broken says the table is wrong: the
        // rules report it, and no row is to check for being unsure.
        let grid = vec![
            vec![None; 3],
            vec![Some(0), Some(0), Some(1)],
            vec![None; 3],
        ];
        let solved = solve(&grid, &free, &rels);
        assert!(solved.wrong.iter().all(|w| !w.contains(&true)));
    }

    #[test]
    fn too_many_tied_readings_are_checked_where_the_relations_they_break_lie() {
        // One row of two groups (a, b, a + b), each of 40 readings breaking
        // one group's total; more than MAX_TIES, so none is located.
        let rels: Vec<Relation> = (0..2)
            .map(|g| Relation {
                kind: relations::Kind::GroupTotal,
                at: g,
                terms: vec![(0, 3 * g + 2, -1), (0, 3 * g, 1), (0, 3 * g + 1, 1)],
            })
            .collect();
        let reading = |n: i64, group: usize| {
            let mut r = vec![Some(1), Some(2), Some(3), Some(4), Some(5), Some(9)];
            r[3 * group] = Some(n);
            r
        };
        let grid = vec![vec![None; 6]];
        // Every reading breaks the first group: its cells are to check.
        let free = [Free {
            row: 0,
            readings: (10..50).map(|n| reading(n, 0)).collect(),
        }];
        let solved = solve(&grid, &free, &rels);
        assert_eq!(solved.broken, 1);
        assert_eq!(solved.wrong[0], [true, true, true, false, false, false]);
        // Half break one group, half the other: the cells of both.
        let free = [Free {
            row: 0,
            readings: (10..30)
                .map(|n| reading(n, 0))
                .chain((10..30).map(|n| reading(n, 1)))
                .collect(),
        }];
        let solved = solve(&grid, &free, &rels);
        assert_eq!(solved.broken, 1);
        assert_eq!(solved.wrong[0], [true; 6]);
    }
}
