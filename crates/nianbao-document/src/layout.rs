//! Glyphs placed on a page into lines of text: glyphs whose baselines lie
//! within a few points make one line, read left to right; a gap wider than
//! a character, or a table's vertical ruling line between two glyphs,
//! starts a new cell (a tab), a smaller gap a word (a space). Page numbers
//! and running headers and footers are dropped.

/// One glyph on a page, in PDF units with y upwards.
#[derive(Debug, Clone)]
pub struct Glyph {
    /// Its characters (usually one).
    pub text: String,
    /// Its left edge.
    pub x: f32,
    /// Its baseline.
    pub y: f32,
    /// Its advance width.
    pub width: f32,
    /// Its font size on the page.
    pub size: f32,
}

/// A vertical ruling line of a table: its x and the span of y it covers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Where it is across the page.
    pub x: f32,
    /// Its lower end.
    pub y0: f32,
    /// Its upper end.
    pub y1: f32,
}

/// A line of a page: its text and how far down the page it is (0 at the
/// top of the media box, 1 at the bottom).
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The text, cells separated by tabs.
    pub text: String,
    /// Where it is on the page, from the top.
    pub depth: f32,
}

/// Baselines this close (in points) are one line: what pdfplumber uses.
const SAME_LINE: f32 = 3.0;
/// A gap wider than this many font sizes separates cells.
const CELL_GAP: f32 = 1.0;
/// A gap wider than this many font sizes separates words.
const WORD_GAP: f32 = 0.25;

/// The lines of one page, top to bottom. `rules` are the page's vertical
/// ruling lines; `bottom` and `top` are the media box's; `glyphs` and
/// `rules` are reordered.
pub fn lines(glyphs: &mut [Glyph], rules: &mut [Rule], bottom: f32, top: f32) -> Vec<Line> {
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    rules.sort_by(|a, b| a.x.total_cmp(&b.x));
    let height = (top - bottom).max(1.0);
    let mut out = Vec::new();
    let mut start = 0;
    while start < glyphs.len() {
        let mut end = start + 1;
        while end < glyphs.len() && glyphs[end - 1].y - glyphs[end].y <= SAME_LINE {
            end += 1;
        }
        let line = &mut glyphs[start..end];
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        let text = join(line, rules);
        if !text.trim().is_empty() {
            out.push(Line {
                text,
                depth: ((top - line[0].y) / height).clamp(0.0, 1.0),
            });
        }
        start = end;
    }
    out
}

/// The text of one line's glyphs, sorted left to right.
fn join(line: &[Glyph], rules: &[Rule]) -> String {
    let mut text = String::new();
    let mut last: Option<&Glyph> = None;
    for g in line {
        if g.text.trim().is_empty() {
            continue;
        }
        if let Some(p) = last {
            let gap = g.x - (p.x + p.width);
            let size = p.size.max(g.size).max(1.0);
            // The same glyph drawn again a hair to the side: fake bold.
            if g.text == p.text && (g.x - p.x).abs() < size * 0.2 {
                continue;
            }
            if gap > size * CELL_GAP || ruled(rules, p.x + p.width, g.x, g.y, size) {
                text.push('\t');
            } else if gap > size * WORD_GAP {
                text.push(' ');
            }
        }
        text.push_str(&g.text);
        last = Some(g);
    }
    text
}

/// Whether a vertical rule stands between `from` and `to` across the line
/// at baseline `y` (reaching from below the baseline to above it).
fn ruled(rules: &[Rule], from: f32, to: f32, y: f32, size: f32) -> bool {
    let slack = size * 0.15;
    let first = rules.partition_point(|r| r.x < from - slack);
    rules[first..]
        .iter()
        .take_while(|r| r.x <= to + slack)
        .any(|r| r.y0 <= y + size * 0.3 && r.y1 >= y + size * 0.5)
}

/// Drops page numbers at the top or bottom of a page (`- 3 -`, `3`,
/// `第3页`, `第 3 页 共 5 页`, `3/5`), and a line repeated at the same
/// place on most pages (a running header or footer). Only a page's first
/// and last two lines are looked at, and only in its top 10 % or bottom
/// 12 %: a table's cell of one number low on a page is not a page number.
pub fn drop_running_lines(pages: &mut [Vec<Line>]) {
    const EDGE: usize = 2;
    let top = |l: &Line| l.depth < 0.1;
    let bottom = |l: &Line| l.depth > 0.88;
    let key = |l: &Line| -> String {
        l.text
            .chars()
            .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
            .collect()
    };
    let edges = |page: &[Line]| -> Vec<String> {
        let head = page.iter().take(EDGE).filter(|l| top(l));
        let tail = page.iter().rev().take(EDGE).filter(|l| bottom(l));
        let mut keys: Vec<String> = head.chain(tail).map(key).collect();
        keys.sort();
        keys.dedup();
        keys
    };
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for page in pages.iter() {
        for k in edges(page) {
            *seen.entry(k).or_default() += 1;
        }
    }
    let n = pages.len();
    // A line of digits alone is a page number or a cell, never a running line.
    let repeated = |l: &Line| {
        let k = key(l);
        n >= 3 && !k.is_empty() && seen.get(&k).is_some_and(|&c| c * 2 > n)
    };
    // A running line, or the first page number at this edge.
    let running = |l: &Line, page: usize, number: &mut bool| {
        if is_page_number(&l.text, page) {
            let first = !*number;
            *number = true;
            first
        } else {
            repeated(l)
        }
    };
    for (i, page) in pages.iter_mut().enumerate() {
        // One page number at each edge at most; running lines up to two.
        let mut number = false;
        for _ in 0..EDGE {
            match page.last() {
                Some(l) if bottom(l) && running(l, i + 1, &mut number) => page.pop(),
                _ => break,
            };
        }
        let mut number = false;
        let mut drop = 0;
        while drop < EDGE
            && drop < page.len()
            && top(&page[drop])
            && running(&page[drop], i + 1, &mut number)
        {
            drop += 1;
        }
        page.drain(..drop);
    }
}

/// Whether a line says only which page it is on: `- 3 -`, `第3页`,
/// `第 3 页 共 5 页` and `3/5` on any page, a bare `3` only on the page it
/// could number (`page`, counted from 1, or one less for an unnumbered
/// cover), so that a table's cell of one number is not taken for one.
fn is_page_number(text: &str, page: usize) -> bool {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '—' | '–' | '－' | '-' => '-',
            c => c,
        })
        .collect();
    let dashed = t.starts_with('-') && t.ends_with('-');
    let t = t.trim_matches('-');
    let (t, worded) = match t.strip_prefix("第") {
        Some(r) => (r.split("页").next().unwrap_or(r), true),
        None => (t, false),
    };
    let mut parts = t.split('/');
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    match (parts.next(), parts.next(), parts.next()) {
        (Some(a), None, None) if digits(a) => {
            dashed || worded || a.parse::<usize>().is_ok_and(|n| n == page || n + 1 == page)
        }
        (Some(a), Some(b), None) => digits(a) && digits(b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str, x: f32, y: f32) -> Glyph {
        Glyph {
            text: text.into(),
            x,
            y,
            width: 10.0,
            size: 10.0,
        }
    }

    #[test]
    fn glyphs_become_lines_words_and_cells() {
        let mut glyphs = vec![
            g("计", 110.0, 700.0),
            g("总", 100.0, 701.5),
            g("2", 200.0, 700.0),
            g("1", 210.0, 700.0),
            g("a", 100.0, 680.0),
            g("b", 113.0, 680.0),
        ];
        let lines = lines(&mut glyphs.clone(), &mut [], 0.0, 800.0);
        let text: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(text, ["总计\t21", "a b"]);
        // A ruling line between a and b makes them two cells; one that
        // does not reach their line, or stands elsewhere, does not.
        let mut rules = [
            Rule {
                x: 111.5,
                y0: 675.0,
                y1: 695.0,
            },
            Rule {
                x: 105.0,
                y0: 600.0,
                y1: 670.0,
            },
            Rule {
                x: 150.0,
                y0: 600.0,
                y1: 800.0,
            },
        ];
        let ruled = super::lines(&mut glyphs, &mut rules, 0.0, 800.0);
        assert_eq!(ruled[1].text, "a\tb");
        assert_eq!(ruled[0].text, "总计\t21");
        assert!((lines[0].depth - 0.1235).abs() < 0.01);
    }

    #[test]
    fn page_numbers_and_running_lines_go() {
        for t in ["- 3 -", "3", "第3页", "第 3 页 共 5 页", "3/5", "—12—"] {
            assert!(is_page_number(t, 3), "{t}");
        }
        assert!(is_page_number("2", 3), "an unnumbered cover");
        for t in ["三", "第三章", "总计 3", "a/b", "12345", "0", "1", "4"] {
            assert!(!is_page_number(t, 3), "{t}");
        }
        let line = |text: &str, depth| Line {
            text: text.into(),
            depth,
        };
        let mut pages: Vec<Vec<Line>> = (1..=3)
            .map(|p| {
                vec![
                    line("某局2023年报告", 0.05),
                    line("正文", 0.5),
                    line(&format!("- {p} -"), 0.95),
                ]
            })
            .collect();
        pages[0].push(line("页脚里的正文", 0.96));
        // A table's cells low on a page, above its page number.
        pages[2].insert(2, line("0", 0.9));
        pages[2].insert(2, line("7", 0.89));
        pages[1].insert(2, line("0", 0.9));
        drop_running_lines(&mut pages);
        assert_eq!(pages[1], [line("正文", 0.5), line("0", 0.9)]);
        assert_eq!(
            pages[0],
            [
                line("正文", 0.5),
                line("- 1 -", 0.95),
                line("页脚里的正文", 0.96)
            ]
        );
        assert_eq!(
            pages[2],
            [line("正文", 0.5), line("7", 0.89), line("0", 0.9)]
        );
    }
}
