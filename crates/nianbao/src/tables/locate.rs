//! Which cells to blame when a table's relations fail: the fewest cells
//! whose change makes every relation hold, as the Fellegi–Holt principle of
//! official statistics has it (R's `errorlocate` does the same with a
//! solver). Tables 三 and 四 are small, so the minimum is found exactly, by
//! trying sets of one, two, then three cells.
//!
//! A set is a fix when the relations, with its cells unknown and every
//! other cell as read, have a solution in counts: whole numbers, none
//! negative. In seed 003, (七)总计·自然人 26 agrees with 新收 26 and
//! 结转下年 0, so changing it alone breaks the balance: the fixes lie among
//! the outcome rows, whose sum 35 is what is wrong.

use super::relations::Relation;

/// A cell: row and column index.
pub type At = (usize, usize);

/// Largest set tried: beyond, the errors are too many to locate.
const MAX_CELLS: usize = 3;
/// Sets tested at most, a bound on the time a table can take.
const MAX_TESTS: usize = 20_000;
/// Fixes kept at most.
const MAX_FIXES: usize = 64;

/// What failed and which cells would mend it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The relations that fail, by index.
    pub failed: Vec<usize>,
    /// The smallest sets of cells whose change makes every relation hold,
    /// the first [`MAX_FIXES`]; empty when none of [`MAX_CELLS`] cells or
    /// fewer does.
    pub fixes: Vec<Fix>,
    /// How many fixes of that size there are.
    pub count: usize,
}

/// One set of cells whose change mends the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// The cells, in order.
    pub cells: Vec<At>,
    /// The value each cell would need, where the relations fix it.
    pub values: Option<Vec<i64>>,
}

/// Locates the errors of a table whose cells are read by `value`: a count,
/// `Some(None)` for an empty cell (a count the report left blank, so at
/// least 0), or `None` for a cell read with doubt, whose relations say
/// nothing. `None` when every relation that can be checked can hold.
/// `value` is a trait object: the reader ([`super::solve`]) and the rules
/// both locate, and one copy of the search serves them (two cost the
/// page's module 4 kB).
pub fn locate(
    value: &dyn Fn(At) -> Option<Option<i64>>,
    relations: &[Relation],
) -> Option<Located> {
    // Most tables hold: known so in one pass, before anything is built.
    let mut values = Vec::new();
    let holds = relations.iter().all(|rel| {
        values.clear();
        for &(r, c, _) in &rel.terms {
            match value((r, c)) {
                Some(v) => values.push(v),
                None => return true,
            }
        }
        can_hold(rel, &values)
    });
    if holds {
        return None;
    }
    // The relations free of doubt, with their cells' values.
    let known: Vec<(usize, &Relation, Vec<Option<i64>>)> = relations
        .iter()
        .enumerate()
        .filter_map(|(i, rel)| {
            let values: Option<Vec<Option<i64>>> =
                rel.terms.iter().map(|&(r, c, _)| value((r, c))).collect();
            Some((i, rel, values?))
        })
        .collect();
    let failed: Vec<usize> = known
        .iter()
        .filter(|(_, rel, values)| !can_hold(rel, values))
        .map(|(i, _, _)| *i)
        .collect();
    if failed.is_empty() {
        return None;
    }
    // The fixes are sought among the relations without empty cells, the
    // ones that say what a cell must be.
    let complete: Vec<(usize, &Relation, Vec<i64>)> = known
        .iter()
        .filter_map(|(i, rel, values)| {
            let values: Option<Vec<i64>> = values.iter().copied().collect();
            Some((*i, *rel, values?))
        })
        .collect();
    // An empty cell is no fix: a relation that fails with it fails for any
    // count in it.
    let mut empty: Vec<At> = known
        .iter()
        .flat_map(|(_, rel, values)| rel.terms.iter().zip(values))
        .filter(|(_, v)| v.is_none())
        .map(|(&(r, c, _), _)| (r, c))
        .collect();
    crate::sort::sort(&mut empty);
    empty.dedup();
    let by_cell = ByCell::new(complete.iter().map(|(_, rel, _)| *rel));
    let known_by_cell = ByCell::new(known.iter().map(|(_, rel, _)| *rel));
    let mut search = Search {
        known: &known,
        known_by_cell,
        by_cell,
        empty,
        complete: &complete,
        failed: failed.iter().map(|&i| &relations[i]).collect(),
        tested: 0,
        seen: Vec::new(),
        touched: Vec::new(),
        rows: Vec::new(),
        fixes: Vec::new(),
        count: 0,
    };
    for size in 1..=MAX_CELLS {
        search.grow(&mut Vec::new(), size);
        if search.count > 0 || search.tested >= MAX_TESTS {
            break;
        }
    }
    let (fixes, count) = (search.fixes, search.count);
    Some(Located {
        failed,
        fixes,
        count,
    })
}

/// Whether a relation can hold with its empty cells at some counts: it
/// holds, or what is missing can be made up by an empty cell on the side
/// that lacks it.
fn can_hold(rel: &Relation, values: &[Option<i64>]) -> bool {
    let mut sum: i64 = 0;
    let (mut up, mut down) = (false, false);
    for (&(_, _, k), v) in rel.terms.iter().zip(values) {
        match v {
            // A sum too large to add up says nothing: it may hold.
            Some(v) => match k.checked_mul(*v).and_then(|x| sum.checked_add(x)) {
                Some(next) => sum = next,
                None => return true,
            },
            None if k > 0 => up = true,
            None => down = true,
        }
    }
    sum == 0 || (sum < 0 && up) || (sum > 0 && down)
}

struct Search<'a> {
    known: &'a [(usize, &'a Relation, Vec<Option<i64>>)],
    complete: &'a [(usize, &'a Relation, Vec<i64>)],
    /// The relations of `complete` each cell stands in.
    by_cell: ByCell,
    /// The relations of `known` each cell stands in.
    known_by_cell: ByCell,
    /// The empty cells, sorted.
    empty: Vec<At>,
    failed: Vec<&'a Relation>,
    tested: usize,
    /// The sets tested, sorted.
    seen: Vec<[At; MAX_CELLS]>,
    /// Scratch: the relations of a set, and its equations.
    touched: Vec<usize>,
    rows: Vec<Equation>,
    fixes: Vec<Fix>,
    count: usize,
}

impl Search<'_> {
    /// Extends `chosen` to sets of `size` cells, each first covering a
    /// failed relation it leaves untouched, then the relations its cells
    /// take part in, and tests each set once.
    fn grow(&mut self, chosen: &mut Vec<At>, size: usize) {
        if self.tested >= MAX_TESTS {
            return;
        }
        let touches = |rel: &Relation, set: &[At]| set.iter().any(|&at| rel.has(at));
        let uncovered = self.failed.iter().find(|rel| !touches(rel, chosen));

        if chosen.len() == size {
            if uncovered.is_none() {
                let mut key = [(usize::MAX, usize::MAX); MAX_CELLS];
                key[..size].copy_from_slice(chosen);
                crate::sort::sort(&mut key[..size]);
                if let Err(at) = self.seen.binary_search(&key) {
                    self.seen.insert(at, key);
                    self.tested += 1;
                    // Only the relations of the chosen cells can change:
                    // the others hold, every failed one being touched.
                    self.touched.clear();
                    for &at in &key[..size] {
                        self.touched.extend(self.by_cell.of(at));
                    }
                    crate::sort::sort(&mut self.touched);
                    self.touched.dedup();
                    let relations = self.touched.iter().map(|&i| &self.complete[i]);
                    if let Some(values) = solve(relations, &key[..size], &mut self.rows) {
                        self.count += 1;
                        if self.fixes.len() < MAX_FIXES {
                            self.fixes.push(Fix {
                                cells: key[..size].to_vec(),
                                values,
                            });
                        }
                    }
                }
            }
            return;
        }
        // The cells to branch on: a failed relation not yet touched, else
        // every relation the chosen cells take part in.
        let mut next: Vec<At> = Vec::new();
        match uncovered {
            Some(rel) => {
                next.extend(rel.terms.iter().map(|&(r, c, _)| (r, c)));
            }
            None => {
                for &at in chosen.iter() {
                    for &i in self.known_by_cell.of(at) {
                        next.extend(self.known[i].1.terms.iter().map(|&(r, c, _)| (r, c)));
                    }
                }
            }
        }
        crate::sort::sort(&mut next);
        next.dedup();
        // The last cell of a set, taken from a failed relation none of the
        // others touches, must mend that relation alone: to a count, whole
        // and not negative, or the set is no fix. A sum too large to add up
        // says nothing: every cell may mend it.
        let alone = match uncovered {
            Some(rel) if chosen.len() + 1 == size => self
                .complete
                .iter()
                .find(|(_, r, _)| std::ptr::eq(*r, *rel))
                .map(|(_, rel, values)| (*rel, values, sum(rel, values))),
            _ => None,
        };
        for at in next {
            if chosen.contains(&at) || self.empty.binary_search(&at).is_ok() {
                continue;
            }
            if let Some((rel, values, Some(sum))) = alone {
                if !mends_alone(rel, values, sum, at) {
                    continue;
                }
            }
            chosen.push(at);
            self.grow(chosen, size);
            chosen.pop();
        }
    }
}

/// The relations each cell stands in, by their index in a list: a grid of
/// the cells the relations name, each with its relations in order, made
/// by counting, without a sort.
struct ByCell {
    width: usize,
    /// Where each cell's relations start in `relations`, row by row.
    starts: Vec<usize>,
    relations: Vec<usize>,
}

impl ByCell {
    fn new<'r>(relations: impl Iterator<Item = &'r Relation> + Clone) -> ByCell {
        let cells = || relations.clone().flat_map(|rel| rel.terms.iter());
        let width = cells().map(|&(_, c, _)| c + 1).max().unwrap_or(0);
        let height = cells().map(|&(r, _, _)| r + 1).max().unwrap_or(0);
        let mut starts = vec![0; width * height + 1];
        for &(r, c, _) in cells() {
            starts[r * width + c + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut next = starts.clone();
        let mut list = vec![0; starts[width * height]];
        for (i, rel) in relations.enumerate() {
            for &(r, c, _) in &rel.terms {
                let at = &mut next[r * width + c];
                list[*at] = i;
                *at += 1;
            }
        }
        ByCell {
            width,
            starts,
            relations: list,
        }
    }

    /// The relations cell `at` stands in, in order.
    fn of(&self, (r, c): At) -> &[usize] {
        if c >= self.width {
            return &[];
        }
        let k = r * self.width + c;
        match (self.starts.get(k), self.starts.get(k + 1)) {
            (Some(&from), Some(&to)) => &self.relations[from..to],
            _ => &[],
        }
    }
}

/// The sum of a relation's terms, `None` when it is too large to add up.
fn sum(rel: &Relation, values: &[i64]) -> Option<i64> {
    rel.terms
        .iter()
        .zip(values)
        .try_fold(0i64, |sum, (&(_, _, k), &v)| {
            sum.checked_add(k.checked_mul(v)?)
        })
}

/// Whether changing cell `at` alone can make `rel`, whose terms sum to
/// `sum`, hold: the value it would need is a whole count.
fn mends_alone(rel: &Relation, values: &[i64], sum: i64, at: At) -> bool {
    let (mut coefficient, mut now) = (0i64, 0i64);
    for (&(r, c, k), &v) in rel.terms.iter().zip(values) {
        if (r, c) == at {
            coefficient += k;
            now = v;
        }
    }
    // k·(new − now) = −sum.
    coefficient != 0 && sum % coefficient == 0 && now - sum / coefficient >= 0
}

/// A row of the equations [`solve`] eliminates: a coefficient for each
/// cell of a fix, and the right-hand side last.
type Equation = [i64; MAX_CELLS + 1];

/// Whether `relations` hold for some counts of `cells`, all others as read:
/// `None` when they cannot; else the counts where they are fixed. `rows` is
/// scratch space, reused from one set to the next.
fn solve<'r>(
    relations: impl Iterator<Item = &'r (usize, &'r Relation, Vec<i64>)>,
    cells: &[At],
    rows: &mut Vec<Equation>,
) -> Option<Option<Vec<i64>>> {
    let n = cells.len();
    rows.clear();
    // One equation a relation: the unknowns' coefficients = − the rest.
    for (_, rel, values) in relations {
        let mut row = [0i64; MAX_CELLS + 1];
        for (&(r, c, k), &v) in rel.terms.iter().zip(values) {
            match cells.iter().position(|&at| at == (r, c)) {
                Some(j) => row[j] += k,
                None => row[n] = row[n].checked_sub(k.checked_mul(v)?)?,
            }
        }
        if row[..n].iter().all(|&x| x == 0) {
            if row[n] != 0 {
                return None;
            }
            continue;
        }
        rows.push(row);
    }
    // Gaussian elimination in whole numbers, each row kept small by its gcd.
    let mut pivots: Vec<(usize, usize)> = Vec::new();
    let mut rank = 0;
    for col in 0..n {
        let Some(p) = (rank..rows.len()).find(|&i| rows[i][col] != 0) else {
            continue;
        };
        rows.swap(rank, p);
        let pivot = rows[rank];
        for (i, row) in rows.iter_mut().enumerate() {
            if i != rank && row[col] != 0 {
                let (a, b) = (pivot[col], row[col]);
                for (x, &p) in row[..=n].iter_mut().zip(&pivot[..=n]) {
                    // Numbers too large to eliminate: no fix is claimed.
                    *x = x.checked_mul(a)?.checked_sub(p.checked_mul(b)?)?;
                }
                reduce(&mut row[..=n]);
            }
        }
        pivots.push((rank, col));
        rank += 1;
    }
    if rows[rank..].iter().any(|row| row[n] != 0) {
        return None;
    }
    if rank < n {
        // Some cell is free: a solution in counts exists for some choice.
        return Some(None);
    }
    let mut values = vec![0i64; n];
    for &(row, col) in &pivots {
        let (a, b) = (rows[row][col], rows[row][n]);
        if b % a != 0 || b / a < 0 {
            return None;
        }
        values[col] = b / a;
    }
    Some(Some(values))
}

/// Divides a row by the gcd of its entries.
fn reduce(row: &mut [i64]) {
    let g = row.iter().fold(0u64, |g, &x| gcd(g, x.unsigned_abs()));
    if let Ok(g @ 2..) = i64::try_from(g) {
        for x in row.iter_mut() {
            *x /= g;
        }
    }
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::relations::Kind;

    /// Rows 0 and 1 are parts, row 2 their total, row 3 what the total must
    /// equal (as table 三's balance); column 2 holds each row's total.
    fn relations() -> Vec<Relation> {
        let mut rels: Vec<Relation> = (0..4)
            .map(|r| Relation {
                kind: Kind::RowTotal,
                at: r,
                terms: vec![(r, 0, 1), (r, 1, 1), (r, 2, -1)],
            })
            .collect();
        for c in 0..3 {
            rels.push(Relation {
                kind: Kind::OutcomeSum,
                at: c,
                terms: vec![(0, c, 1), (1, c, 1), (2, c, -1)],
            });
            rels.push(Relation {
                kind: Kind::Balance,
                at: c,
                terms: vec![(2, c, 1), (3, c, -1)],
            });
        }
        rels
    }

    fn grid(g: [[i64; 3]; 4]) -> impl Fn(At) -> Option<Option<i64>> {
        move |(r, c)| Some(Some(g[r][c]))
    }

    #[test]
    fn a_correct_table_has_nothing_to_locate() {
        let g = [[1, 2, 3], [4, 5, 9], [5, 7, 12], [5, 7, 12]];
        assert_eq!(locate(&grid(g), &relations()), None);
    }

    #[test]
    fn one_wrong_part_is_the_one_cell_to_blame() {
        // Cell (1, 1) should be 5: its row and its column both fail.
        let g = [[1, 2, 3], [4, 8, 9], [5, 7, 12], [5, 7, 12]];
        let found = locate(&grid(g), &relations()).unwrap();
        assert_eq!(found.failed.len(), 2);
        assert_eq!(found.count, 1);
        assert_eq!(
            found.fixes[0],
            Fix {
                cells: vec![(1, 1)],
                values: Some(vec![5])
            }
        );
    }

    #[test]
    fn a_total_that_agrees_with_its_other_relations_is_not_blamed() {
        // Row 1's part and total moved together: the total row agrees with
        // row 3, so it is not to blame, though the column sums fail at it.
        let g = [[1, 2, 3], [4, 8, 12], [5, 7, 12], [5, 7, 12]];
        let found = locate(&grid(g), &relations()).unwrap();
        assert_eq!(found.count, 1, "{found:?}");
        assert_eq!(found.fixes[0].cells, [(1, 1), (1, 2)]);
        assert_eq!(found.fixes[0].values, Some(vec![5, 9]));
    }

    #[test]
    fn an_empty_cell_is_at_least_0_and_never_blamed() {
        // Row 0's first cell is empty: row 2 states 5 where the parts known
        // already make 4, so the column can hold (with 1); but row 1's total
        // 12 is less than its parts 4 + 8, whatever the empty cell holds.
        let g = [[0, 2, 3], [4, 8, 12], [5, 10, 15], [5, 10, 15]];
        let value = |(r, c): At| {
            if (r, c) == (0, 0) {
                Some(None)
            } else {
                Some(Some(g[r][c]))
            }
        };
        assert_eq!(locate(&value, &relations()), None);
        let g = [[0, 2, 3], [4, 9, 12], [5, 11, 15], [5, 11, 15]];
        let value = |(r, c): At| {
            if (r, c) == (0, 0) {
                Some(None)
            } else {
                Some(Some(g[r][c]))
            }
        };
        let found = locate(&value, &relations()).unwrap();
        assert!(
            found.fixes.iter().all(|f| !f.cells.contains(&(0, 0))),
            "{found:?}"
        );
        assert!(found.count > 0, "{found:?}");
    }

    #[test]
    fn counts_are_never_negative() {
        // Row 0's part would have to be −1 for the column to add up.
        let g = [[0, 2, 2], [4, 5, 9], [3, 7, 10], [3, 7, 10]];
        let found = locate(&grid(g), &relations()).unwrap();
        assert!(found.fixes.iter().all(|f| f.cells != [(0, 0)]), "{found:?}");
    }
}
