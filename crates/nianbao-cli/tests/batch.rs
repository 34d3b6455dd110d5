//! `nianbao check` on many files: directories, the CSV and JSON Lines
//! formats, a stable order on any number of threads, the summary, files
//! that cannot be read, and reports paired across years.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "../../nianbao/tests/common/mod.rs"]
mod common;

use common::{fixture, SEED_000};

fn nianbao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// A fresh directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nianbao-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// An archive: the seeds in nested directories, one of them as GB18030
/// HTML, one invalid file, and files that are not reports.
fn archive(name: &str) -> PathBuf {
    let dir = scratch(name);
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(fixture("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    seeds.sort();
    for (i, seed) in seeds.iter().enumerate() {
        let sub = dir.join(format!("{}/{}", 2020 + i % 2, i));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::copy(seed, sub.join("report.txt")).unwrap();
    }
    let text = std::fs::read_to_string(&seeds[0]).unwrap();
    let html =
        format!("<html><head><meta charset=\"gbk\"></head><body><pre>{text}</pre></body></html>");
    std::fs::write(dir.join("page.HTM"), encoding_rs::GB18030.encode(&html).0).unwrap();
    std::fs::write(dir.join("broken.md"), [b'a', 0xFF, 0xFF, 0xFF, b'b']).unwrap();
    std::fs::write(dir.join("notes.odt"), "not a report").unwrap();
    dir
}

fn csv_rows(out: &Output) -> Vec<Vec<String>> {
    stdout(out)
        .lines()
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

#[test]
fn a_directory_is_checked_recursively_into_one_csv_row_a_report() {
    let dir = archive("csv");
    let out = nianbao(&["check", "--format", "csv", dir.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unreadable file: {}",
        stderr(&out)
    );
    let rows = csv_rows(&out);
    assert_eq!(
        rows[0].join(","),
        "file,agency,year,template,errors,warnings,notes,codes,previous,error,encoding"
    );
    let files: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    let name = |f: &str| dir.join(f).display().to_string();
    assert_eq!(files.len(), 7, "{files:?}");
    assert_eq!(files[0], name("2020/0/report.txt"));
    assert_eq!(files[5], name("broken.md"));
    assert_eq!(files[6], name("page.HTM"));
    // The GB18030 page reads to the same agency as its seed.
    assert_eq!(rows[7][1], "株洲市天元区行政审批服务局");
    assert_eq!(rows[1][1], "株洲市天元区行政审批服务局");
    assert_eq!(rows[1][2], "2022");
    // Each read file says in which encoding; the unreadable one, none.
    assert_eq!(rows[1][10], "UTF-8");
    assert_eq!(rows[7][10], "GBK");
    assert_eq!(rows[6][10], "");
    // The unreadable file has its row, with why, and a line on standard error.
    assert!(
        rows[6][9].starts_with("cannot decode: neither UTF-8 (invalid byte at 1)"),
        "{:?}",
        rows[6]
    );
    assert!(stderr(&out).contains(&format!("error: {}: cannot decode", name("broken.md"))));
    // Seed 003 has a T003 among its codes.
    let seed_003 = rows.iter().find(|r| r[0].contains("2021/3/")).unwrap();
    assert!(seed_003[7].split(' ').any(|c| c == "T003"), "{seed_003:?}");
    assert!(seed_003[4].parse::<usize>().unwrap() > 0);
}

#[test]
fn output_is_in_the_same_order_whatever_the_threads() {
    let dir = archive("order");
    let runs: Vec<Output> = ["1", "3", "8"]
        .iter()
        .map(|jobs| {
            nianbao(&[
                "check",
                "--format",
                "json",
                "--jobs",
                jobs,
                dir.to_str().unwrap(),
            ])
        })
        .collect();
    assert_eq!(stdout(&runs[0]), stdout(&runs[1]));
    assert_eq!(stdout(&runs[0]), stdout(&runs[2]));
    let lines: Vec<serde_json::Value> = stdout(&runs[0])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 7);
    // An unreadable file is a JSON line of its own, with the reason.
    let broken = lines
        .iter()
        .find(|l| l["file"].as_str().unwrap().ends_with("broken.md"))
        .unwrap();
    assert!(broken["error"]
        .as_str()
        .unwrap()
        .starts_with("cannot decode"));
    assert!(lines[0].get("diagnostics").is_some());
}

#[test]
fn a_run_of_several_files_ends_with_a_summary_and_no_progress_bar_when_piped() {
    let dir = archive("summary");
    let out = nianbao(&["check", dir.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(err.contains("checked 6 reports"), "{err}");
    assert!(err.contains("1 files could not be read"), "{err}");
    assert!(err.contains("most frequent codes"), "{err}");
    assert!(
        !err.contains('\u{1b}'),
        "no terminal escapes when piped: {err}"
    );
    // One closing line a report in the text format.
    assert_eq!(
        stdout(&out)
            .lines()
            .filter(|l| l.contains(" errors, "))
            .count(),
        6
    );
    // A single file has no summary, as before.
    let one = nianbao(&["check", fixture(SEED_000).to_str().unwrap()]);
    assert_eq!(stderr(&one), "");
}

#[test]
fn invalid_and_truncated_files_say_which_and_why_and_the_run_goes_on() {
    let dir = scratch("encodings");
    let good = dir.join("a.txt");
    std::fs::copy(fixture(SEED_000), &good).unwrap();
    let mut truncated = encoding_rs::GB18030
        .encode("株洲市2022年政府信息公开工作年度报告")
        .0
        .into_owned();
    truncated.push(0x81);
    std::fs::write(dir.join("b.txt"), truncated).unwrap();
    std::fs::write(dir.join("c.txt"), [0xC3, 0x28, 0xFF]).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("总计".encode_utf16().flat_map(u16::to_le_bytes));
    utf16.push(0x00);
    std::fs::write(dir.join("d.txt"), utf16).unwrap();
    let out = nianbao(&["check", "--format", "csv", dir.to_str().unwrap()]);
    let err = stderr(&out);
    let line = |f: &str| {
        err.lines()
            .find(|l| l.contains(&dir.join(f).display().to_string()))
            .unwrap_or_else(|| panic!("no line for {f}: {err}"))
            .to_string()
    };
    assert!(
        line("b.txt").contains("GB18030 (truncated at the end, byte 36)"),
        "{}",
        line("b.txt")
    );
    assert!(
        line("c.txt").contains("UTF-8 (invalid byte at 0)"),
        "{}",
        line("c.txt")
    );
    assert!(
        line("d.txt").contains("invalid UTF-16LE after its byte order mark"),
        "{}",
        line("d.txt")
    );
    let rows = csv_rows(&out);
    assert_eq!(rows.len(), 5, "the header and a row for each file");
    assert_eq!(
        rows[1][1], "株洲市天元区行政审批服务局",
        "the good file is still checked"
    );
    assert_eq!(out.status.code(), Some(2));
}

/// Seed `name` with its title's agency and year replaced.
fn retitled(name: &str, agency: &str, year: i32) -> String {
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    let (title, rest) = text.split_once('\n').unwrap();
    assert!(
        title.starts_with("株洲市天元区行政审批服务局2022年"),
        "{title}"
    );
    format!("{agency}{year}年政府信息公开工作年度报告\n{rest}")
}

#[test]
fn pair_years_matches_each_report_with_its_agency_s_year_before() {
    let dir = scratch("pairs");
    let seed = SEED_000;
    for (file, agency, year) in [
        ("a/2023.txt", "甲市交通局", 2023),
        ("a/2022.txt", "甲市交通局", 2022),
        ("b/x.txt", "乙县民政局", 2022),
        ("b/y.txt", "乙县民政局", 2024),
        ("c.txt", "甲市 交通局", 2021),
    ] {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, retitled(seed, agency, year)).unwrap();
    }
    let out = nianbao(&[
        "check",
        "--pair-years",
        "--format",
        "csv",
        dir.to_str().unwrap(),
    ]);
    let rows = csv_rows(&out);
    let previous = |file: &str| {
        let shown = dir.join(file).display().to_string();
        let row = rows.iter().find(|r| r[0] == shown).unwrap();
        row[8]
            .strip_prefix(&dir.display().to_string())
            .map(str::to_string)
    };
    assert_eq!(previous("a/2023.txt").as_deref(), Some("/a/2022.txt"));
    // The agency is matched without spaces: 甲市 交通局 is 甲市交通局.
    assert_eq!(previous("a/2022.txt").as_deref(), Some("/c.txt"));
    assert_eq!(previous("b/x.txt"), None);
    assert_eq!(previous("b/y.txt"), None, "2023 is missing");
    assert_eq!(previous("c.txt"), None);
    assert!(
        stderr(&out)
            .contains("pairing: 2 of 5 reports checked against the year before (2 agencies)"),
        "{}",
        stderr(&out)
    );
    // Without --pair-years, nothing is paired.
    let out = nianbao(&["check", "--format", "csv", dir.to_str().unwrap()]);
    assert!(csv_rows(&out)[1..].iter().all(|r| r[8].is_empty()));
}

#[test]
fn paths_that_are_missing_are_reported_in_their_place() {
    let out = nianbao(&[
        "check",
        "--format",
        "csv",
        "/nonexistent/a.txt",
        fixture(SEED_000).to_str().unwrap(),
    ]);
    let rows = csv_rows(&out);
    assert_eq!(rows[1][0], "/nonexistent/a.txt");
    assert!(rows[1][9].starts_with("cannot read"), "{:?}", rows[1]);
    assert!(Path::new(&rows[2][0]).ends_with(SEED_000.trim_start_matches("seeds/")));
}
