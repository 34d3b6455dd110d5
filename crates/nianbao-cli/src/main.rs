//! `nianbao`, the command-line checker for 政府信息公开工作年度报告.
//!
//! `nianbao check [--format text|json] [FILE|-]...` reads each file (or
//! standard input), prints its diagnostics like a compiler or one JSON
//! object a line, and exits 0 when no report has errors, 1 when one has,
//! 2 on a usage or input error.

mod decode;
mod render;

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: nianbao check [--format text|json] [FILE|-]...
       nianbao --version

Checks government information disclosure annual reports (政府信息公开工作年度报告).
Reads UTF-8, UTF-16 (with BOM) or GB18030 text, plain or HTML; `-` or no FILE reads standard input.
Exit status: 0 no errors, 1 a report has errors, 2 usage or input error.";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

struct Args {
    format: Format,
    files: Vec<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    match args.next().as_deref() {
        Some("check") => {}
        Some(other) => return Err(format!("unknown command '{other}'")),
        None => return Err("missing command".into()),
    }
    let mut format = Format::Text;
    let mut files = Vec::new();
    while let Some(arg) = args.next() {
        let value = match arg.split_once('=') {
            Some(("--format", v)) => Some(v.to_string()),
            _ if arg == "--format" => Some(args.next().ok_or("--format needs a value")?),
            _ => None,
        };
        match value {
            Some(v) => {
                format = match v.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => return Err(format!("unknown format '{other}' (text or json)")),
                }
            }
            None if arg.starts_with("--") => return Err(format!("unknown option '{arg}'")),
            None => files.push(arg),
        }
    }
    if files.is_empty() {
        files.push("-".into());
    }
    Ok(Args { format, files })
}

fn read_input(name: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let read = if name == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(name)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map(|_| ())
    };
    read.map_err(|e| format!("{name}: cannot read: {e}"))?;
    decode::decode(&bytes)
        .map(|(text, _)| text)
        .map_err(|e| format!("{name}: cannot decode: {e}"))
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1).peekable();
    if matches!(args.peek().map(String::as_str), Some("--version" | "-V")) {
        println!("nianbao {}", env!("CARGO_PKG_VERSION"));
        return ExitCode::SUCCESS;
    }
    if matches!(
        args.peek().map(String::as_str),
        Some("--help" | "-h" | "help")
    ) {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let args = match parse_args(args) {
        Ok(args) => args,
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let (mut any_errors, mut failed) = (false, false);
    for file in &args.files {
        let text = match read_input(file) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
                continue;
            }
        };
        let report = nianbao::check(&text);
        any_errors |= report.has_errors();
        let shown = if file == "-" {
            "<stdin>"
        } else {
            file.as_str()
        };
        let written = match args.format {
            Format::Json => {
                let output = nianbao::output::Output::new(&report, &text, Some(shown));
                serde_json::to_string(&output)
                    .map_err(std::io::Error::other)
                    .and_then(|line| writeln!(out, "{line}"))
            }
            Format::Text => write_text(&mut out, &report, &text, shown),
        };
        if written.is_err() {
            // Standard output closed (a pipe into `head`): stop quietly.
            return ExitCode::from(2);
        }
    }
    ExitCode::from(if failed {
        2
    } else if any_errors {
        1
    } else {
        0
    })
}

fn write_text(
    out: &mut impl Write,
    report: &nianbao::Report,
    text: &str,
    file: &str,
) -> std::io::Result<()> {
    let index = nianbao::LineIndex::new(text);
    for d in &report.diagnostics {
        writeln!(out, "{}", render::diagnostic(d, file, &index))?;
    }
    let count = |s| {
        report
            .diagnostics
            .iter()
            .filter(|d| d.severity == s)
            .count()
    };
    let template = report.template.map_or("未识别", |t| t.as_str());
    writeln!(
        out,
        "{file}: {} errors, {} warnings, {} notes (template {template})",
        count(nianbao::Severity::Error),
        count(nianbao::Severity::Warning),
        count(nianbao::Severity::Info)
    )
}
