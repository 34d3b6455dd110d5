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
use crate::text::Document;

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
    /// hold, by the spacing seen before, and the first [`KEEP`] of them;
    /// then the run is over.
    fn cell<'a>(&mut self) -> (usize, Vec<Token<'a>>) {
        let run = std::mem::take(&mut self.run);
        let (mut count, mut out) = (0, Vec::new());
        if let Some(spacing) = self.spacing {
            if run > spacing && (run - spacing) % (spacing + 1) == 0 {
                count = (run - spacing) / (spacing + 1);
                out = (0..count.min(KEEP))
                    .map(|j| {
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
                    })
                    .collect();
            }
        }
        if self.seen && run > 0 {
            self.spacing = Some(self.spacing.map_or(run, |s| s.min(run)));
        }
        self.seen = true;
        self.starts.clear();
        (count, out)
    }
}

/// Reads the lines of a region (each with its index), footers and Markdown
/// rules left out, into groups: calls `label` with the text of every label
/// cell and `group` with each group as it closes, in reading order.
pub fn groups<'a>(
    doc: &'a Document,
    lines: impl Iterator<Item = (usize, layout::Line)>,
    layout: Layout,
    mut label: impl FnMut(&str),
    mut group: impl FnMut(Group<'a>),
) {
    let lines_are_rows = layout != Layout::CellPerLine;
    let mut current = Group::default();
    let mut blanks = Blanks::default();
    let mut label_line = None;
    // Blank cells after a label, before its first value on the same line.
    let mut leading: Vec<Token<'a>> = Vec::new();
    // One cell a line, with empty lines between cells (a bare-CR export):
    // the empty lines since the last cell, where the first few lie, and
    // the fewest seen between two values of a row, the export's spacing.
    let mut gap = Gap::default();
    let close =
        |current: &mut Group<'a>, blanks: &mut Blanks<'a>, out: &mut dyn FnMut(Group<'a>)| {
            let mut g = std::mem::take(current);
            let pending = std::mem::take(blanks);
            if !g.items.is_empty() {
                g.trailing = pending.kept;
                out(g);
            }
        };
    for (at, line) in lines {
        if line.footer {
            continue;
        }
        let text = &doc.text[line.start..line.end];
        if !lines_are_rows && crate::text::trim(text).is_empty() {
            gap.empty(line.start);
            continue;
        }
        let (mut empty_count, mut empty_cells) = if lines_are_rows {
            (0, Vec::new())
        } else {
            gap.cell()
        };
        let mut new_line = true;
        leading.clear();
        layout::for_each_cell(text, line.start, |token| {
            if lines_are_rows && new_line {
                close(&mut current, &mut blanks, &mut group);
            }
            // Empty cells before a value are cells of its row.
            if new_line && token.is_value() {
                blanks.count += std::mem::take(&mut empty_count);
                for blank in empty_cells.drain(..) {
                    if blanks.kept.len() < KEEP {
                        blanks.kept.push(blank);
                    }
                }
            }
            new_line = false;
            match &token.kind {
                Kind::Label(text) => {
                    label(text);
                    leading.clear();
                    if !current.items.is_empty() {
                        close(&mut current, &mut blanks, &mut group);
                    }
                    // In row layouts a label only names values on its own line.
                    if lines_are_rows && label_line != Some(at) {
                        current.label.clear();
                        current.label_range = None;
                    }
                    label_line = Some(at);
                    current.label.push_str(text);
                    current.label_range = Some(match current.label_range {
                        Some((s, _)) => (s, token.end),
                        None => (token.start, token.end),
                    });
                }
                Kind::Blank => {
                    if !current.items.is_empty() {
                        blanks.count += 1;
                        if blanks.kept.len() < KEEP {
                            blanks.kept.push(token);
                        }
                    } else if label_line == Some(at) && leading.len() < KEEP {
                        // A blank cell between a row's label and its values
                        // is a cell: it keeps the values in their columns.
                        leading.push(token);
                    }
                }
                Kind::Number(_) | Kind::Null => {
                    if current.items.is_empty() {
                        current.line = at;
                        if lines_are_rows && label_line != Some(at) {
                            current.label.clear();
                            current.label_range = None;
                        }
                        if label_line == Some(at) {
                            for blank in leading.drain(..) {
                                current.push(blank);
                            }
                        }
                    }
                    // Blanks followed by a value are cells between values.
                    if blanks.count > 0 {
                        let pending = std::mem::take(&mut blanks);
                        let more = pending.count - pending.kept.len();
                        for blank in pending.kept {
                            current.push(blank);
                        }
                        // The blanks not kept come after `KEEP` kept ones, so
                        // they lie beyond the kept values too: only counted.
                        current.dropped += more;
                    }
                    current.push(token);
                }
            }
        });
        // A label followed by blank cells only is a row left blank (blank
        // meaning 0 in a row of zeros): its blanks are its cells, and the
        // group is handed on for the tables to judge.
        if lines_are_rows && current.items.is_empty() && label_line == Some(at) {
            current.line = at;
            for blank in leading.drain(..) {
                current.push(blank);
            }
        }
    }
    close(&mut current, &mut blanks, &mut group);
}
