//! The cells of a table region as one stream, and the runs of values in it.
//!
//! Whatever the layout, a table reaches us as labels and values in reading
//! order. A *group* is a run of values with the label text before it: one
//! row of a table in every layout we know. Where lines are rows (pipes,
//! tabs, Markdown, PDF text), a line break ends a group; where each cell has
//! its own line, only a label does.

use crate::layout::{self, Kind, Token};
use crate::report::Layout;
use crate::text::Document;

/// A token with the index of the line it came from.
#[derive(Debug, Clone)]
pub struct Placed<'a> {
    /// The cell.
    pub token: Token<'a>,
    /// Index of its line in [`crate::layout::Lines`].
    pub line: usize,
}

/// The tokens of lines `range` of the document, footers and Markdown rules left out.
pub fn tokens<'a>(
    doc: &'a Document,
    lines: &layout::Lines,
    range: std::ops::Range<usize>,
) -> Vec<Placed<'a>> {
    let mut out = Vec::new();
    for (i, line) in lines.all()[range.clone()].iter().enumerate() {
        if line.footer {
            continue;
        }
        let text = &doc.text[line.start..line.end];
        out.extend(
            layout::cells(text, line.start)
                .into_iter()
                .map(|token| Placed {
                    token,
                    line: range.start + i,
                }),
        );
    }
    out
}

/// A run of values and the label before it.
#[derive(Debug, Clone, Default)]
pub struct Group<'a> {
    /// The label text before the values, reduced by [`crate::text::canon`].
    pub label: String,
    /// Where the label lies in the normalised text.
    pub label_range: Option<(usize, usize)>,
    /// The values, with blank cells between them kept as blanks.
    pub items: Vec<Token<'a>>,
    /// Blank cells after the last value, which may stand for empty cells.
    pub trailing: Vec<Token<'a>>,
    /// Line of the first value.
    pub line: usize,
}

/// Cuts a token stream into groups.
pub fn groups<'a>(tokens: &[Placed<'a>], layout: Layout) -> Vec<Group<'a>> {
    let lines_are_rows = layout != Layout::CellPerLine;
    let mut out = Vec::new();
    let mut current = Group::default();
    let mut blanks: Vec<Token<'a>> = Vec::new();
    let mut label_line = None;
    let mut last_line = None;
    let close = |current: &mut Group<'a>, blanks: &mut Vec<Token<'a>>, out: &mut Vec<Group<'a>>| {
        let mut g = std::mem::take(current);
        if !g.items.is_empty() {
            g.trailing = std::mem::take(blanks);
            out.push(g);
        }
        blanks.clear();
    };
    for p in tokens {
        let new_line = last_line != Some(p.line);
        last_line = Some(p.line);
        if lines_are_rows && new_line {
            close(&mut current, &mut blanks, &mut out);
        }
        match &p.token.kind {
            Kind::Label(text) => {
                if !current.items.is_empty() {
                    close(&mut current, &mut blanks, &mut out);
                }
                // In row layouts a label only names values on its own line.
                if lines_are_rows && label_line != Some(p.line) {
                    current.label.clear();
                    current.label_range = None;
                }
                label_line = Some(p.line);
                current.label.push_str(text);
                current.label_range = Some(match current.label_range {
                    Some((s, _)) => (s, p.token.end),
                    None => (p.token.start, p.token.end),
                });
            }
            Kind::Blank => {
                if !current.items.is_empty() {
                    blanks.push(p.token.clone());
                }
            }
            Kind::Number(_) | Kind::Null => {
                if current.items.is_empty() {
                    current.line = p.line;
                    if lines_are_rows && label_line != Some(p.line) {
                        current.label.clear();
                        current.label_range = None;
                    }
                }
                current.items.append(&mut blanks);
                current.items.push(p.token.clone());
            }
        }
    }
    close(&mut current, &mut blanks, &mut out);
    out
}
