//! The command line, parsed: which subcommand and its options.

/// Usage text, printed by `--help` and after a usage error.
pub const USAGE: &str =
    "usage: nianbao check [--format text|json] [--errors-only] [--previous LAST] [FILE|-]...
       nianbao rules
       nianbao explain CODE
       nianbao --version

Checks government information disclosure annual reports (政府信息公开工作年度报告).
Reads UTF-8, UTF-16 (with BOM) or GB18030 text, plain or HTML; `-` or no FILE reads standard input.
--previous LAST checks each FILE against LAST, the same agency's report for the year before.
`rules` lists every diagnostic code; `explain CODE` prints the page of one.
Exit status: 0 no errors, 1 a report has errors, 2 usage or input error.";

/// How `check` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Like a compiler.
    Text,
    /// One JSON object a line.
    Json,
}

/// What to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Check reports.
    Check(Check),
    /// List the diagnostic codes.
    Rules,
    /// Print one code's page.
    Explain(String),
    /// Print the version.
    Version,
    /// Print the usage.
    Help,
}

/// The options of `check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// How to print.
    pub format: Format,
    /// Report errors only.
    pub errors_only: bool,
    /// Last year's report, for the cross-report rules.
    pub previous: Option<String>,
    /// The reports; `-` is standard input.
    pub files: Vec<String>,
}

/// Parses the arguments after the program name.
pub fn parse(mut args: impl Iterator<Item = String>) -> Result<Command, String> {
    let command = match args.next().as_deref() {
        Some("check") => return parse_check(args).map(Command::Check),
        Some("rules") => Command::Rules,
        Some("explain") => {
            Command::Explain(args.next().ok_or("explain needs a code, such as T003")?)
        }
        Some("--version" | "-V") => Command::Version,
        Some("--help" | "-h" | "help") => Command::Help,
        Some(other) => return Err(format!("unknown command '{other}'")),
        None => return Err("missing command".into()),
    };
    match args.next() {
        Some(extra) => Err(format!("unexpected argument '{extra}'")),
        None => Ok(command),
    }
}

fn parse_check(mut args: impl Iterator<Item = String>) -> Result<Check, String> {
    let mut check = Check {
        format: Format::Text,
        errors_only: false,
        previous: None,
        files: Vec::new(),
    };
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or(format!("{what} needs a value"))
        };
        match name.as_str() {
            "--format" => {
                check.format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => return Err(format!("unknown format '{other}' (text or json)")),
                }
            }
            "--previous" => check.previous = Some(value("--previous")?),
            "--errors-only" => check.errors_only = true,
            _ if arg.starts_with("--") => return Err(format!("unknown option '{arg}'")),
            _ => check.files.push(arg),
        }
    }
    if check.files.is_empty() {
        check.files.push("-".into());
    }
    Ok(check)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> Result<Command, String> {
        parse(s.split_whitespace().map(str::to_string))
    }

    #[test]
    fn parses_each_command() {
        assert_eq!(parse_str("rules"), Ok(Command::Rules));
        assert_eq!(
            parse_str("explain T003"),
            Ok(Command::Explain("T003".into()))
        );
        let Ok(Command::Check(c)) =
            parse_str("check --format=json --errors-only --previous a.txt b.txt")
        else {
            panic!()
        };
        assert_eq!(
            (c.format, c.errors_only, c.previous.as_deref(), c.files),
            (Format::Json, true, Some("a.txt"), vec!["b.txt".to_string()])
        );
        let Ok(Command::Check(c)) = parse_str("check") else {
            panic!()
        };
        assert_eq!(c.files, ["-"]);
    }

    #[test]
    fn rejects_what_it_does_not_know() {
        for bad in [
            "",
            "frobnicate",
            "check --format xml",
            "check --bogus",
            "explain",
            "rules extra",
            "check --previous",
        ] {
            assert!(parse_str(bad).is_err(), "{bad}");
        }
    }
}
