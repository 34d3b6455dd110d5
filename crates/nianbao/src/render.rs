//! Diagnostics rendered as a compiler renders them: severity and code, the
//! message, `--> file:line:column`, the line of text and a caret under the
//! span, then the cells to check (suspects), the cells, note and help.

use std::fmt::Write;

use crate::{Diagnostic, LineIndex};

/// Characters shown on each side of a span on a long line.
const CONTEXT: usize = 30;

/// Renders one diagnostic of `file`, whose text is indexed by `index`.
///
/// ```
/// use nianbao::{codes, render, Diagnostic, LineIndex, Span};
/// let text = "(七)总计 | 26 |";
/// let at = text.find("26").unwrap();
/// let d = Diagnostic::new(codes::REQUESTS_OUTCOME_SUM, "(七)总计·自然人 为 26，各项办理结果之和为 35").with_span(Span::new(at, at + 2));
/// assert!(render::diagnostic(&d, "a.txt", &LineIndex::new(text)).contains("--> a.txt:1:9"));
/// ```
pub fn diagnostic(d: &Diagnostic, file: &str, index: &LineIndex) -> String {
    let mut out = format!("{}[{}]: {}\n", d.severity.as_str(), d.code, d.message);
    if let Some(span) = d.span {
        let start = index.position(span.start);
        let end = index.position(span.end);
        let line = index.line_text(start.line);
        let line_start = index.line_start(start.line);
        let pad = " ".repeat(start.line.to_string().len());
        let _ = writeln!(out, "{pad}--> {file}:{}:{}", start.line, start.column);
        let _ = writeln!(out, "{pad} |");
        let from = span.start.saturating_sub(line_start).min(line.len());
        let from = (0..=from)
            .rev()
            .find(|&i| line.is_char_boundary(i))
            .unwrap_or(0);
        let to = if end.line == start.line {
            span.end.saturating_sub(line_start).clamp(from, line.len())
        } else {
            line.len()
        };
        let to = (to..=line.len())
            .find(|&i| line.is_char_boundary(i))
            .unwrap_or(line.len());
        // Long lines (a PDF paragraph, a page on one line) are cut around the span.
        let shown_from = line[..from]
            .char_indices()
            .rev()
            .take(CONTEXT)
            .last()
            .map_or(from, |(i, _)| i);
        let shown_to = line[to..]
            .char_indices()
            .nth(CONTEXT)
            .map_or(line.len(), |(i, _)| to + i);
        let lead = if shown_from > 0 { "…" } else { "" };
        let tail = if shown_to < line.len() { "…" } else { "" };
        let text = |a: usize, b: usize| line[a..b].replace('\t', " ");
        let _ = writeln!(
            out,
            "{} | {lead}{}{tail}",
            start.line,
            text(shown_from, shown_to)
        );
        let before = format!("{lead}{}", text(shown_from, from));
        let carets = width(&text(from, to)).max(1);
        let _ = writeln!(
            out,
            "{pad} | {}{}",
            " ".repeat(width(&before)),
            "^".repeat(carets)
        );
    } else {
        let _ = writeln!(out, "  --> {file}");
    }
    for r in &d.related {
        let p = index.position(r.span.start);
        let _ = writeln!(out, "  = {}: {file}:{}:{}", r.message, p.line, p.column);
    }
    if !d.suspects.is_empty() {
        let _ = writeln!(out, "  = suspects: {}", d.suspects.join(", "));
    }
    if !d.cells.is_empty() {
        let _ = writeln!(out, "  = cells: {}", d.cells.join(", "));
    }
    if let Some(note) = &d.note {
        let _ = writeln!(out, "  = note: {note}");
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "  = help: {help}");
    }
    out
}

/// Display width in terminal columns: wide East Asian characters take two.
fn width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{codes, Span};

    #[test]
    fn caret_sits_under_the_span_counting_wide_characters() {
        let text = "标题\n(七)总计 | 26 | 0\n";
        let at = text.find("26").unwrap();
        let d = Diagnostic::new(
            codes::REQUESTS_OUTCOME_SUM,
            "(七)总计·自然人 为 26，各项办理结果之和为 35",
        )
        .with_span(Span::new(at, at + 2))
        .with_cells(["requests.total.natural_person"]);
        let shown = diagnostic(&d, "a.txt", &LineIndex::new(text));
        let expected = "\
error[T003]: (七)总计·自然人 为 26，各项办理结果之和为 35
 --> a.txt:2:9
  |
2 | (七)总计 | 26 | 0
  |            ^^
  = cells: requests.total.natural_person
  = help: 请核对(一)至(六)各项办理结果与(七)总计
";
        assert_eq!(shown, expected);
    }
}
