//! Fitting a run of values to the cells of a row: exactly, with trailing
//! blanks as empty cells, by splitting digits that ran together when the
//! arithmetic allows one reading only, by placing the values of a row
//! whose blank cells left no trace, or else with doubt.

use crate::layout::number::decimal;
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
    /// Whether the number was written with a sign, `+82` or `-59`.
    pub signed: bool,
}

impl Slot {
    /// Whether the amount in this cell is in 元: its unit says so, or,
    /// with none, the table's header does (`header_in_yuan`).
    pub fn in_yuan(&self, header_in_yuan: bool) -> bool {
        self.unit == Some("元") || (header_in_yuan && self.unit.is_none())
    }
}

/// How a row was fitted.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    /// One slot per cell; `None` where nothing was read.
    pub slots: Vec<Option<Slot>>,
    /// Whether the reading is uncertain.
    pub doubtful: bool,
    /// The cells whose value is one of several readings that fit equally
    /// well (empty when there are none): each is doubtful, the others not.
    pub unsure: Vec<bool>,
    /// Values beyond the row's cells, to be reported: the first of them,
    /// as many as were kept.
    pub extra: Vec<Slot>,
    /// How many values lie beyond the row's cells, listed in `extra` or not.
    pub extra_count: usize,
    /// Whether digits that ran together were split, and what decided how.
    pub split: Option<Settled>,
    /// Where digits ran together and the row alone does not decide how to
    /// split them: every way that keeps the row's arithmetic, or every way
    /// when none does, for the table to choose from ([`super::solve`]).
    /// The row is doubtful until it does. A cell no value reaches (a blank
    /// that left no trace) is `None`.
    pub readings: Vec<Vec<Option<Slot>>>,
    /// Whether the readings place fewer values than the row has cells:
    /// blank cells left no trace in the text.
    pub lost: bool,
    /// Where the table is wrong however split ([`Settled::Broken`]), the
    /// cells of this row to check ([`super::solve::Solved::wrong`]).
    pub to_check: Vec<bool>,
    /// Whether digits ran together, no split keeps the row's arithmetic,
    /// and the splits were too many to list: the table lists those
    /// nearest what its other rows say ([`guided`]).
    pub unlisted: bool,
}

impl Fitted {
    /// A row read as `slots`, with no doubt.
    pub fn certain(slots: Vec<Option<Slot>>) -> Fitted {
        Fitted {
            slots,
            doubtful: false,
            unsure: Vec::new(),
            extra: Vec::new(),
            extra_count: 0,
            split: None,
            readings: Vec::new(),
            lost: false,
            to_check: Vec::new(),
            unlisted: false,
        }
    }

    /// Takes reading `k` of [`Fitted::readings`], as `settled` decided: the
    /// row is split, no longer doubtful, but for the cells `unsure` marks,
    /// where readings that fit as well hold other values.
    pub fn choose(&mut self, k: usize, settled: Settled, unsure: Vec<bool>) {
        if let Some(reading) = self.readings.get(k) {
            self.slots.clone_from(reading);
            self.doubtful = false;
            self.unsure = if unsure.contains(&true) {
                unsure
            } else {
                Vec::new()
            };
            self.split = Some(settled);
        }
    }

    /// Whether cell `i` is one of the unsure ones.
    pub fn is_unsure(&self, i: usize) -> bool {
        self.unsure.get(i).copied().unwrap_or(false)
    }

    /// The values of each reading, for [`super::solve`].
    pub fn reading_values(&self) -> Vec<Vec<Option<i64>>> {
        self.readings
            .iter()
            .map(|r| {
                r.iter()
                    .map(|s| s.and_then(|s| s.value).and_then(Value::count))
                    .collect()
            })
            .collect()
    }
}

/// What decided how digits that ran together were split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settled {
    /// The row's own arithmetic: one split only keeps it.
    Row,
    /// The table's: of the row's splits, one only keeps the table's relations.
    Table,
    /// None keeps every relation, every combination of the rows' splits
    /// tried: the split that breaks the fewest.
    Fewest,
    /// As `Fewest`, where the relations the splits break rest on cells the
    /// splits that break as few read otherwise ([`super::solve::Solved::wrong`]).
    Broken,
    /// Splits of too many rows to try every combination, each row's chosen
    /// in turn given the others: the split that breaks the fewest so.
    Rounds,
    /// Table 二, which has no arithmetic: of the splits that keep what its
    /// columns mean ([`super::likely`]), the one of the smallest numbers.
    Likely,
    /// Table 二's count of items and their amount: the split whose cost
    /// per item is likeliest, of the fewest items ([`super::likely`]).
    Costed,
}

/// Most digits of a row split every way; a row whose groups end in their
/// sum is split with each total forced, up to [`MAX_FORCED_DIGITS`].
const MAX_SPLIT_DIGITS: usize = 24;
/// Most digits of a row split with its groups' totals forced.
const MAX_FORCED_DIGITS: usize = 96;
/// Most parts tried in splitting one row: the search is bounded whatever
/// the row, so that reading stays linear in the input.
const MAX_STEPS: usize = 200_000;
/// Most readings of one row kept for the table to choose from.
const MAX_READINGS: usize = 256;
/// Most readings, and parts tried, of a row of groups with one group's
/// total free ([`one_group_broken`]), as a multiple of the others': the
/// free group alone splits many ways.
const FREE_GROUP_SCALE: usize = 4;
/// Most digits of any part, as many as a double holds exactly: those of
/// an amount, in 元 or 万元, before its point; a count has fewer
/// ([`Shape::max_digits`]).
const MAX_PART_DIGITS: usize = 15;

/// What a row is to hold, for [`fit`].
pub struct Shape<'a> {
    /// How many cells.
    pub width: usize,
    /// Whether a complete reading (an empty cell as 0) satisfies the row's
    /// arithmetic.
    pub holds: Holds<'a>,
    /// Whether the digits of several cells may have run together into
    /// one number, to be split.
    pub run_together: bool,
    /// Whether the table's blank cells left no trace (some row of it has
    /// fewer digits than cells) while each row's last cell, its total, is
    /// written: besides the splits into every cell that keep `holds`, the
    /// values are placed among the cells every way that keeps it.
    pub blanks_vanish: bool,
    /// The cells of a group whose last is the sum of the others (seven in
    /// table 三, five in table 四), which `holds` requires; 0 for none.
    pub group: usize,
    /// The most digits a value of the table has: a longer part is no split.
    pub max_digits: usize,
    /// Whether the row's last cell is an amount: the last part of a split
    /// may have up to [`MAX_PART_DIGITS`] digits and takes the fraction
    /// and unit of money written after them (`176586650.10元`).
    pub amount_last: bool,
}

/// Fits `items` (with `trailing` blanks) to the cells of `shape`.
///
/// `items` may be the first values of a longer run, `dropped` more
/// following them; `width` must be less than `items.len()` whenever
/// `dropped` is not zero, so that a row is read from `items` alone.
pub fn fit(items: &[Token], dropped: usize, trailing: &[Token], shape: &Shape) -> Fitted {
    let (width, holds) = (shape.width, shape.holds);
    let slot = |t: &Token| match &t.kind {
        Kind::Number(n) => Slot {
            value: n.value,
            range: (t.start, t.end),
            unit: n.unit,
            too_large: n.value.is_none(),
            signed: n.digits.starts_with(['+', '-']),
        },
        _ => Slot {
            value: None,
            range: (t.start, t.end),
            unit: None,
            too_large: false,
            signed: false,
        },
    };
    // A row with no value at all has none to misplace: every cell is empty,
    // however many of its blanks could be told from a converter's padding.
    if dropped == 0 && items.iter().all(|t| t.kind == Kind::Blank) {
        if let Some(last) = items.last() {
            let end = Slot {
                value: None,
                range: (last.end, last.end),
                unit: None,
                too_large: false,
                signed: false,
            };
            let slots = (0..width)
                .map(|i| Some(items.get(i).map_or(end, slot)))
                .collect();
            return Fitted::certain(slots);
        }
    }
    let items = past_label_blanks(items, dropped, width);
    let mut slots: Vec<Option<Slot>> = items.iter().map(|t| Some(slot(t))).collect();
    if slots.len() < width && slots.len() + trailing.len() >= width {
        let need = width - slots.len();
        slots.extend(trailing[..need].iter().map(|t| Some(slot(t))));
    }
    if slots.len() == width {
        return Fitted::certain(slots);
    }
    if slots.len() < width {
        // The splits into every cell that keep the arithmetic and, where
        // blank cells vanish, the placements of fewer values that keep it
        // too; if none does, every split, for the table to weigh what each
        // breaks.
        let some = |splits: Vec<Vec<Slot>>| -> Vec<Vec<Option<Slot>>> {
            splits
                .into_iter()
                .map(|split| split.into_iter().map(Some).collect())
                .collect()
        };
        // `None` when too many keep the arithmetic to list.
        let kept = if shape.run_together {
            kept_splits(items, shape)
        } else {
            Some(Vec::new())
        };
        let none_kept = kept.as_ref().is_some_and(Vec::is_empty);
        let mut splits = some(kept.unwrap_or_default());
        let mut lost = false;
        if shape.blanks_vanish {
            let placed = placements(items, shape);
            lost = !placed.is_empty();
            splits.extend(placed);
            if splits.len() > MAX_READINGS {
                splits.clear();
                lost = false;
            }
        }
        let mut unlisted = false;
        if splits.is_empty() && shape.run_together {
            splits = some(one_group_broken(items, shape));
        }
        if splits.is_empty() && shape.run_together {
            splits = some(every_split(items, shape));
            // Every split breaks the row's own sum: the bound [`guided`]
            // rests on.
            unlisted = splits.is_empty()
                && none_kept
                && !shape.blanks_vanish
                && splittable(items, shape).is_some();
        }
        let (keep, broken): (Vec<_>, Vec<_>) = splits
            .into_iter()
            .partition(|split| values_of(split).is_some_and(|v| holds(&v)));
        if let [only] = keep.as_slice() {
            let mut fitted = Fitted::certain(only.clone());
            fitted.split = Some(Settled::Row);
            fitted.lost = lost;
            return fitted;
        }
        // Which reading is right, if any, is for the table to say; until it
        // does, the row holds its numbers as written, with doubt.
        slots.resize(width, None);
        let mut fitted = Fitted::certain(slots);
        fitted.doubtful = true;
        fitted.readings = if keep.is_empty() { broken } else { keep };
        fitted.lost = lost;
        fitted.unlisted = unlisted;
        return fitted;
    }
    let extra: Vec<Slot> = slots.split_off(width).into_iter().flatten().collect();
    let mut fitted = Fitted::certain(slots);
    fitted.doubtful = true;
    fitted.extra_count = extra.len() + dropped;
    fitted.extra = extra;
    fitted
}

/// `items` past the blank cells between a label and the values, which are
/// cells unless the row has more cells than its `width`: a label cell
/// merged over two columns leaves one.
fn past_label_blanks<'t, 'a>(
    items: &'t [Token<'a>],
    dropped: usize,
    width: usize,
) -> &'t [Token<'a>] {
    let leading = items
        .iter()
        .take_while(|t| t.kind == Kind::Blank)
        .count()
        .min((items.len() + dropped).saturating_sub(width));
    &items[leading..]
}

/// The values of a reading for `holds`: an empty cell counts as 0 here,
/// to tell the readings apart (blank means none); `None` when a cell holds
/// what is not a count.
fn values_of(split: &[Option<Slot>]) -> Option<Vec<i64>> {
    split
        .iter()
        .map(|s| s.and_then(|s| s.value).map_or(Some(0), Value::count))
        .collect()
}

/// Whether a reading's values keep a row's arithmetic.
type Holds<'h> = &'h dyn Fn(&[i64]) -> bool;

/// A run of digits (with its sign), or an empty run for a mark of an
/// empty cell, with its range. The run that ends a row whose last cell is
/// an amount may end in a fraction and a unit (`176586650.10元`), which
/// belong to its last part.
#[derive(Debug, Clone, Copy)]
struct Run<'a> {
    /// The digits as written, sign first, fraction last.
    digits: &'a str,
    /// How many bytes of `digits` are cut into parts: all but the fraction.
    whole: usize,
    /// The unit written after the digits, if any.
    unit: Option<&'static str>,
    start: usize,
    end: usize,
}

impl Run<'_> {
    /// Whether the run's last part takes a fraction or a unit with it.
    fn has_tail(&self) -> bool {
        self.whole < self.digits.len() || self.unit.is_some()
    }
}

/// The runs of `items`, if every item is digits or a mark of an empty cell;
/// the last may be an amount when the row's last cell is (`amount_last`).
fn runs_of<'a>(items: &[Token<'a>], amount_last: bool) -> Option<Vec<Run<'a>>> {
    let last = items.len().saturating_sub(1);
    items
        .iter()
        .enumerate()
        .map(|(i, t)| run(t, amount_last && i == last))
        .collect()
}

/// The run of one item, if it is digits or a mark of an empty cell, or,
/// if it may be (`amount`), an amount: digits with a fraction, a unit of
/// money, or both.
fn run<'a>(t: &Token<'a>, amount: bool) -> Option<Run<'a>> {
    let (start, end) = (t.start, t.end);
    match &t.kind {
        Kind::Number(n) if n.unit.is_none() && is_digit_run(n.digits) => Some(Run {
            digits: n.digits,
            whole: n.digits.len(),
            unit: None,
            start,
            end,
        }),
        Kind::Number(n) if amount && matches!(n.unit, None | Some("元" | "万元")) => {
            // Digits, then a point and more digits, or not.
            let (whole, fraction) = match n.digits.split_once('.') {
                Some((_, "")) => return None,
                Some(parts) => parts,
                None => (n.digits, ""),
            };
            let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
            (!whole.is_empty() && digits(whole) && digits(fraction)).then_some(Run {
                digits: n.digits,
                whole: whole.len(),
                unit: n.unit,
                start,
                end,
            })
        }
        // An empty run: one empty cell, at the mark.
        Kind::Null => Some(Run {
            digits: "",
            whole: 0,
            unit: None,
            start,
            end,
        }),
        _ => None,
    }
}

/// Whether a row of `items` is digits only, and fewer than its `width`
/// cells: a row whose blank cells left no trace, the evidence that a
/// table's blank cells vanish.
pub fn too_few_digits(items: &[Token], width: usize) -> bool {
    let mut digits = 0;
    for t in items {
        match run(t, false) {
            Some(r) if r.whole > 0 => digits += r.whole,
            _ => return false,
        }
    }
    digits > 0 && digits < width
}

/// The runs of `items` if they may be split into the cells of `shape`,
/// and how many digits they hold.
fn splittable<'a>(items: &[Token<'a>], shape: &Shape) -> Option<(Vec<Run<'a>>, usize)> {
    // As many runs as items: a row of `width` items or more is no split.
    if items.len() >= shape.width {
        return None;
    }
    let runs = runs_of(items, shape.amount_last)?;
    let cells: usize = runs.iter().map(|r| r.whole.max(1)).sum();
    let digits: usize = runs.iter().map(|r| r.whole).sum();
    (digits <= MAX_FORCED_DIGITS && cells >= shape.width && runs.len() < shape.width)
        .then_some((runs, digits))
}

/// The splits of the numbers of `items` into the cells of `shape` that
/// keep `shape.holds`, each group's total forced to the sum before it: a
/// run of digits splits into parts that are `0` or open with another
/// digit; a sign before a run belongs to its first part; a mark of an
/// empty cell between them is one empty cell. At most [`MAX_READINGS`]
/// (`None` when there are more).
fn kept_splits(items: &[Token], shape: &Shape) -> Option<Vec<Vec<Slot>>> {
    let Some((runs, _)) = splittable(items, shape) else {
        return Some(Vec::new());
    };
    let mut keeping = Search::new(&runs, shape.width, shape);
    keeping.forced = shape.group > 0;
    keeping.filter = Some(shape.holds);
    keeping.all()
}

/// Where a row has several groups (table 四's three) and no split keeps
/// them all: the splits that keep every group's total but one's, each
/// other group's forced; at most [`FREE_GROUP_SCALE`] times
/// [`MAX_READINGS`] (none when there are more). The report's error is in
/// the group left free, which the table can then name.
fn one_group_broken(items: &[Token], shape: &Shape) -> Vec<Vec<Slot>> {
    let groups = shape.width.checked_div(shape.group).unwrap_or(0);
    if groups < 2 {
        return Vec::new();
    }
    let Some((runs, _)) = splittable(items, shape) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let search_most = MAX_READINGS * FREE_GROUP_SCALE;
    for broken in 0..groups {
        let mut search = Search::new(&runs, shape.width, shape);
        search.forced = true;
        search.free_group = Some(broken);
        search.most *= FREE_GROUP_SCALE;
        search.steps *= FREE_GROUP_SCALE;
        match search.all() {
            Some(splits) if found.len() + splits.len() <= search_most => found.extend(splits),
            _ => return Vec::new(),
        }
    }
    found
}

/// Every split of the numbers of `items` into the cells of `shape`, for a
/// row of at most [`MAX_SPLIT_DIGITS`] digits; at most [`MAX_READINGS`]
/// (none when there are more).
fn every_split(items: &[Token], shape: &Shape) -> Vec<Vec<Slot>> {
    let Some((runs, digits)) = splittable(items, shape) else {
        return Vec::new();
    };
    if digits > MAX_SPLIT_DIGITS {
        return Vec::new();
    }
    Search::new(&runs, shape.width, shape)
        .all()
        .unwrap_or_default()
}

/// Whether a cell holding `value` (`None` when empty, where a blank does
/// not stand for 0) differs from the values `predicted` for it: an empty
/// cell differs from none, for no relation fails on it.
pub fn misses(value: Option<i64>, predicted: &[i64]) -> bool {
    value.is_some_and(|v| !predicted.is_empty() && !predicted.contains(&v))
}

/// Most cells of a split [`guided`] lets differ from what the table
/// predicts: a report's own error is a cell or two.
pub const MAX_MISSES: usize = 2;

/// The splits of a row whose cells differ from `predicted`, the values
/// the table's other rows give each cell (none, where they give none,
/// which any value meets), in at most [`MAX_MISSES`] cells; at most
/// [`MAX_READINGS`] splits (none when there are more). For a row [`fit`]
/// left [`Fitted::unlisted`], or one split of which alone keeps the row's
/// sum, listed beside them.
///
/// A split left out differs in more cells, each breaking the relation
/// that predicts it, and breaks the row's own sum, as every split of such
/// a row does but the one listed beside: more than `MAX_MISSES + 1`
/// relations. Where the readings chosen break no more, none left out could
/// have done as well ([`super::solve_rows`] checks it).
pub fn guided(
    items: &[Token],
    dropped: usize,
    shape: &Shape,
    predicted: &[Vec<i64>],
) -> Vec<Vec<Option<Slot>>> {
    // With nothing predicted, every split is as near as any: too many.
    if predicted.iter().all(Vec::is_empty) {
        return Vec::new();
    }
    let items = past_label_blanks(items, dropped, shape.width);
    let Some((runs, _)) = splittable(items, shape) else {
        return Vec::new();
    };
    let mut search = Search::new(&runs, shape.width, shape);
    search.guide = predicted;
    search.misses = MAX_MISSES;
    search
        .all()
        .unwrap_or_default()
        .into_iter()
        .map(|split| split.into_iter().map(Some).collect())
        .collect()
}

/// A row of digits only whose blank cells left no trace: every split of
/// its digits into `n` values (fewer than the row's cells; between marks
/// of cells each number one value), the last, the total, forced to the sum
/// of the others, the last in the last cell and the others in `n - 1` of
/// the cells before it, in order, that keeps `shape.holds`; at most
/// [`MAX_READINGS`] (none when more keep it).
fn placements(items: &[Token], shape: &Shape) -> Vec<Vec<Option<Slot>>> {
    let (width, holds) = (shape.width, shape.holds);
    let Some(runs) = runs_of(items, shape.amount_last) else {
        return Vec::new();
    };
    let digits: usize = runs.iter().map(|r| r.whole).sum();
    if width < 2 || digits > MAX_FORCED_DIGITS || runs.iter().any(|r| r.whole == 0) {
        return Vec::new();
    }
    let (least, most) = if shape.run_together {
        (1, digits.min(width - 1))
    } else {
        (runs.len(), runs.len())
    };
    let mut found = Vec::new();
    for n in least..=most {
        let mut search = Search::new(&runs, n, shape);
        search.group = n;
        search.forced = true;
        search.filter = Some(holds);
        let Some(splits) = search.all() else {
            return Vec::new();
        };
        for split in splits {
            let Some((last, before)) = split.split_last() else {
                continue;
            };
            // Positions of the values before the last, as a rising sequence.
            let mut at: Vec<usize> = (0..before.len()).collect();
            loop {
                let mut reading = vec![None; width];
                reading[width - 1] = Some(*last);
                for (&i, slot) in at.iter().zip(before) {
                    reading[i] = Some(*slot);
                }
                if values_of(&reading).is_some_and(|v| holds(&v)) {
                    if found.len() == MAX_READINGS {
                        return Vec::new();
                    }
                    found.push(reading);
                }
                if !next_positions(&mut at, width - 1) {
                    break;
                }
            }
        }
    }
    found
}

/// The next rising sequence of `at.len()` positions below `limit`, in
/// lexicographic order; false after the last.
fn next_positions(at: &mut [usize], limit: usize) -> bool {
    let k = at.len();
    for i in (0..k).rev() {
        if at[i] < limit - (k - i) {
            at[i] += 1;
            for j in i + 1..k {
                at[j] = at[j - 1] + 1;
            }
            return true;
        }
    }
    false
}

/// Digits, with a sign before them at most.
fn is_digit_run(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A depth-first search over the ways to cut runs of digits into `width`
/// parts.
struct Search<'s, 'a> {
    runs: &'s [Run<'a>],
    width: usize,
    /// Group size for forced totals (see [`Shape::group`]).
    group: usize,
    /// Whether each group's last part is forced to the sum of the others.
    forced: bool,
    /// A group whose total is not forced, where the others' are.
    free_group: Option<usize>,
    /// Group ends past the free group (run, byte, parts before) from which
    /// no split was found.
    dead_ends: Vec<(usize, usize, usize)>,
    /// The readings kept, if not all.
    filter: Option<Holds<'s>>,
    /// The values predicted for each part ([`guided`]); a part not among
    /// its cell's (where it has some) is a miss.
    guide: &'s [Vec<i64>],
    /// Misses left to spend.
    misses: usize,
    /// Whether an empty cell stands for 0 ([`Shape::blanks_vanish`]).
    blanks_zero: bool,
    max_digits: usize,
    /// Whether the last run's last part is an amount (see [`Shape::amount_last`]).
    amount_last: bool,
    /// Parts left to try.
    steps: usize,
    found: Vec<Vec<Slot>>,
    /// Most readings found: [`MAX_READINGS`] unless said otherwise.
    most: usize,
    /// Whether more than `most` were found, or the steps ran out.
    overflow: bool,
}

impl<'s, 'a> Search<'s, 'a> {
    fn new(runs: &'s [Run<'a>], width: usize, shape: &Shape) -> Self {
        Search {
            runs,
            width,
            group: shape.group,
            forced: false,
            free_group: None,
            dead_ends: Vec::new(),
            filter: None,
            guide: &[],
            misses: 0,
            blanks_zero: shape.blanks_vanish,
            max_digits: shape.max_digits.clamp(1, MAX_PART_DIGITS),
            amount_last: shape.amount_last,
            steps: MAX_STEPS,
            most: MAX_READINGS,
            found: Vec::new(),
            overflow: false,
        }
    }

    /// Every reading the search finds; `None` when there are more than
    /// [`MAX_READINGS`] or the steps ran out.
    fn all(mut self) -> Option<Vec<Vec<Slot>>> {
        self.run(0, 0, &mut Vec::with_capacity(self.width));
        (!self.overflow).then_some(self.found)
    }

    /// Cuts run `r` from byte `at` onwards, after the parts `current`.
    /// Past the free group, what follows a group's end depends on where it
    /// ends only: where nothing followed once, nothing is tried again.
    fn run(&mut self, r: usize, at: usize, current: &mut Vec<Slot>) {
        let n = current.len();
        let past_free = self.group > 0
            && n % self.group == 0
            && self.free_group.is_some_and(|g| n / self.group > g);
        if !past_free {
            return self.cut(r, at, current);
        }
        if self.dead_ends.contains(&(r, at, n)) {
            return;
        }
        let before = self.found.len();
        self.cut(r, at, current);
        if self.found.len() == before && !self.overflow {
            self.dead_ends.push((r, at, n));
        }
    }

    /// [`Search::run`]'s work: each part that may start at byte `at` of
    /// run `r`, and what follows it.
    fn cut(&mut self, r: usize, at: usize, current: &mut Vec<Slot>) {
        if self.overflow || current.len() > self.width {
            return;
        }
        let Some(&run) = self.runs.get(r) else {
            self.leaf(current);
            return;
        };
        if run.whole == 0 {
            let Some(miss) = self.spend(current.len(), None) else {
                return;
            };
            current.push(Slot {
                value: None,
                range: (run.start, run.end),
                unit: None,
                too_large: false,
                signed: false,
            });
            self.run(r + 1, 0, current);
            current.pop();
            self.misses += usize::from(miss);
            return;
        }
        if at == run.whole {
            self.run(r + 1, 0, current);
            return;
        }
        let rest = &run.digits[at..run.whole];
        let sign = usize::from(at == 0 && rest.starts_with(['-', '+']));
        let body = &rest[sign..];
        // The row's last part, an amount, may be longer than a count.
        let amount = self.amount_last && r + 1 == self.runs.len();
        let longest = if amount {
            MAX_PART_DIGITS
        } else {
            self.max_digits
        };
        // A part is "0" alone, or digits not starting with 0.
        let max = if body.starts_with('0') {
            1
        } else {
            body.len().min(longest)
        };
        // A group's total, forced: the one part that is the sum before it.
        let total = (self.forced
            && self.group > 0
            && (current.len() + 1) % self.group == 0
            && self.free_group != Some(current.len() / self.group))
        .then(|| {
            let from = current.len() + 1 - self.group;
            current[from..].iter().try_fold(0i64, |sum, s| {
                sum.checked_add(s.value.map_or(Some(0), Value::count)?)
            })
        });
        for len in 1..=max {
            if self.steps == 0 {
                self.overflow = true;
                return;
            }
            self.steps -= 1;
            let ends = sign + len == rest.len();
            if len > self.max_digits && !ends {
                continue;
            }
            let Ok(n) = rest[..sign + len].parse::<i64>() else {
                continue;
            };
            if let Some(total) = total {
                if total != Some(n) || sign == 1 {
                    continue;
                }
            }
            // The run's last part takes its fraction and unit.
            let tail = ends && run.has_tail();
            let value = if tail && run.whole < run.digits.len() {
                decimal(&run.digits[at..]).map(Value::Amount)
            } else {
                Some(Value::Count(n))
            };
            let Some(miss) = self.spend(current.len(), value) else {
                continue;
            };
            current.push(Slot {
                value,
                range: (
                    run.start + at,
                    if tail {
                        run.end
                    } else {
                        run.start + at + sign + len
                    },
                ),
                unit: if tail { run.unit } else { None },
                too_large: false,
                signed: sign == 1,
            });
            self.run(r, at + sign + len, current);
            current.pop();
            self.misses += usize::from(miss);
            if self.overflow {
                return;
            }
        }
    }

    /// Whether part `i` holding `value` [`misses`] its cell's prediction,
    /// its miss spent; `None` when it misses with none left.
    fn spend(&mut self, i: usize, value: Option<Value>) -> Option<bool> {
        let n = match value {
            None if self.blanks_zero => Some(0),
            value => value.and_then(Value::count),
        };
        let miss = self.guide.get(i).is_some_and(|p| misses(n, p));
        if miss {
            self.misses = self.misses.checked_sub(1)?;
        }
        Some(miss)
    }

    /// A complete split, kept if it has `width` parts and passes the filter.
    fn leaf(&mut self, current: &[Slot]) {
        if current.len() != self.width {
            return;
        }
        if let Some(filter) = self.filter {
            let values: Option<Vec<i64>> = current
                .iter()
                .map(|s| s.value.map_or(Some(0), Value::count))
                .collect();
            if !values.is_some_and(|v| filter(&v)) {
                return;
            }
        }
        if self.found.len() == self.most {
            self.overflow = true;
            return;
        }
        self.found.push(current.to_vec());
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
        let shape = Shape {
            width,
            holds,
            run_together: true,
            blanks_vanish: false,
            group: 0,
            max_digits: 15,
            amount_last: false,
        };
        fit(&tokens, 0, &[], &shape)
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
        assert!(!f.doubtful && f.split.is_none());
        assert_eq!(values(&f), [1, 2, 3, 0, 0, 0, 6].map(Some));
    }

    #[test]
    fn digits_run_together_are_split_when_only_one_reading_holds() {
        // 2 3 0 0 0 0 | 0 0 2 3 would be ambiguous; here 23 0 0 0 0 0 23 is the only one.
        let f = read("230 000023", 7, &total_is_sum);
        assert_eq!(f.split, Some(Settled::Row), "{f:?}");
        assert_eq!(values(&f), [23, 0, 0, 0, 0, 0, 23].map(Some));
        assert_eq!(f.slots[6].unwrap().range, (8, 10));
    }

    #[test]
    fn marks_of_empty_cells_among_digits_are_cells() {
        // 8 50 / 0 / 0 85 breaks the row's sum, 85 0 / 0 / 0 85 keeps it.
        let f = read("850/0/085", 7, &total_is_sum);
        assert_eq!(f.split, Some(Settled::Row), "{f:?}");
        assert_eq!(
            values(&f),
            [Some(85), Some(0), None, Some(0), None, Some(0), Some(85)]
        );
    }

    #[test]
    fn a_row_of_blanks_is_a_row_of_empty_cells() {
        // Six blanks seen, the seventh lost beside the closing pipe.
        let f = read(" |  |  |  |  | ", 7, &total_is_sum);
        assert!(!f.doubtful && f.split.is_none());
        assert_eq!(values(&f), [None; 7]);
    }

    #[test]
    fn ambiguous_or_short_rows_are_doubtful() {
        let f = read("11 0 0 0 0 0", 7, &total_is_sum);
        assert!(f.doubtful && f.split.is_none());
        assert_eq!(values(&f)[6], None);
        let f = read("1 0 0 0 0 0 1 5", 7, &total_is_sum);
        assert!(f.doubtful);
        assert_eq!(f.extra.len(), 1);
    }

    #[test]
    fn an_amount_ending_a_row_keeps_its_fraction_and_unit_in_its_last_part() {
        let tokens = cells("176586650.10元", 0);
        let shape = |amount_last| Shape {
            width: 2,
            holds: &|_: &[i64]| true,
            run_together: true,
            blanks_vanish: false,
            group: 0,
            max_digits: 9,
            amount_last,
        };
        let f = fit(&tokens, 0, &[], &shape(true));
        assert!(f.doubtful);
        let seventeen = f
            .readings
            .iter()
            .find(|r| r[0].and_then(|s| s.value) == Some(Value::Count(17)))
            .expect("17 items of 6586650.10元 is a reading");
        let amount = seventeen[1].unwrap();
        assert_eq!(amount.value, Some(Value::Amount(6586650.1)));
        assert_eq!((amount.range, amount.unit), ((2, 15), Some("元")));
        // 1, 17, 176 … 17658665: one reading for each cut of the whole part.
        assert_eq!(f.readings.len(), 8);
        // A row whose last cell is a count cuts no fraction.
        assert!(fit(&tokens, 0, &[], &shape(false)).readings.is_empty());
    }

    #[test]
    fn a_row_with_too_many_splits_is_split_nearest_the_predictions() {
        let tokens = cells("12485678912341436", 0);
        let shape = Shape {
            width: 7,
            holds: &total_is_sum,
            run_together: true,
            blanks_vanish: false,
            group: 7,
            max_digits: 9,
            amount_last: false,
        };
        let f = fit(&tokens, 0, &[], &shape);
        assert!(f.doubtful && f.unlisted && f.readings.is_empty(), "{f:?}");
        let counts = |r: &[Option<Slot>]| -> Vec<Option<i64>> {
            r.iter()
                .map(|s| s.and_then(|s| s.value).and_then(Value::count))
                .collect()
        };
        let predicted = |values: [i64; 7]| values.map(|v| vec![v]).to_vec();
        // Every split at most two cells off what the other rows say: the
        // first six digits cut in two every way, the rest as predicted.
        let near = predicted([1247, 56, 78, 9, 12, 34, 1436]);
        let found = guided(&tokens, 0, &shape, &near);
        let heads: Vec<_> = found.iter().map(|r| counts(r)[..2].to_vec()).collect();
        let cut = |a: i64, b: i64| vec![Some(a), Some(b)];
        assert_eq!(
            heads,
            [
                cut(1, 24856),
                cut(12, 4856),
                cut(124, 856),
                cut(1248, 56),
                cut(12485, 6)
            ]
        );
        for r in &found {
            assert_eq!(counts(r)[2..], [78, 9, 12, 34, 1436].map(Some));
        }
        // A cell the other rows say nothing of takes what the digits leave.
        let mut open = predicted([1247, 56, 78, 9, 12, 34, 1436]);
        open[1].clear();
        let found = guided(&tokens, 0, &shape, &open);
        assert!(
            found.iter().any(|r| counts(r)[0] == Some(1248)),
            "{found:?}"
        );
        // Nothing predicted: no split is nearer than another.
        assert!(guided(&tokens, 0, &shape, &vec![Vec::new(); 7]).is_empty());
        // Three cells or more off every split: no reading.
        let far = guided(&tokens, 0, &shape, &predicted([1, 2, 3, 4, 5, 6, 21]));
        assert!(far.is_empty(), "{far:?}");
    }

    #[test]
    fn a_row_of_groups_one_of_them_wrong_is_split_with_that_group_free() {
        // Table 四 run together: 41 8 2 2 53 | 10 4 1 7 22 | 15 3 0 1 19,
        // its 8 written 9, so that no split keeps all three groups.
        let tokens = cells("419225310417221530119", 0);
        let shape = Shape {
            width: 15,
            holds: &groups_of_five_sum,
            run_together: true,
            blanks_vanish: false,
            group: 5,
            max_digits: 5,
            amount_last: false,
        };
        let f = fit(&tokens, 0, &[], &shape);
        assert!(f.doubtful && !f.unlisted, "{f:?}");
        // 15 splits of 4192253 into five, and 10 4 1 7 22 or 1 0 4 17 22
        // after it; no other group can be the one left free.
        assert_eq!(f.readings.len(), 30);
        for reading in f.reading_values() {
            let values: Vec<i64> = reading.iter().map(|v| v.unwrap_or(0)).collect();
            assert!(values[5..].chunks(5).all(total_is_sum), "{values:?}");
            assert!(!total_is_sum(&values[..5]), "{values:?}");
        }
    }
}
