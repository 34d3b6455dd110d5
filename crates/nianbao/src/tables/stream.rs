//! The cells of a table region as one stream, and the runs of values in it.
//!
//! Whatever the layout, a table reaches us as labels and values in reading
//! order. A *group* is a run of values with the label text before it: one
//! row of a table in every layout we know. Where lines are rows (pipes,
//! tabs, Markdown, PDF text), a line break ends a group; where each cell has
//! its own line, only a label does. A label followed by blank cells only
//! is a group of blanks.
//!
//! Groups are handed on one at a time as they close, and each keeps only
//! its first [`KEEP`] values: a region of a hostile input may hold millions
//! of cells, and a row never needs more than its width plus the numbers that
//! can still be reported one by one. Beyond them a group keeps counts, and
//! the places of the first numbers, which may still be reported as unplaced.

use crate::layout::{self, Kind, Token};
use crate::report::Layout;
use crate::text::{canon_into, Document};

/// Values kept per group: more than the widest row (fifteen, table 四 read
/// as one run) plus the most unplaced numbers reported one by one (twenty),
/// so that everything a row or a diagnostic shows lies within them.
pub const KEEP: usize = 64;
/// Numbers beyond [`KEEP`] whose places a group keeps, for R003.
pub const LATER: usize = 20;

/// A run of values and the label before it.
#[derive(Debug, Clone, Default)]
pub struct Group<'a> {
    /// The label text before the values, reduced by [`crate::text::canon`].
    pub label: String,
    /// Where the label lies in the normalised text.
    pub label_range: Option<(usize, usize)>,
    /// The first [`KEEP`] values, with blank cells between them kept as blanks.
    pub items: Vec<Token<'a>>,
    /// How many values (and blanks between them) follow `items`.
    pub dropped: usize,
    /// Where the first [`LATER`] numbers among the dropped values lie.
    pub later_numbers: Vec<(usize, usize)>,
    /// How many numbers are among the dropped values.
    pub later_number_count: usize,
    /// The first [`KEEP`] blank cells after the last value, which may stand
    /// for empty cells.
    pub trailing: Vec<Token<'a>>,
    /// Line of the first value.
    pub line: usize,
}

impl<'a> Group<'a> {
    /// Adds a value (or a blank between values) at the end.
    fn push(&mut self, token: Token<'a>) {
        if self.items.len() < KEEP {
            self.items.push(token);
            return;
        }
        self.dropped += 1;
        if matches!(token.kind, Kind::Number(_)) {
            self.later_number_count += 1;
            if self.later_numbers.len() < LATER {
                self.later_numbers.push((token.start, token.end));
            }
        }
    }

    /// Empties the group, keeping the room of its lists.
    fn clear(&mut self) {
        self.label.clear();
        self.label_range = None;
        self.items.clear();
        self.dropped = 0;
        self.later_numbers.clear();
        self.later_number_count = 0;
        self.trailing.clear();
        self.line = 0;
    }

    /// Whether the group holds blank cells only: a row whose cells were all
    /// left empty, or a header padded with empty cells.
    pub fn is_blank(&self) -> bool {
        self.items.iter().all(|t| t.kind == Kind::Blank)
    }

    /// The places of the numbers among the values, in order, and how many
    /// more there are beyond those listed.
    pub fn numbers(&self) -> (impl Iterator<Item = (usize, usize)> + '_, usize) {
        let kept = self
            .items
            .iter()
            .filter(|t| matches!(t.kind, Kind::Number(_)))
            .map(|t| (t.start, t.end));
        let more = self.later_number_count - self.later_numbers.len();
        (kept.chain(self.later_numbers.iter().copied()), more)
    }
}

/// Blank cells after the last value, until a value or the end of the group
/// says what they are: the first [`KEEP`], and how many.
#[derive(Default)]
struct Blanks<'a> {
    kept: Vec<Token<'a>>,
    count: usize,
}

/// The empty lines between the cells of a region laid out one cell a
/// line, where an export puts the same number of them between every two
/// cells of a row (corpus 108: two) and an empty cell is an empty line
/// with that spacing around it: `spacing + k × (spacing + 1)` empty lines
/// before a cell hold `k` empty cells.
#[derive(Default)]
struct Gap {
    /// Empty lines since the last cell.
    run: usize,
    /// Where the first [`KEEP`] of them start.
    starts: Vec<usize>,
    /// The fewest empty lines seen between two cells, where there were
    /// any: a label wrapped onto two lines has none.
    spacing: Option<usize>,
    /// Whether a cell was seen.
    seen: bool,
}

impl Gap {
    fn empty(&mut self, start: usize) {
        self.run += 1;
        if self.starts.len() < KEEP {
            self.starts.push(start);
        }
    }

    /// A line with a cell: how many empty cells the empty lines before it
    /// hold, by the spacing seen before, with the first [`KEEP`] of them
    /// put in `out` (emptied first); then the run is over.
    fn cell<'a>(&mut self, out: &mut Vec<Token<'a>>) -> usize {
        let run = std::mem::take(&mut self.run);
        let mut count = 0;
        out.clear();
        if let Some(spacing) = self.spacing {
            if run > spacing && (run - spacing) % (spacing + 1) == 0 {
                count = (run - spacing) / (spacing + 1);
                out.extend((0..count.min(KEEP)).map(|j| {
                    let at = self
                        .starts
                        .get(spacing + j * (spacing + 1))
                        .or(self.starts.last())
                        .copied()
                        .unwrap_or_default();
                    Token {
                        kind: Kind::Blank,
                        start: at,
                        end: at,
                    }
                }));
            }
        }
        if self.seen && run > 0 {
            self.spacing = Some(self.spacing.map_or(run, |s| s.min(run)));
        }
        self.seen = true;
        self.starts.clear();
        count
    }
}

/// What a region's groups are handed to, as they close: one collector for
/// each way of reading the lines, the one of the region's layout kept.
pub trait Collect<'a>: Default {
    /// Takes in the next group: takes what it keeps of it, and leaves the
    /// rest, whose room is used again for the next group (a region may
    /// hold millions of groups, most of them only counted).
    fn group(&mut self, group: &mut Group<'a>);
}

/// Reads the lines of a region (each with its index), footers and Markdown
/// rules left out, into groups, cutting each line into cells once: calls
/// `label` with the text of every label cell, in reading order, and returns
/// the layout the lines show with the groups read by it. The groups are
/// read both ways a table's lines may be laid, as rows and one cell a
/// line, while the lines vote for their layout, so no line is cut twice;
/// once the vote is settled, by the lines to come being too few to turn
/// it, only the reading it chose goes on.
pub fn groups<'a, C: Collect<'a>>(
    doc: &'a Document,
    mut lines: impl Iterator<Item = (usize, layout::Line)>,
    mut label: impl FnMut(&str),
) -> (Layout, C) {
    let mut rows = Reading::<C>::new(true);
    let mut cells = Reading::<C>::new(false);
    let (mut by_rows, mut by_cells) = (true, true);
    let mut vote = layout::Vote::default();
    // A label's words reduced once, for both readings and `label`.
    let mut canonical = String::new();
    while let Some((at, line)) = lines.next() {
        let text = &doc.text[line.start..line.end];
        // A sentence between a heading and its table (`2022年,本机关共发生
        // 行政复议2件,…`) holds no cell, as a footer holds none.
        if line.footer || layout::is_prose_line(text) {
            continue;
        }
        // A line of nothing holds no cell: to a reading by rows it is
        // nothing, to one cell a line maybe an empty cell.
        if text.is_empty() {
            if by_cells {
                cells.empty_line(line.start);
            }
            continue;
        }
        let empty = crate::text::trim(text).is_empty();
        let by_cells_here = by_cells && !empty;
        if by_rows {
            rows.begin_line();
        }
        if by_cells && empty {
            cells.empty_line(line.start);
        } else if by_cells {
            cells.begin_line();
        }
        let (mut values, mut labels) = (0, 0);
        let sep = layout::for_each_cell(text, line.start, |token| {
            values += usize::from(token.is_value());
            canonical.clear();
            if let Kind::Label(words) = token.kind {
                labels += 1;
                canon_into(words, &mut canonical);
                label(&canonical);
            }
            if by_rows {
                rows.token(at, &token, &canonical);
            }
            if by_cells_here {
                cells.token(at, &token, &canonical);
            }
        });
        if by_rows {
            rows.end_line(at, values);
        }
        if !empty {
            if by_cells {
                cells.end_line(at, values);
            }
            vote.line(sep, values, labels);
        }
        if by_rows && by_cells {
            let remaining = lines.size_hint().1.unwrap_or(usize::MAX);
            match vote.settled(remaining) {
                Some(true) => by_rows = false,
                Some(false) => by_cells = false,
                None => {}
            }
        }
    }
    let layout = vote.layout(doc.is_html);
    let chosen = if layout == Layout::CellPerLine {
        debug_assert!(by_cells);
        cells
    } else {
        debug_assert!(by_rows);
        rows
    };
    (layout, chosen.finish())
}

/// The groups of a region as one way of reading its lines makes them.
struct Reading<'a, C> {
    /// Whether a line break ends a group (rows), or only a label does (one
    /// cell a line).
    lines_are_rows: bool,
    current: Group<'a>,
    blanks: Blanks<'a>,
    label_line: Option<usize>,
    /// Blank cells after a label, before its first value on the same line;
    /// or the blank cells of a line that so far holds nothing else.
    leading: Vec<Token<'a>>,
    /// Rows: whether this line held blank cells only so far.
    blanks_only: bool,
    /// One cell a line, with empty lines between cells (a bare-CR export):
    /// the empty lines since the last cell, where the first few lie, and
    /// the fewest seen between two values of a row, the export's spacing.
    gap: Gap,
    /// The empty cells the empty lines before this line hold.
    empty_count: usize,
    empty_cells: Vec<Token<'a>>,
    /// Whether no cell of this line was read yet.
    new_line: bool,
    /// Rows: whether the last line held labels alone, and whether this
    /// line follows one, whose label names the values it opens with.
    label_alone: bool,
    after_label_alone: bool,
    out: C,
}

impl<'a, C: Collect<'a>> Reading<'a, C> {
    fn new(lines_are_rows: bool) -> Self {
        Reading {
            lines_are_rows,
            current: Group::default(),
            blanks: Blanks::default(),
            label_line: None,
            leading: Vec::new(),
            blanks_only: false,
            gap: Gap::default(),
            empty_count: 0,
            empty_cells: Vec::new(),
            new_line: true,
            label_alone: false,
            after_label_alone: false,
            out: C::default(),
        }
    }

    /// Hands on the current group, if it holds a value, and starts the next.
    fn close(&mut self) {
        let pending = std::mem::take(&mut self.blanks);
        if !self.current.items.is_empty() {
            self.current.trailing = pending.kept;
            self.out.group(&mut self.current);
        }
        self.current.clear();
    }

    /// An empty line: one cell a line, it may stand for empty cells.
    fn empty_line(&mut self, start: usize) {
        self.gap.empty(start);
    }

    fn begin_line(&mut self) {
        self.empty_count = if self.lines_are_rows {
            self.empty_cells.clear();
            0
        } else {
            self.gap.cell(&mut self.empty_cells)
        };
        self.new_line = true;
        self.after_label_alone = std::mem::take(&mut self.label_alone);
        self.leading.clear();
        self.blanks_only = self.lines_are_rows;
    }

    /// Takes in the next cell of line `at`; a label's text, reduced, is `canonical`.
    fn token(&mut self, at: usize, token: &Token<'a>, canonical: &str) {
        let rows = self.lines_are_rows;
        // A line of rows ends the group of the one before, but for a label
        // alone on it, which names this line's values.
        if rows && self.new_line && !self.after_label_alone {
            self.close();
        }
        // Empty cells before a value are cells of its row.
        if self.new_line && token.is_value() {
            self.blanks.count += std::mem::take(&mut self.empty_count);
            for blank in self.empty_cells.drain(..) {
                if self.blanks.kept.len() < KEEP {
                    self.blanks.kept.push(blank);
                }
            }
        }
        self.new_line = false;
        self.blanks_only &= token.kind == Kind::Blank;
        match &token.kind {
            Kind::Label(_) => {
                self.leading.clear();
                if !self.current.items.is_empty() {
                    self.close();
                }
                // In row layouts a label only names values on its own line.
                if rows && self.label_line != Some(at) {
                    self.current.label.clear();
                    self.current.label_range = None;
                }
                self.label_line = Some(at);
                self.current.label.push_str(canonical);
                self.current.label_range = Some(match self.current.label_range {
                    Some((s, _)) => (s, token.end),
                    None => (token.start, token.end),
                });
            }
            Kind::Blank => {
                if !self.current.items.is_empty() {
                    self.blanks.count += 1;
                    if self.blanks.kept.len() < KEEP {
                        self.blanks.kept.push(token.clone());
                    }
                } else if (self.label_line == Some(at) || self.blanks_only)
                    && self.leading.len() < KEEP
                {
                    // A blank cell between a row's label and its values
                    // is a cell: it keeps the values in their columns.
                    self.leading.push(token.clone());
                }
            }
            Kind::Number(_) | Kind::Null => {
                if self.current.items.is_empty() {
                    self.current.line = at;
                    // A label on a line of its own names the values the
                    // next line opens with (`| 行政规范性文件` / `| 6 | 1 |`).
                    let named = self.label_line == Some(at) || self.after_label_alone;
                    if rows && !named {
                        self.current.label.clear();
                        self.current.label_range = None;
                    }
                    if self.label_line == Some(at) {
                        for blank in self.leading.drain(..) {
                            self.current.push(blank);
                        }
                    }
                }
                // Blanks followed by a value are cells between values.
                if self.blanks.count > 0 {
                    let pending = std::mem::take(&mut self.blanks);
                    let more = pending.count - pending.kept.len();
                    for blank in pending.kept {
                        self.current.push(blank);
                    }
                    // The blanks not kept come after `KEEP` kept ones, so
                    // they lie beyond the kept values too: only counted.
                    self.current.dropped += more;
                }
                self.current.push(token.clone());
            }
        }
    }

    /// Ends line `at`, which held `values` values.
    fn end_line(&mut self, at: usize, values: usize) {
        self.label_alone = self.lines_are_rows
            && values == 0
            && self.current.items.is_empty()
            && self.label_line == Some(at)
            && self.leading.is_empty();
        // A label followed by blank cells only is a row left blank (blank
        // meaning 0 in a row of zeros): its blanks are its cells, and the
        // group is handed on for the tables to judge. So is a line of blank
        // cells alone, named by a label alone on the line before it, or by
        // none: a converter may leave a row's label apart from its cells.
        if self.lines_are_rows
            && self.current.items.is_empty()
            && (self.label_line == Some(at) || self.blanks_only && !self.leading.is_empty())
        {
            self.current.line = at;
            for blank in self.leading.drain(..) {
                self.current.push(blank);
            }
        }
    }

    fn finish(mut self) -> C {
        self.close();
        self.out
    }
}
