//! The `nianbao` binary end to end: output formats, encodings, exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

#[path = "../../nianbao/tests/common/mod.rs"]
mod common;

use common::{fixture, SEED_000};

fn nianbao(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

/// The JSON objects `nianbao` printed, one a line.
fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    common::json_lines(&out.stdout)
}

#[test]
fn json_lines_one_object_per_file_with_the_contract_keys() {
    let a = fixture(SEED_000);
    let b = fixture("seeds/003_5ede3548d3d69429.txt");
    let out = nianbao(
        &[
            "check",
            "--format",
            "json",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "003 has errors");
    let objects = json_lines(&out);
    assert_eq!(objects.len(), 2);
    for key in [
        "file",
        "template",
        "meta",
        "sections",
        "tables",
        "diagnostics",
    ] {
        assert!(objects[0].get(key).is_some(), "missing {key}");
    }
    assert_eq!(
        objects[0]["tables"]["requests"]["new_received"]["total"],
        98
    );
    let error = objects[1]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "T003")
        .unwrap();
    assert_eq!(error["code"], "T003");
    assert_eq!(error["severity"], "error");
    assert_eq!(error["cells"][0], "requests.total.natural_person");
    // Line 264 of seed 003 holds the 26 of (七)总计·自然人; UTF-16 offsets select it.
    assert_eq!(
        (error["line"].as_u64(), error["column"].as_u64()),
        (Some(264), Some(1))
    );
    let text = std::fs::read_to_string(&b).unwrap();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let (s, e) = (
        error["start"].as_u64().unwrap() as usize,
        error["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(String::from_utf16(&utf16[s..e]).unwrap(), "26");
}

#[test]
fn text_output_reads_like_a_compiler() {
    let path = fixture("seeds/004_49603480a1e8c436.txt");
    let out = nianbao(&["check", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "error[T004]: 行政复议·总计 为 0，结果维持、结果纠正、其他结果、尚未审结之和为 1"
        ),
        "{text}"
    );
    assert!(text.contains("004_49603480a1e8c436.txt:322:1"), "{text}");
    assert!(
        text.contains("  = cells: appeals.review.total, appeals.review.upheld"),
        "{text}"
    );
}

#[test]
fn a_correct_report_on_stdin_exits_zero() {
    let text = std::fs::read(fixture(SEED_000)).unwrap();
    let out = nianbao(&["check", "--format=json"], Some(&text));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json_lines(&out)[0]["file"], "<stdin>");
}

#[test]
fn gb18030_html_is_decoded() {
    let text = std::fs::read_to_string(fixture(SEED_000)).unwrap();
    let html = format!(
        "<html><head><meta charset=\"gb2312\"></head><body><pre>{text}</pre></body></html>"
    );
    let (bytes, _, _) = encoding_rs::GB18030.encode(&html);
    let out = nianbao(&["check", "--format", "json", "-"], Some(&bytes));
    assert_eq!(
        json_lines(&out)[0]["meta"]["agency"],
        "株洲市天元区行政审批服务局"
    );
}

#[test]
fn unreadable_input_says_which_file_and_why() {
    let out = nianbao(&["check", "/nonexistent/report.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/report.txt: cannot read"));
    let out = nianbao(&["check", "-"], Some(&[0x81, 0x30, 0xFF, 0xFE, 0x81]));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("<stdin>: cannot decode")
            || String::from_utf8_lossy(&out.stderr).contains("-: cannot decode")
    );
}

#[test]
fn usage_errors_exit_two() {
    for args in [
        &["frobnicate"][..],
        &["check", "--format", "xml"],
        &["check", "--bogus"],
    ] {
        let out = nianbao(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn rules_lists_every_code_and_explain_prints_its_page() {
    let out = nianbao(&["rules"], None);
    assert_eq!(out.status.code(), Some(0));
    let listed = String::from_utf8(out.stdout).unwrap();
    for code in nianbao::codes::ALL {
        assert!(
            listed.lines().any(|l| l.starts_with(code.code)),
            "{} not listed",
            code.code
        );
    }
    let out = nianbao(&["explain", "t003"], None);
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with("# T003 requests-outcome-sum"), "{page}");
    assert!(page.contains("## 错误示例"));
    assert_eq!(nianbao(&["explain", "Z999"], None).status.code(), Some(2));
}

#[test]
fn previous_year_and_errors_only() {
    let last = fixture("real/010.txt");
    let this = fixture("rules/X001/invalid_carry_over.txt");
    let out = nianbao(
        &[
            "check",
            "--format",
            "json",
            "--previous",
            last.to_str().unwrap(),
            this.to_str().unwrap(),
        ],
        None,
    );
    let codes: Vec<String> = json_lines(&out)[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    assert!(codes.contains(&"X001".to_string()), "{codes:?}");
    let out = nianbao(
        &[
            "check",
            "--format",
            "json",
            "--errors-only",
            this.to_str().unwrap(),
        ],
        None,
    );
    let severities: Vec<String> = json_lines(&out)[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["severity"].as_str().unwrap().to_string())
        .collect();
    assert!(
        !severities.is_empty() && severities.iter().all(|s| s == "error"),
        "{severities:?}"
    );
    assert_eq!(out.status.code(), Some(1));
}
