//! Hostile inputs: each ends in a report, in time and memory linear in its
//! size, with R008 where the text is not a report, and with every span
//! inside the input on character boundaries.
//!
//! Each test measures the time and the peak memory of its checks (one at a
//! time, so that they do not disturb each other) and holds them to budgets:
//! at most ten times the input in memory (the input counted), and time that
//! grows with the input as a line does, not as a square (four times the
//! input may take at most ten times as long). Time is taken on the CPU,
//! which other work on a busy machine lengthens least, and held to
//! [`SLACK`] times a budget of 4 s for 50 MB (20 s inside a table): a
//! guard against a reading turned quadratic, which would exceed it a
//! hundredfold, not the benchmark; BENCHMARKS.md has the figures. The
//! core is built with full optimisation for tests (the workspace sets
//! `opt-level = 3` for it in the dev profile), so these run at release
//! speed with debug assertions on. The two 50 MB tests are ignored by a
//! plain `cargo test`, to keep it short; `cargo xtask test` runs them
//! (`--include-ignored`).

mod common;

use std::sync::Mutex;
use std::time::{Duration, Instant};

use nianbao::tables::schema::{column, row};
use nianbao::Report;
use peakmem_alloc::{PeakMemAlloc, PeakMemAllocTrait, INSTRUMENTED_SYSTEM};

#[global_allocator]
static ALLOCATOR: &PeakMemAlloc<std::alloc::System> = &INSTRUMENTED_SYSTEM;

/// One measurement at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

const MB: usize = 1_000_000;

/// Time spent on the CPU by this thread, where Linux tells it
/// (`/proc/thread-self/schedstat`), else on the clock: other work on a
/// busy machine lengthens the second, not the first.
enum Clock {
    Cpu(u64),
    Wall(Instant),
}

impl Clock {
    fn cpu_ns() -> Option<u64> {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()?
            .split_whitespace()
            .next()?
            .parse()
            .ok()
    }

    fn now() -> Clock {
        match Clock::cpu_ns() {
            Some(ns) => Clock::Cpu(ns),
            None => Clock::Wall(Instant::now()),
        }
    }

    fn elapsed(&self) -> Duration {
        match self {
            Clock::Cpu(start) => Duration::from_nanos(Clock::cpu_ns().unwrap_or(*start) - start),
            Clock::Wall(start) => start.elapsed(),
        }
    }
}

/// What checking one input cost.
struct Cost {
    /// Time on the CPU (see [`Clock`]).
    time: Duration,
    /// Peak bytes allocated while checking, beyond the input.
    memory: usize,
}

/// The tests' turn to run: one at a time, so that no other test's inputs
/// count in the memory measured, or its work in the time.
fn turn() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

/// Checks `text`, measuring it, and asserts the invariants every report holds.
fn check(text: &str) -> (Report, Cost) {
    ALLOCATOR.reset_peak_memory();
    let start = Clock::now();
    let report = nianbao::check(text);
    let time = start.elapsed();
    let memory = ALLOCATOR.get_peak_memory();
    if text.len() >= MB {
        eprintln!(
            "{:>10} bytes: {:>8.1} ms, {:>6.2}x memory",
            text.len(),
            time.as_secs_f64() * 1e3,
            (memory + text.len()) as f64 / text.len() as f64
        );
    }
    for span in report.spans() {
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "{span:?} outside the input"
        );
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{span:?} splits a character"
        );
    }
    (report, Cost { time, memory })
}

/// How much slower than on an idle machine a run may be before it fails.
const SLACK: f64 = 3.0;

/// Asserts the budgets for an input of `len` bytes: memory at most ten
/// times the input, the input counted (plus a little for tiny inputs), and
/// at most `secs_per_50mb` seconds for every 50 MB.
fn within_budget(what: &str, len: usize, cost: &Cost, secs_per_50mb: f64) {
    assert!(
        cost.memory + len <= 10 * len + 4 * MB,
        "{what}: {} bytes of memory for {len} bytes of input",
        cost.memory
    );
    // The time allowed is three times the figure measured on an idle
    // machine: a loaded CI machine must not fail it, while a reading that
    // turned quadratic still exceeds it a hundredfold.
    let budget =
        Duration::from_secs_f64(0.25 + SLACK * secs_per_50mb * len as f64 / (50 * MB) as f64);
    assert!(
        cost.time <= budget,
        "{what}: {:?} for {len} bytes, budget {budget:?}",
        cost.time
    );
}

/// Asserts that checking grows linearly: `make(n)` for a quarter of the
/// size and the full size, the larger taking at most ten times as long
/// (four times is linear, sixteen a square).
fn linear(what: &str, n: usize, make: impl Fn(usize) -> String) {
    let small = make(n / 4);
    let large = make(n);
    // The best of three runs of the small input, so that a pause of the
    // machine does not make the ratio look better than it is.
    let small_time = (0..3).map(|_| check(&small).1.time).min().unwrap();
    let large_time = check(&large).1.time;
    assert!(
        large_time <= small_time * 10 + Duration::from_millis(20),
        "{what}: {} bytes took {small_time:?}, {} bytes {large_time:?}",
        small.len(),
        large.len()
    );
}

fn codes(report: &Report) -> Vec<&'static str> {
    report.diagnostics.iter().map(|d| d.code).collect()
}

fn not_a_report(what: &str, report: &Report) {
    assert!(
        codes(report).contains(&"R008"),
        "{what}: {:?}",
        codes(report)
    );
}

/// The opening of table 三, which makes the reader take what follows for a table.
const TABLE: &str = "三、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请数量";

#[test]
fn empty_text() {
    let _turn = turn();
    let (report, _) = check("");
    not_a_report("empty", &report);
    assert!(report.tables.iter().next().is_none());
}

#[test]
#[ignore = "50 MB inputs, a minute of two cores: `cargo xtask test` runs them"]
fn fifty_megabytes_of_one_character() {
    let _turn = turn();
    // A line break, a separator, a digit, a Han character, a space, a tag's
    // opening, a full-width digit (every one shortened) and a line separator.
    for c in ['\n', '|', '1', '中', ' ', '<', '１', '\u{2028}'] {
        let text: String = std::iter::repeat_n(c, 50 * MB / c.len_utf8()).collect();
        let (report, cost) = check(&text);
        not_a_report(&format!("{c:?}"), &report);
        within_budget(&format!("50 MB of {c:?}"), text.len(), &cost, 4.0);
    }
}

#[test]
#[ignore = "50 MB inputs, a minute of two cores: `cargo xtask test` runs them"]
fn fifty_megabytes_inside_a_table() {
    let _turn = turn();
    // The same, where the reader looks hardest: after the opening of table
    // 三, where every line is cut into cells and read both as a row and as
    // one cell a line while the lines vote for the layout. Millions of
    // lines of one cell each are the slowest (BENCHMARKS.md says how long).
    for fill in ["1 | ", "|", "1\n", "—\n", "第2页\n"] {
        let text = format!("{TABLE}\n{}", fill.repeat(50 * MB / fill.len()));
        let (report, cost) = check(&text);
        within_budget(&format!("table of {fill:?}"), text.len(), &cost, 2.0);
        assert!(!report.diagnostics.is_empty(), "{fill:?}");
    }
}

#[test]
fn fifty_megabytes_of_empty_lines_between_cells() {
    let _turn = turn();
    // One cell a line with empty lines between cells, where an empty cell
    // is an empty line more: a run of empty lines of any length holds that
    // many empty cells, which are counted, not kept. One empty line apart,
    // an odd number of them is a whole number of empty cells.
    let make = |n: usize| format!("{TABLE}\n1\n\n2\n{}3\n", "\n".repeat(n / 2 * 2 + 1));
    let text = make(50 * MB);
    let (report, cost) = check(&text);
    within_budget("empty lines between cells", text.len(), &cost, 2.0);
    assert!(!report.diagnostics.is_empty());
    linear("empty lines between cells", 8 * MB, make);
}

#[test]
fn a_million_pipes() {
    let _turn = turn();
    let text = "|".repeat(MB);
    let (report, cost) = check(&text);
    not_a_report("pipes", &report);
    within_budget("a million pipes", text.len(), &cost, 4.0);
    let text = format!("{TABLE}\n{}", "|".repeat(MB));
    let (report, cost) = check(&text);
    within_budget("a million pipes in table 三", text.len(), &cost, 4.0);
    // Blank cells are no values: there is no table to read.
    assert!(report.tables.requests.is_none());
    assert!(!report.diagnostics.is_empty());
    linear("pipes", 8 * MB, |n| format!("{TABLE}\n{}", "|".repeat(n)));
}

#[test]
fn a_title_repeated_after_the_tables() {
    let _turn = turn();
    // Each line that repeats the title may start a second copy of the
    // report: whether a table 三 and an overview follow it is known at
    // once, not looked for after each (a line of 总 long enough to hide
    // the overview's words in it, looked at once).
    let make = |n: usize| {
        let title = "某局2023年政府信息公开工作年度报告\n";
        format!(
            "{title}一、总体情况\n{TABLE} 1\n本年新收 2\n{}{}\n",
            title.repeat(n / 2 / title.len()),
            "总".repeat(n / 6)
        )
    };
    let text = make(8 * MB);
    let (report, cost) = check(&text);
    within_budget("a repeated title", text.len(), &cost, 2.0);
    assert!(!codes(&report).contains(&"R001"), "{:?}", codes(&report));
    linear("a repeated title", 8 * MB, make);
}

#[test]
fn a_row_of_a_million_column_names() {
    let _turn = turn();
    // Each cell of digits after words asks whether the row names its
    // columns so (`| 数据1 | 数据2 |`): the row is looked through once,
    // whether it does or not (`| 数量1 | 规章2 |…`).
    for cells in [["数据1", "数据2"], ["数量1", "规章2"]] {
        let row = format!("{}|", cells.join("|"));
        let make = |n: usize| format!("{TABLE}\n|{}\n", row.repeat(n / row.len()));
        let text = make(8 * MB);
        let (report, cost) = check(&text);
        within_budget("column names", text.len(), &cost, 2.0);
        assert!(!report.diagnostics.is_empty());
        linear("column names", 8 * MB, make);
    }
}

#[test]
fn a_million_lines_of_digits() {
    let _turn = turn();
    let make = |n: usize| "1234567\n".repeat(n / 8);
    let text = make(8 * MB);
    let (report, cost) = check(&text);
    not_a_report("digits", &report);
    within_budget("a million lines of digits", text.len(), &cost, 4.0);
    // In table 三: every number is placed or reported, the report says how many more.
    let table = |n: usize| format!("{TABLE}\n{}", make(n));
    let (report, cost) = check(&table(8 * MB));
    within_budget("a million lines of digits in table 三", 8 * MB, &cost, 4.0);
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.code == "R003" && d.message.contains("未逐一列出")),
        "{:?}",
        codes(&report)
    );
    linear("lines of digits", 8 * MB, table);
}

#[test]
fn a_number_of_ten_thousand_digits() {
    let _turn = turn();
    let digits = "9".repeat(10_000);
    let text = format!("{TABLE} | {digits} | 0 | 0 | 0 | 0 | 0 | {digits}\n");
    let (report, cost) = check(&text);
    within_budget("10,000 digits", text.len(), &cost, 4.0);
    // Too large to count: said so (V001), and the cell is doubtful, not an error.
    assert!(codes(&report).contains(&"V001"), "{:?}", codes(&report));
    let requests = report.tables.requests.as_ref().unwrap();
    let cell = requests
        .cell(row::NEW_RECEIVED, column::NATURAL_PERSON)
        .unwrap();
    assert_eq!(cell.value, None);
    assert!(cell.doubtful);
    // And as an amount, with a decimal point.
    let (report, _) = check(&format!("{TABLE} | {digits}.{digits}\n"));
    assert!(report.tables.requests.is_some());
    linear("long numbers", 4 * MB, |n| {
        format!("{TABLE} | {}\n", "9".repeat(n))
    });
}

#[test]
fn deeply_nested_html() {
    let _turn = turn();
    let make = |depth: usize| {
        let mut html = String::from("<html><body>");
        html.push_str(&"<div><table><tr><td>".repeat(depth));
        html.push_str("总计");
        html.push_str(&"</td></tr></table></div>".repeat(depth));
        html
    };
    let text = make(200_000);
    let (report, cost) = check(&text);
    not_a_report("nested HTML", &report);
    within_budget("nesting 200,000 deep", text.len(), &cost, 4.0);
    // Unclosed tags, comments and scripts to the end of the input, and
    // what the tokenizer reads on its own: attribute values, raw text,
    // references, end tags, tables opened and never closed.
    for open in [
        "<div",
        "<!--",
        "<script>",
        "<a href=\"",
        "<td ",
        "<td class=\"x>",
        "<p a='1'b=2/",
        "<textarea>",
        "<table><tr><td>",
        "<table><tr><td><p>x<td>",
        "</",
        "<?",
        "&#",
        "&#x1F600",
        "&nbsp",
    ] {
        let text = format!("<p>{}", open.repeat(MB / open.len()));
        let (report, cost) = check(&text);
        not_a_report(open, &report);
        within_budget(&format!("unclosed {open:?}"), text.len(), &cost, 4.0);
    }
    linear("nested HTML", 400_000, |n| make(n / 40));
}

#[test]
fn a_table_of_ten_thousand_columns() {
    let _turn = turn();
    let row = |label: &str, n: usize| {
        let mut line = String::from(label);
        for i in 0..n {
            line.push_str(" | ");
            line.push_str(&(i % 10).to_string());
        }
        line
    };
    let text = format!(
        "{TABLE}\n{}\n{}",
        row("申请人情况", 10_000),
        row("一、本年新收", 10_000)
    );
    let (report, cost) = check(&text);
    within_budget("10,000 columns", text.len(), &cost, 4.0);
    // The row is read with doubt (too many values), not as an error.
    let requests = report.tables.requests.as_ref().unwrap();
    assert!(
        requests
            .cell(row::NEW_RECEIVED, column::TOTAL)
            .unwrap()
            .doubtful
    );
    assert!(!report.has_errors() || !codes(&report).iter().any(|c| c.starts_with('T')));
    assert!(codes(&report).contains(&"R002"), "{:?}", codes(&report));
    // As HTML too.
    let cells: String = (0..10_000).map(|i| format!("<td>{i}</td>")).collect();
    let html = format!("<table><tr><td>本年新收</td>{cells}</tr></table>");
    let (_, cost) = check(&html);
    within_budget("10,000 HTML columns", html.len(), &cost, 4.0);
    linear("columns", 4 * MB, |n| {
        format!("{TABLE}\n{}", row("本年新收", n / 4))
    });
}

#[test]
fn every_unicode_line_separator_reads_as_a_line_break() {
    let _turn = turn();
    let seed = common::read(common::SEED_000);
    let (expected, _) = check(&seed);
    for sep in [
        "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}",
    ] {
        let text = seed.replace('\n', sep);
        let (report, _) = check(&text);
        assert_eq!(
            format!("{:?}", values(&report)),
            format!("{:?}", values(&expected)),
            "{sep:?}"
        );
        assert_eq!(
            report.meta.agency.map(|a| a.value),
            expected.meta.agency.as_ref().map(|a| a.value.clone())
        );
    }
    // All of them at once, and nothing but them.
    let all = "\r\n\r\u{85}\u{2028}\u{2029}\u{0B}\u{0C}\n".repeat(MB / 16);
    let (report, cost) = check(&all);
    not_a_report("separators", &report);
    within_budget("line separators", all.len(), &cost, 4.0);
}

/// Every table's values, for comparing readings of one report.
fn values(report: &Report) -> Vec<(String, Vec<Option<nianbao::Value>>)> {
    report
        .tables
        .iter()
        .flat_map(|t| {
            t.rows.iter().map(move |r| {
                (
                    format!("{:?}.{}", t.kind, r.key),
                    r.cells.iter().map(|c| c.value).collect(),
                )
            })
        })
        .collect()
}

#[test]
fn unpaired_surrogates_escaped_in_html() {
    let _turn = turn();
    let text = "<p>总计&#xD800;&#xDFFF;&#55296;&#xDBFF;&#xDC00;&#x110000;&#99999999999;</p><table><tr><td>本年新收</td><td>&#xD800;</td></tr></table>";
    let (report, _) = check(text);
    assert!(!report.has_errors());
    let many = "<p>&#xD800;</p>".repeat(MB / 14);
    let (report, cost) = check(&many);
    not_a_report("surrogates", &report);
    within_budget("escaped surrogates", many.len(), &cost, 4.0);
}

#[test]
fn regression_fixtures_read_without_fault() {
    let _turn = turn();
    // Each file's first line says what it reproduces; the check above
    // asserts the spans, and a panic fails the test.
    let mut seen = 0;
    for entry in std::fs::read_dir(common::fixture("regressions")).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        check(&text);
        seen += 1;
    }
    assert!(seen > 0);
}
