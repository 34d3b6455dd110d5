//! Tables whose cells ran together, their numbers made at random from a
//! fixed seed: seed 000 with every row of table 三 glued to its label
//! (`一、本年新收政府信息公开申请数量49300001493`), or with table 四 one run
//! of digits, consistent or with one cell changed. Read with the
//! template's arithmetic, no cell is read wrong without doubt, a
//! consistent table has no error, and an error found names the cell
//! changed, or, in table 四, cells of its group only.

mod common;

use nianbao::{Report, Severity, Table, Value};

/// xorshift64*: the same numbers on every machine, with no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> i64 {
        (self.next() % n) as i64
    }

    /// True one time in `n`.
    fn one_in(&mut self, n: u64) -> bool {
        self.next() % n == 0
    }

    /// A cell's change: up from 0, up or down otherwise.
    fn change(&mut self, v: i64) -> i64 {
        let steps: &[i64] = if v == 0 { &[1, 2, 10] } else { &[1, -1, 10] };
        v + steps[self.below(steps.len() as u64) as usize]
    }
}

/// The error diagnostics of the tables' arithmetic.
fn errors(report: &Report) -> Vec<&nianbao::Diagnostic> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && d.code.starts_with('T'))
        .collect()
}

/// The paths of the cells of `table` read as other than `written` (row
/// after row) with no doubt: a value read, not the one written.
fn read_wrong(table: &Table, written: &[Vec<i64>]) -> Vec<String> {
    assert_eq!(table.rows.len(), written.len());
    let mut wrong = Vec::new();
    for (row, values) in table.rows.iter().zip(written) {
        for (cell, &v) in row.cells.iter().zip(values) {
            if cell.value.is_some() && cell.value != Some(Value::Count(v)) && !cell.doubtful {
                wrong.push(table.path(row.key, cell.column));
            }
        }
    }
    wrong
}

/// How each trial of a kind ended.
#[derive(Default, Debug)]
struct Tally {
    consistent: usize,
    changed: usize,
    /// Changed, and an error names the cell (or, in 四, its group only).
    blamed: usize,
    /// Changed, and the table read with doubt, no error said.
    unread: usize,
    /// A cell read as other than written, with no doubt.
    read_wrong: usize,
}

#[test]
fn table_three_run_together_reads_right_and_blames_the_cell_changed() {
    let seed = common::seeds().remove(0);
    let lines: Vec<&str> = seed.lines().collect();
    // The rows of table 三: seven numbers after the label, in order.
    let rows: Vec<(usize, String)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let numbers = cells.iter().filter(|c| c.parse::<i64>().is_ok()).count();
            let label: String = cells
                .iter()
                .filter(|c| !c.is_empty() && c.parse::<i64>().is_err())
                .copied()
                .collect();
            (numbers == 7 && lines[..i].iter().any(|l| l.starts_with("三、收到")))
                .then_some((i, label))
        })
        .collect();
    assert_eq!(
        rows.len(),
        25,
        "2021 table 三: 新收, 结转, 21 results, 总计, 结转下年"
    );
    let (outcomes, total, forward) = (2..23, 23, 24);
    let mut rng = Rng(0x5EED_0003);
    let mut tally = Tally::default();
    for trial in 0..200 {
        let mut values = vec![vec![0i64; 7]; 25];
        for row in &mut values[outcomes.clone()] {
            for cell in &mut row[..6] {
                *cell = if rng.one_in(7) { 1 + rng.below(300) } else { 0 };
            }
        }
        // Each column: 新收 + 上年结转 = (七)总计 + 结转下年.
        (0..6).for_each(|c| {
            values[total][c] = outcomes.clone().map(|r| values[r][c]).sum();
            values[forward][c] = if rng.one_in(2) { rng.below(21) } else { 0 };
            values[1][c] = if rng.one_in(2) {
                rng.below(21).min(values[total][c] + values[forward][c])
            } else {
                0
            };
            values[0][c] = values[total][c] + values[forward][c] - values[1][c];
        });
        for row in &mut values {
            row[6] = row[..6].iter().sum();
        }
        let changed = (trial % 2 == 1).then(|| {
            let (r, c) = (rng.below(25) as usize, rng.below(6) as usize);
            values[r][c] = rng.change(values[r][c]);
            (r, c)
        });
        let mut text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        for ((i, label), v) in rows.iter().zip(&values) {
            text[*i] = format!(
                "{label}{}",
                v.iter().map(i64::to_string).collect::<String>()
            );
        }
        let text_lines = text.clone();
        let text = text.join("\n");
        let report = nianbao::check(&text);
        let table = report.tables.requests.as_ref().expect("table 三");
        if !read_wrong(table, &values).is_empty() {
            tally.read_wrong += 1;
            let tail: Vec<&String> = rows.iter().map(|(i, _)| &text_lines[*i]).collect();
            eprintln!("read wrong: {tail:#?}");
            continue;
        }
        let errors = errors(&report);
        match changed {
            None => {
                tally.consistent += 1;
                assert!(errors.is_empty(), "{errors:#?}\n{text}");
            }
            Some((r, c)) => {
                tally.changed += 1;
                let row = &table.rows[r];
                let path = table.path(row.key, row.cells[c].column);
                if !errors.is_empty() {
                    let named = errors.iter().any(|e| e.suspects.contains(&path));
                    assert!(named, "{path}: {errors:#?}\n{text}");
                    tally.blamed += 1;
                }
            }
        }
    }
    eprintln!("{tally:?}");
    // On 2026-12-01: of the 100 changed, 97 blamed, 2 read with doubt and
    // no error said, and 1 read wrong: a changed row's digits split one way
    // only keeping its sum (37414 94 9346 5 8 6058 52925 for 374 149 493
    // 465 860 585 2925, its 148 written 149), and too few other rows
    // certain to weigh the splits near what they predict.
    assert!(tally.blamed >= 95 && tally.read_wrong <= 1, "{tally:?}");
}

#[test]
fn table_four_run_together_reads_right_and_blames_the_group_changed() {
    let seed = common::seeds().remove(0);
    let row = "| 4 | 8 | 0 | 0 | 12 | 4 | 0 | 0 | 0 | 4 | 0 | 0 | 0 | 0 | 0 |";
    assert!(seed.contains(row));
    let mut rng = Rng(0x5EED_0004);
    let mut tally = Tally::default();
    for trial in 0..300 {
        let mut values: Vec<Vec<i64>> = (0..3)
            .map(|_| {
                let mut group: Vec<i64> = (0..4)
                    .map(|_| if rng.one_in(3) { 0 } else { 1 + rng.below(60) })
                    .collect();
                group.push(group.iter().sum());
                group
            })
            .collect();
        let changed = (trial % 2 == 1).then(|| {
            let (g, c) = (rng.below(3) as usize, rng.below(4) as usize);
            values[g][c] = rng.change(values[g][c]);
            (g, c)
        });
        let digits: String = values.iter().flatten().map(i64::to_string).collect();
        let text = seed.replacen(row, &digits, 1);
        let report = nianbao::check(&text);
        let table = report.tables.appeals.as_ref().expect("table 四");
        assert_eq!(read_wrong(table, &values), Vec::<String>::new(), "{digits}");
        let errors = errors(&report);
        match changed {
            None => {
                tally.consistent += 1;
                assert!(errors.is_empty(), "{digits}: {errors:#?}");
            }
            Some((g, c)) => {
                tally.changed += 1;
                // The group, or, where the tied readings break other
                // groups too, the cell among theirs.
                let row = &table.rows[g];
                let (path, group) = (
                    table.path(row.key, row.cells[c].column),
                    format!("appeals.{}.", row.key),
                );
                let suspects: Vec<&String> = errors.iter().flat_map(|e| &e.suspects).collect();
                let in_group = suspects.iter().all(|s| s.starts_with(&group));
                if suspects.is_empty() && table.doubtful() {
                    tally.unread += 1;
                    continue;
                }
                let named = suspects.contains(&&path) || (!suspects.is_empty() && in_group);
                assert!(named, "{digits}: {path}: {errors:#?}");
                tally.blamed += 1;
            }
        }
    }
    eprintln!("{tally:?}");
    // On 2026-12-01: 149 blamed; 1 too long to split (32 digits), read
    // with doubt (R002).
    assert_eq!(tally.consistent, 150, "{tally:?}");
    assert!(tally.blamed >= 148 && tally.read_wrong == 0, "{tally:?}");
}
