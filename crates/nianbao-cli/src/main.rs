//! `nianbao`, the command-line checker for 政府信息公开工作年度报告.
//!
//! `nianbao check [--format text|json] [--errors-only] [--previous LAST]
//! [FILE|-]...` reads each file (or standard input), prints its diagnostics
//! like a compiler or one JSON object a line, and exits 0 when no report has
//! errors, 1 when one has, 2 on a usage or input error. `nianbao rules`
//! lists the codes and `nianbao explain CODE` prints one code's page.

mod args;
mod decode;

use std::io::{Read, Write};
use std::process::ExitCode;

use args::{Check, Command, Format, USAGE};

fn main() -> ExitCode {
    let command = match args::parse(std::env::args().skip(1)) {
        Ok(command) => command,
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Check(check) => run_check(&check),
        Command::Rules => {
            print!("{}", nianbao::rules::docs::catalogue());
            ExitCode::SUCCESS
        }
        Command::Explain(code) => match nianbao::rules::docs::page(&code.to_ascii_uppercase()) {
            Some(page) => {
                print!("{}", page.markdown);
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("error: unknown code '{code}' (see `nianbao rules`)");
                ExitCode::from(2)
            }
        },
        Command::Version => {
            println!("nianbao {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Command::Help => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
    }
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

fn run_check(check: &Check) -> ExitCode {
    let previous = match check.previous.as_deref().map(read_input).transpose() {
        Ok(previous) => previous,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let (mut any_errors, mut failed) = (false, false);
    for file in &check.files {
        let text = match read_input(file) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
                continue;
            }
        };
        let options = nianbao::Options {
            previous: previous.as_deref(),
            only: None,
        };
        let mut report = nianbao::check_with(&text, options);
        any_errors |= report.has_errors();
        if check.errors_only {
            report
                .diagnostics
                .retain(|d| d.severity == nianbao::Severity::Error);
        }
        let shown = if file == "-" {
            "<stdin>"
        } else {
            file.as_str()
        };
        let written = match check.format {
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
        writeln!(out, "{}", nianbao::render::diagnostic(d, file, &index))?;
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
