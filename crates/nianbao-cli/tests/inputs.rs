//! Every path given to `nianbao check` is said: what is not a regular file
//! (a FIFO, a link leading nowhere or round in a loop) is refused with a
//! line of its own and never read, an empty file or directory says so, and
//! each file read says in which encoding, Big5, Shift_JIS and wrongly
//! declared GBK pages included.
#![cfg(unix)]

#[path = "../../nianbao/tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// Runs the command, failing (not hanging) if it takes over ten seconds.
fn nianbao(args: &[&str]) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let id = child.id();
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || send.send(child.wait_with_output().unwrap()));
    receive
        .recv_timeout(Duration::from_secs(10))
        .unwrap_or_else(|_| {
            let _ = Command::new("kill").arg(id.to_string()).status();
            panic!("nianbao {args:?} did not finish: it waits on something")
        })
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// The JSON objects `nianbao` printed, one a line.
fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    common::json_lines(&out.stdout)
}

/// A fresh directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nianbao-inputs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

fn seed(id: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/seeds");
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(id))
        .unwrap();
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn a_fifo_named_is_refused_without_waiting() {
    let dir = scratch("fifo");
    let fifo = dir.join("report.txt");
    mkfifo(&fifo);
    let good = dir.join("good.txt");
    std::fs::write(&good, seed("000")).unwrap();
    let out = nianbao(&["check", fifo.to_str().unwrap(), good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "error: {}: not a regular file (a FIFO): not read",
            fifo.display()
        )),
        "{err}"
    );
    // The run goes on: the good file is checked after it.
    assert!(stdout(&out).contains(&format!("{}: 0 errors", good.display())));
    assert!(err.contains("1 files could not be read"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn links_that_lead_nowhere_or_round_and_fifos_in_a_directory_are_said_and_counted() {
    let dir = scratch("links");
    std::fs::write(dir.join("a.txt"), seed("000")).unwrap();
    std::os::unix::fs::symlink(dir.join("missing.txt"), dir.join("b-dangling.txt")).unwrap();
    std::os::unix::fs::symlink(dir.join("c-self.txt"), dir.join("c-self.txt")).unwrap();
    std::fs::create_dir(dir.join("d")).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("d/up")).unwrap();
    mkfifo(&dir.join("e.html"));
    // A link to a file elsewhere is followed.
    let other = scratch("links-target");
    std::fs::write(other.join("x.txt"), seed("001")).unwrap();
    std::os::unix::fs::symlink(other.join("x.txt"), dir.join("f-link.txt")).unwrap();
    let out = nianbao(&["check", "--format", "json", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let lines = json_lines(&out);
    let shown: Vec<(String, String)> = lines
        .iter()
        .map(|l| {
            let file = l["file"].as_str().unwrap();
            let file = file.strip_prefix(dir.to_str().unwrap()).unwrap();
            (
                file.to_string(),
                l["error"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let up = format!("a symbolic link loop: leads back to {}", dir.display());
    assert_eq!(
        shown,
        [
            ("/a.txt".to_string(), String::new()),
            (
                "/b-dangling.txt".to_string(),
                "a dangling symbolic link: its target does not exist".to_string()
            ),
            (
                "/c-self.txt".to_string(),
                "a symbolic link loop: not read".to_string()
            ),
            ("/d/up".to_string(), up),
            (
                "/e.html".to_string(),
                "not a regular file (a FIFO): not read".to_string()
            ),
            ("/f-link.txt".to_string(), String::new()),
        ]
    );
    assert!(
        stderr(&out).contains("4 files could not be read"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_dir_all(&other).unwrap();
}

#[test]
fn an_empty_directory_or_file_says_so() {
    let dir = scratch("empty");
    let out = nianbao(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!(
            "error: {}: no report file in this directory (none named *.txt, *.md, *.html, *.htm, *.pdf, *.docx)\n",
            dir.display()
        )
    );
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("blank.md"), " \n\u{3000}\r\n").unwrap();
    let out = nianbao(&["check", "--format", "csv", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    let rows: Vec<&str> = text.lines().collect();
    let name = |f: &str| dir.join(f).display().to_string();
    assert_eq!(
        rows[1..],
        [
            format!(
                "{},,,,,,,,,only white space (UTF-8): nothing to check,",
                name("blank.md")
            ),
            format!("{},,,,,,,,,empty: nothing to check,", name("empty.txt")),
        ]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn each_file_says_its_encoding_big5_shift_jis_and_wrong_declarations_included() {
    let dir = scratch("encodings");
    let traditional = seed("003");
    let simplified = seed("000");
    let page = |charset: &str, text: &str| {
        format!("<html><meta charset=\"{charset}\"><body><pre>{text}</pre></body></html>")
    };
    let files: [(&str, Vec<u8>); 6] = [
        ("1-utf8.txt", simplified.clone().into_bytes()),
        (
            "2-big5.txt",
            encoding_rs::BIG5.encode(&traditional).0.into_owned(),
        ),
        (
            "3-latin1.html",
            encoding_rs::GBK
                .encode(&page("iso-8859-1", &simplified))
                .0
                .into_owned(),
        ),
        (
            "4-ascii.html",
            encoding_rs::GBK
                .encode(&page("us-ascii", &simplified))
                .0
                .into_owned(),
        ),
        (
            "5-user.html",
            encoding_rs::GBK
                .encode(&page("x-user-defined", &traditional))
                .0
                .into_owned(),
        ),
        (
            "6-sjis.txt",
            encoding_rs::SHIFT_JIS
                .encode("これは日本語の文書です。政府情報公開の年次報告書ではありません。")
                .0
                .into_owned(),
        ),
    ];
    for (name, bytes) in &files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let out = nianbao(&["check", "--format", "json", dir.to_str().unwrap()]);
    let lines = json_lines(&out);
    let encodings: Vec<&str> = lines
        .iter()
        .map(|l| l["encoding"].as_str().unwrap())
        .collect();
    assert_eq!(
        encodings,
        [
            "UTF-8",
            "Big5",
            "gb18030",
            "gb18030",
            "gb18030",
            "Shift_JIS"
        ]
    );
    // Read right: the Big5 and the wrongly declared pages read to the
    // tables of their seeds, with the same errors.
    let plain = |id: &str| {
        let path = dir.join(format!("plain-{id}.txt"));
        std::fs::write(&path, seed(id)).unwrap();
        let out = nianbao(&["check", "--format", "json", path.to_str().unwrap()]);
        std::fs::remove_file(path).unwrap();
        json_lines(&out).remove(0)
    };
    let (seed_003, seed_000) = (plain("003"), plain("000"));
    for (i, expected) in [
        (1, &seed_003),
        (2, &seed_000),
        (3, &seed_000),
        (4, &seed_003),
    ] {
        assert_eq!(
            lines[i]["tables"], expected["tables"],
            "{}",
            lines[i]["file"]
        );
        assert_eq!(
            codes_of(&lines[i]),
            codes_of(expected),
            "{}",
            lines[i]["file"]
        );
    }
    assert_eq!(codes_of(&seed_003), ["T003"]);
    // The text output and its summary say it too.
    let out = nianbao(&["check", dir.to_str().unwrap()]);
    let text = stdout(&out);
    let big5 = format!(
        "{}: 1 errors, 3 warnings, 0 notes (template mixed, read as Big5)\n",
        dir.join("2-big5.txt").display()
    );
    assert!(text.contains(&big5), "{text}");
    assert!(
        stderr(&out).contains("\nread as 3 gb18030, 1 Big5, 1 Shift_JIS, 1 UTF-8\n"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The codes of a report's errors, sorted.
fn codes_of(v: &serde_json::Value) -> Vec<String> {
    let mut c: Vec<String> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    c.sort();
    c
}
