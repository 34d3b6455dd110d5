//! Fitting a run of values to the cells of a row: exactly, with trailing
//! blanks as empty cells, by splitting digits that ran together when the
//! arithmetic allows one reading only, or else with doubt.

use crate::layout::{Kind, Token};
use crate::report::Value;

/// One cell's reading: the value and its range in the normalised text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slot {
    /// The value, `None` for an empty cell.
    pub value: Option<Value>,
    /// Range in the normalised text.
    pub range: (usize, usize),
    /// A unit written after the number, such as `件`.
    pub unit: Option<&'static str>,
    /// Whether a number was written but is too large to be a count.
    pub too_large: bool,
}

/// How a row was fitted.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    /// One slot per cell; `None` where nothing was read.
    pub slots: Vec<Option<Slot>>,
    /// Whether the reading is uncertain.
    pub doubtful: bool,
    /// Values beyond the row's cells, to be reported: the first of them,
    /// as many as were kept.
    pub extra: Vec<Slot>,
    /// How many values lie beyond the row's cells, listed in `extra` or not.
    pub extra_count: usize,
    /// Whether digits that ran together were split.
    pub split: bool,
}

/// Longest digit run we try to split.
const MAX_SPLIT_DIGITS: usize = 24;

/// Fits `items` (with `trailing` blanks) to `width` cells. `holds` says
/// whether a complete reading satisfies the row's arithmetic.
///
/// `items` may be the first values of a longer run, `dropped` more
/// following them; `width` must be less than `items.len()` whenever
/// `dropped` is not zero, so that a row is read from `items` alone.
pub fn fit(
    items: &[Token],
    dropped: usize,
    trailing: &[Token],
    width: usize,
    holds: &dyn Fn(&[i64]) -> bool,
) -> Fitted {
    let slot = |t: &Token| match &t.kind {
        Kind::Number(n) => Slot {
            value: n.value,
            range: (t.start, t.end),
            unit: n.unit,
            too_large: n.value.is_none(),
        },
        _ => Slot {
            value: None,
            range: (t.start, t.end),
            unit: None,
            too_large: false,
        },
    };
    let mut slots: Vec<Option<Slot>> = items.iter().map(|t| Some(slot(t))).collect();
    if slots.len() < width && slots.len() + trailing.len() >= width {
        let need = width - slots.len();
        slots.extend(trailing[..need].iter().map(|t| Some(slot(t))));
    }
    if slots.len() == width {
        return Fitted {
            slots,
            doubtful: false,
            extra: Vec::new(),
            extra_count: 0,
            split: false,
        };
    }
    if slots.len() < width {
        if let Some(split) = split_digits(items, width, holds) {
            return Fitted {
                slots: split.into_iter().map(Some).collect(),
                doubtful: false,
                extra: Vec::new(),
                extra_count: 0,
                split: true,
            };
        }
        slots.resize(width, None);
        return Fitted {
            slots,
            doubtful: true,
            extra: Vec::new(),
            extra_count: 0,
            split: false,
        };
    }
    let extra: Vec<Slot> = slots.split_off(width).into_iter().flatten().collect();
    Fitted {
        slots,
        doubtful: true,
        extra_count: extra.len() + dropped,
        extra,
        split: false,
    }
}

/// The one way of splitting the digit runs of `items` into `width` counts
/// that satisfies `holds`, if there is exactly one.
fn split_digits(
    items: &[Token],
    width: usize,
    holds: &dyn Fn(&[i64]) -> bool,
) -> Option<Vec<Slot>> {
    let runs: Vec<(&str, usize)> = items
        .iter()
        .map(|t| match &t.kind {
            Kind::Number(n) if n.digits.bytes().all(|b| b.is_ascii_digit()) && n.unit.is_none() => {
                Some((n.digits, t.start))
            }
            _ => None,
        })
        .collect::<Option<_>>()?;
    let digits: usize = runs.iter().map(|r| r.0.len()).sum();
    if digits > MAX_SPLIT_DIGITS || digits < width {
        return None;
    }
    let mut found: Option<Vec<Slot>> = None;
    let mut count = 0;
    let mut current = Vec::with_capacity(width);
    search(
        &runs,
        0,
        0,
        width,
        holds,
        &mut current,
        &mut found,
        &mut count,
    );
    (count == 1).then_some(found).flatten()
}

/// Depth-first over the ways to cut run `r` from byte `at` onwards.
#[allow(clippy::too_many_arguments)]
fn search(
    runs: &[(&str, usize)],
    r: usize,
    at: usize,
    width: usize,
    holds: &dyn Fn(&[i64]) -> bool,
    current: &mut Vec<Slot>,
    found: &mut Option<Vec<Slot>>,
    count: &mut usize,
) {
    if *count > 1 || current.len() > width {
        return;
    }
    let Some(&(run, base)) = runs.get(r) else {
        if current.len() == width {
            let values: Vec<i64> = current
                .iter()
                .filter_map(|s| s.value.and_then(Value::count))
                .collect();
            if values.len() == width && holds(&values) {
                *count += 1;
                *found = Some(current.clone());
            }
        }
        return;
    };
    if at == run.len() {
        return search(runs, r + 1, 0, width, holds, current, found, count);
    }
    let rest = &run[at..];
    // A part is "0" alone, or digits not starting with 0.
    let max = if rest.starts_with('0') {
        1
    } else {
        rest.len().min(15)
    };
    for len in 1..=max {
        let Ok(n) = rest[..len].parse::<i64>() else {
            continue;
        };
        current.push(Slot {
            value: Some(Value::Count(n)),
            range: (base + at, base + at + len),
            unit: None,
            too_large: false,
        });
        search(runs, r, at + len, width, holds, current, found, count);
        current.pop();
    }
}

/// Whether the last value equals the sum of the others (a row of table 三).
pub fn total_is_sum(values: &[i64]) -> bool {
    match values.split_last() {
        Some((total, parts)) => parts.iter().sum::<i64>() == *total,
        None => false,
    }
}

/// Whether each group of five ends with the sum of its first four (table 四).
pub fn groups_of_five_sum(values: &[i64]) -> bool {
    values.chunks(5).all(total_is_sum)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::cells;

    fn read(line: &str, width: usize, holds: &dyn Fn(&[i64]) -> bool) -> Fitted {
        let tokens = cells(line, 0);
        fit(&tokens, 0, &[], width, holds)
    }

    fn values(f: &Fitted) -> Vec<Option<i64>> {
        f.slots
            .iter()
            .map(|s| s.and_then(|s| s.value).and_then(Value::count))
            .collect()
    }

    #[test]
    fn exact_rows_fit() {
        let f = read("1 2 3 0 0 0 6", 7, &total_is_sum);
        assert!(!f.doubtful && !f.split);
        assert_eq!(values(&f), [1, 2, 3, 0, 0, 0, 6].map(Some));
    }

    #[test]
    fn digits_run_together_are_split_when_only_one_reading_holds() {
        // 2 3 0 0 0 0 | 0 0 2 3 would be ambiguous; here 23 0 0 0 0 0 23 is the only one.
        let f = read("230 000023", 7, &total_is_sum);
        assert!(f.split, "{f:?}");
        assert_eq!(values(&f), [23, 0, 0, 0, 0, 0, 23].map(Some));
        assert_eq!(f.slots[6].unwrap().range, (8, 10));
    }

    #[test]
    fn ambiguous_or_short_rows_are_doubtful() {
        let f = read("11 0 0 0 0 0", 7, &total_is_sum);
        assert!(f.doubtful && !f.split);
        assert_eq!(values(&f)[6], None);
        let f = read("1 0 0 0 0 0 1 5", 7, &total_is_sum);
        assert!(f.doubtful);
        assert_eq!(f.extra.len(), 1);
    }
}
