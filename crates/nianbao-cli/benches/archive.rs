//! Archive throughput: `nianbao check` on a synthetic archive of 10,000
//! reports, side by side, in one run, with plain scans of the same files
//! (`wc -l`, `grep -c 总计`, `rg -c 总计` when installed, and a read of every
//! file in Rust), so that the ratio means something on any machine.
//!
//! `cargo bench -p nianbao-cli --bench archive [-- N]` writes N reports
//! (10,000 by default) made from the seeds in the layouts people paste
//! (as given, tabs, HTML tables, CRLF line breaks) and encodings (UTF-8,
//! GB18030, UTF-16), each agency's for six years in turn, under the target
//! directory, warms the page cache, then times each command three times
//! and prints the best, on the clock and on the CPU (its own and its
//! children's, from `/usr/bin/time`): on a busy machine, read the second.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 3;

fn main() {
    let count: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = root.join("target/bench-archive");
    let bytes = write_archive(&root.join("tests/fixtures/seeds"), &dir, count);
    let files = list(&dir);
    let mb = bytes as f64 / 1e6;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "archive: {} reports, {mb:.1} MB, in {}; {threads} cores",
        files.len(),
        dir.display()
    );

    let nianbao = env!("CARGO_BIN_EXE_nianbao");
    let dir_arg = dir.to_str().unwrap();
    let mut rows: Vec<(String, Took)> = Vec::new();
    // Warm the page cache, so that every command reads from memory.
    time(|| run(Command::new("cat").args(&files)));
    let mut scan = |name: &str, f: &mut dyn FnMut()| {
        let runs: Vec<Took> = (0..RUNS).map(|_| time(&mut *f)).collect();
        let best = Took {
            wall: runs.iter().map(|t| t.wall).min().unwrap(),
            cpu: runs.iter().map(|t| t.cpu).min().unwrap(),
        };
        rows.push((name.to_string(), best));
    };
    scan("wc -l (every file)", &mut || {
        run(Command::new("wc").arg("-l").args(&files))
    });
    scan("grep -rc 总计", &mut || {
        run(Command::new("grep").args(["-rc", "总计", dir_arg]))
    });
    if Command::new("rg").arg("--version").output().is_ok() {
        scan("rg -c 总计", &mut || {
            run(Command::new("rg").args(["-c", "总计", dir_arg]))
        });
    }
    scan("read every file (Rust, one thread)", &mut || {
        let mut lines = 0;
        for f in &files {
            lines += std::fs::read(f)
                .unwrap()
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
        }
        std::hint::black_box(lines);
    });
    for (name, args) in [
        ("nianbao check --format csv", vec!["--format", "csv"]),
        ("nianbao check --format json", vec!["--format", "json"]),
        ("nianbao check (text)", vec![]),
        (
            "nianbao check --format csv --jobs 1",
            vec!["--format", "csv", "--jobs", "1"],
        ),
        (
            "nianbao check --format csv --pair-years",
            vec!["--format", "csv", "--pair-years"],
        ),
    ] {
        scan(name, &mut || {
            run(Command::new(nianbao).arg("check").args(&args).arg(dir_arg))
        });
    }

    let scans = rows.iter().filter(|(n, _)| !n.starts_with("nianbao"));
    let fastest_wall = scans.clone().map(|r| r.1.wall).min().unwrap();
    let fastest_cpu = scans.map(|r| r.1.cpu).min().unwrap();
    println!(
        "{:<42} {:>8} {:>8} {:>9} {:>11} {:>9}",
        "command", "seconds", "MB/s", "vs fastest", "cpu seconds", "vs fastest"
    );
    for (name, t) in &rows {
        println!(
            "{name:<42} {:>8.3} {:>8.1} {:>9.3}x {:>11.3} {:>8.3}x",
            t.wall.as_secs_f64(),
            mb / t.wall.as_secs_f64(),
            fastest_wall.as_secs_f64() / t.wall.as_secs_f64(),
            t.cpu.as_secs_f64(),
            fastest_cpu.as_secs_f64() / t.cpu.as_secs_f64(),
        );
    }
}

/// Time on the clock and on the CPU (this thread's and its children's).
#[derive(Clone, Copy)]
struct Took {
    wall: Duration,
    cpu: Duration,
}

thread_local! {
    /// CPU time of the commands run, read from `/usr/bin/time`.
    static CHILD_CPU: std::cell::Cell<Duration> = const { std::cell::Cell::new(Duration::ZERO) };
}

fn time(mut f: impl FnMut()) -> Took {
    CHILD_CPU.with(|c| c.set(Duration::ZERO));
    let (start, cpu) = (Instant::now(), cpu_ns());
    f();
    Took {
        wall: start.elapsed(),
        cpu: Duration::from_nanos(cpu_ns() - cpu) + CHILD_CPU.with(|c| c.get()),
    }
}

/// Time this thread has run on a CPU, in nanoseconds.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// Runs a command under `/usr/bin/time`, which tells its CPU time on its
/// report's last line (a line before says so when the command exits with
/// a failure), its output thrown away; any exit status is accepted
/// (`nianbao check` exits 1 when a report has errors).
fn run(cmd: &mut Command) {
    let report = std::env::temp_dir().join(format!("nianbao-bench-time-{}", std::process::id()));
    let mut timed = Command::new("/usr/bin/time");
    timed
        .args(["-f", "%U %S", "-o"])
        .arg(&report)
        .arg(cmd.get_program())
        .args(cmd.get_args());
    timed
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    let secs: f64 = std::fs::read_to_string(&report)
        .unwrap_or_default()
        .lines()
        .last()
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|x| x.parse::<f64>().ok())
        .sum();
    CHILD_CPU.with(|c| c.set(c.get() + Duration::from_secs_f64(secs)));
}

fn list(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        if path.is_dir() {
            out.extend(list(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Counties for the agencies' names, so that the archive has many agencies.
const PLACES: &[&str] = &[
    "东城区",
    "西城区",
    "朝阳区",
    "海淀区",
    "丰台区",
    "浦东新区",
    "黄浦区",
    "徐汇区",
    "长宁区",
    "静安区",
    "越秀区",
    "天河区",
    "白云区",
    "南山区",
    "福田区",
    "武侯区",
    "锦江区",
    "江岸区",
    "洪山区",
    "鼓楼区",
];

/// Writes `count` reports made from the seeds into `dir`, unless the same
/// archive is there already; returns its size in bytes.
fn write_archive(seeds: &Path, dir: &Path, count: usize) -> usize {
    let stamp = dir.join(format!(".complete-{count}-retitled"));
    if stamp.exists() {
        return list(dir)
            .iter()
            .map(|f| f.metadata().unwrap().len() as usize)
            .sum();
    }
    let _ = std::fs::remove_dir_all(dir);
    let mut seeds: Vec<String> = std::fs::read_dir(seeds)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    seeds.sort();
    let mut total = 0;
    for i in 0..count {
        let seed = &seeds[i % seeds.len()];
        // Each agency reports on six years in turn, one seed, in six
        // layouts, so that `--pair-years` finds five pairs in every six.
        let agency = format!(
            "{}第{}局",
            PLACES[(i % seeds.len()) % PLACES.len()],
            i / (6 * seeds.len())
        );
        let year = 2019 + (i / seeds.len()) % 6;
        let text = retitle(seed, &agency, year);
        let (name, bytes) = match (i / seeds.len()) % 6 {
            0 => ("txt", text.into_bytes()),
            1 => ("txt", text.replace(" | ", "\t").into_bytes()),
            2 => ("html", html(&text).into_bytes()),
            3 => ("txt", text.replace('\n', "\r\n").into_bytes()),
            4 => ("txt", encoding_rs::GB18030.encode(&text).0.into_owned()),
            _ => ("txt", utf16(&text)),
        };
        let path = dir.join(format!("{:03}/{i:05}.{name}", i / 100));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        total += bytes.len();
        std::fs::write(path, bytes).unwrap();
    }
    std::fs::write(stamp, "").unwrap();
    total
}

/// The seed with a title line naming `agency` and `year` first, in place
/// of its own: of its first lines, those naming the report, not in a row
/// of cells (a portal's fields) or a path of links.
fn retitle(seed: &str, agency: &str, year: usize) -> String {
    let mut text = format!("{agency}{year}年政府信息公开工作年度报告\n");
    for (i, line) in seed.lines().enumerate() {
        let title = i < 8
            && (line.contains("报告") || line.contains("報告"))
            && !line.contains(['|', '>'])
            && line.chars().count() < 60;
        if !title {
            text.push_str(line);
            text.push('\n');
        }
    }
    text
}

/// The text as an HTML page: pipe rows as table rows, other lines as paragraphs.
fn html(text: &str) -> String {
    let mut out = String::from("<html><head><meta charset=\"utf-8\"></head><body>\n");
    let mut in_table = false;
    for line in text.lines() {
        let row = line.contains('|');
        if row != in_table {
            out.push_str(if row { "<table>\n" } else { "</table>\n" });
            in_table = row;
        }
        if row {
            out.push_str("<tr>");
            for cell in line.trim().trim_matches('|').split('|') {
                out.push_str("<td>");
                out.push_str(&cell.trim().replace('&', "&amp;").replace('<', "&lt;"));
                out.push_str("</td>");
            }
            out.push_str("</tr>\n");
        } else {
            out.push_str("<p>");
            out.push_str(&line.replace('&', "&amp;").replace('<', "&lt;"));
            out.push_str("</p>\n");
        }
    }
    if in_table {
        out.push_str("</table>\n");
    }
    out.push_str("</body></html>\n");
    out
}

/// UTF-16 little endian with its byte order mark.
fn utf16(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}
