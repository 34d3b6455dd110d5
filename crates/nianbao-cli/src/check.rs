//! `nianbao check`: reads each input, checks it on every core, writes each
//! report in input order as it is done, and ends a run of several inputs
//! with a summary on standard error.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{BufWriter, IsTerminal, Read, Write};
use std::num::NonZeroUsize;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::Instant;

use crate::emit::{self, Checked, Format};
use crate::inputs::{self, Input};
use crate::progress::Progress;
use crate::summary::Summary;
use crate::{decode, document, pairing, pool};

/// The arguments of `nianbao check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How to write each report.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Check each report against the same agency's report of the year
    /// before, found among the inputs by the agency and year in the text.
    #[arg(long, conflicts_with = "previous")]
    pub pair_years: bool,

    /// Check each report against LAST, the same agency's report for the
    /// year before.
    #[arg(long, value_name = "LAST")]
    pub previous: Option<PathBuf>,

    /// Report errors only, not warnings and notes.
    #[arg(long)]
    pub errors_only: bool,

    /// How many reports to check at once [default: one for each core].
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,

    /// Files and directories to check; `-` or none reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// Runs `nianbao check`.
pub fn run(args: &Args) -> ExitCode {
    let start = Instant::now();
    let inputs = inputs::expand(&args.paths);
    let names: Vec<String> = inputs.iter().map(Input::name).collect();
    let stdin = inputs.contains(&Input::Stdin).then(read_stdin);
    let read = |i: usize| read_text(&inputs[i], stdin.as_ref());
    let threads = args
        .jobs
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    let n = inputs.len();

    // Last year's report named on the command line, read once.
    let last = match &args.previous {
        Some(path) => match read_text(&Input::File(path.clone()), None) {
            Ok((text, _, _)) => Some(text),
            Err(why) => {
                eprintln!("error: {}: {why}", path.display());
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let last = last.as_deref().map(nianbao::read);

    // With `--pair-years`, every report's agency and year are known before
    // any is checked: each is prepared (normalised, its metadata read) in a
    // first pass, and kept, with its text, for the second within a budget;
    // only a report beyond it is read and normalised again.
    let mut kept: Vec<Mutex<Option<(Text, nianbao::Prepared)>>> = Vec::new();
    let (previous, pairing) = if args.pair_years {
        let mut keys = vec![None; n];
        kept.resize_with(n, || Mutex::new(None));
        let mut budget = KEPT_BYTES;
        pool::ordered(
            n,
            threads,
            |i| {
                read(i).ok().map(|got| {
                    let prepared = nianbao::prepare(&got.0);
                    (got, prepared)
                })
            },
            |i, got| {
                if let Some((got, prepared)) = got {
                    keys[i] = nianbao::pairing::key(prepared.meta());
                    let bytes = got.0.len() + prepared.bytes();
                    if bytes <= budget {
                        budget -= bytes;
                        kept[i] = Mutex::new(Some((got, prepared)));
                    }
                }
                ControlFlow::Continue(())
            },
        );
        let previous = nianbao::pairing::previous(&keys);
        let line = pairing::describe(&keys, &previous);
        (previous, Some(line))
    } else {
        (vec![None; n], None)
    };
    // Input `i`'s text, and its preparation where the first pass kept it.
    let fetch = |i: usize| -> Result<(Text, Option<nianbao::Prepared>), String> {
        let got = kept
            .get(i)
            .and_then(|k| k.lock().ok().and_then(|mut k| k.take()));
        match got {
            Some((text, prepared)) => Ok((text, Some(prepared))),
            None => read(i).map(|text| (text, None)),
        }
    };

    let format = args.format;
    // Checks input `i`, read as `this` from `text`, against last year's
    // report: `(input, read)` when it is among the inputs, or the one named
    // by `--previous`.
    let check = |i: usize,
                 got: &Text,
                 this: Cow<nianbao::Read>,
                 paired: Option<(usize, &nianbao::Read)>|
     -> Done {
        let (text, encoding, places) = got;
        let previous = paired.map(|(_, p)| p).or(last.as_ref());
        // A report read for this check only becomes the report checked;
        // one kept as another's year before is copied.
        let mut report = match this {
            Cow::Owned(read) => nianbao::check_owned(read, previous),
            Cow::Borrowed(read) => nianbao::check_read(read, previous),
        };
        if args.errors_only {
            report
                .diagnostics
                .retain(|d| d.severity == nianbao::Severity::Error);
        }
        let paired_name = paired.map(|(j, _)| names[j].as_str());
        let checked = emit::report(
            format,
            &names[i],
            text,
            places,
            &report,
            paired_name,
            encoding,
        );
        (checked, text.len())
    };
    let unreadable =
        |i: usize, why: &str| -> Done { (emit::unreadable(format, &names[i], why), 0) };
    let work = |i: usize| -> Done {
        match read(i) {
            Ok(got) => check(i, &got, Cow::Owned(nianbao::read(&got.0)), None),
            Err(why) => unreadable(i, &why),
        }
    };
    // With `--pair-years`, the reports of one agency are checked together,
    // each read once, the year before's kept while the year after needs it.
    let tree = |t: &[usize]| -> Vec<(usize, Done)> {
        let mut years = pairing::Tree::new(t, &previous);
        // The texts of the reports that are some other's year before,
        // fetched first and kept for the whole tree: the reads borrow them.
        let (mut texts, mut preparations) = (Vec::new(), Vec::new());
        for (k, &i) in t.iter().enumerate() {
            let got = years.is_previous(k).then(|| fetch(i));
            let (text, prepared) = match got {
                Some(Ok((text, prepared))) => (Some(Ok(text)), prepared),
                Some(Err(why)) => (Some(Err(why)), None),
                None => (None, None),
            };
            texts.push(text);
            preparations.push(prepared);
        }
        let mut reads: Vec<Option<nianbao::Read>> = t.iter().map(|_| None).collect();
        let mut done = Vec::with_capacity(t.len());
        for (k, &i) in t.iter().enumerate() {
            let parent = years.parent(k);
            let paired = parent.and_then(|p| Some((t[p], reads[p].as_ref()?)));
            let result = match &texts[k] {
                Some(Ok(got)) => {
                    let this = read_prepared(got, preparations[k].take());
                    let result = check(i, got, Cow::Borrowed(&this), paired);
                    reads[k] = Some(this);
                    result
                }
                Some(Err(why)) => unreadable(i, why),
                None => match fetch(i) {
                    Ok((got, prepared)) => {
                        check(i, &got, Cow::Owned(read_prepared(&got, prepared)), paired)
                    }
                    Err(why) => unreadable(i, &why),
                },
            };
            if let Some(p) = parent.filter(|&p| years.done_with(p)) {
                reads[p] = None;
            }
            done.push((i, result));
        }
        done
    };

    let stdout = std::io::stdout();
    let interactive = stdout.is_terminal();
    // Not the locked handle: results are written by whichever worker hands
    // them on (`pool::ordered`), one at a time.
    let mut out = BufWriter::with_capacity(1 << 16, stdout);
    let mut progress = Progress::new(n);
    let mut summary = Summary::default();
    let (mut any_errors, mut closed) = (false, false);
    if format == Format::Csv {
        closed |= writeln!(out, "{}", emit::CSV_HEADER).is_err();
    }
    let mut emit = |i: usize, (checked, bytes): Done| {
        summary.add(checked.facts.as_ref(), bytes);
        any_errors |= checked.facts.as_ref().is_some_and(|f| f.errors > 0);
        let written = progress.suspend(|| {
            if let Some(err) = &checked.err {
                // Standard output first, so that the two streams stay in step on a terminal.
                out.flush()?;
                eprintln!("{err}");
            }
            out.write_all(checked.out.as_bytes())?;
            if interactive {
                out.flush()?;
            }
            Ok::<_, std::io::Error>(())
        });
        progress.step(&names[i]);
        if written.is_err() || closed {
            // Standard output closed (a pipe into `head`): stop quietly.
            closed = true;
            return ControlFlow::Break(());
        }
        ControlFlow::Continue(())
    };
    if args.pair_years {
        // Trees end in any order of the inputs: each report waits for
        // those before it.
        let trees = pairing::trees(&previous);
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        pool::ordered(
            trees.len(),
            threads,
            |t| tree(&trees[t]),
            |_, done| {
                waiting.extend(done);
                while let Some(result) = waiting.remove(&next) {
                    emit(next, result)?;
                    next += 1;
                }
                ControlFlow::Continue(())
            },
        );
    } else {
        pool::ordered(n, threads, work, emit);
    }
    progress.finish();
    closed |= out.flush().is_err();
    if closed {
        return ExitCode::from(2);
    }
    if n > 1 {
        eprint!("{}", summary.render(start.elapsed(), pairing.as_deref()));
    }
    ExitCode::from(if summary.unreadable > 0 {
        2
    } else if any_errors {
        1
    } else {
        0
    })
}

/// Reads `text`, from its preparation where the first pass kept it.
fn read_prepared(text: &Text, prepared: Option<nianbao::Prepared>) -> nianbao::Read<'_> {
    match prepared {
        Some(prepared) => prepared.read(&text.0),
        None => nianbao::read(&text.0),
    }
}

/// How many bytes of texts and their preparations the first pass of
/// `--pair-years` keeps for the second: an archive beyond is read twice.
const KEPT_BYTES: usize = 512 << 20;

/// An input's text, the encoding it was read in (or the kind of document)
/// and, for a document, the place of each of its lines.
type Text = (String, &'static str, document::Places);

/// An input's output and the bytes of text checked.
type Done = (Checked, usize);

/// Standard input, read once however often `-` is named.
fn read_stdin() -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map(|_| bytes)
        .map_err(|e| format!("cannot read: {e}"))
}

/// The text of one input, the encoding it was read in (or the kind of
/// document) and, for a document, the place of each of its lines; or why it
/// cannot be had. An empty input, or one of white space only, is said.
fn read_text(input: &Input, stdin: Option<&Result<Vec<u8>, String>>) -> Result<Text, String> {
    let owned;
    let bytes: &[u8] = match input {
        Input::Stdin => match stdin {
            Some(Ok(bytes)) => bytes,
            Some(Err(e)) => return Err(e.clone()),
            None => return Err("cannot read: standard input was not read".into()),
        },
        Input::File(path) => {
            owned = inputs::read(path)?;
            &owned
        }
        Input::Refused(_, why) => return Err(why.clone()),
    };
    if bytes.is_empty() {
        return Err("empty: nothing to check".into());
    }
    let path = match input {
        Input::File(path) => Some(path.as_path()),
        _ => None,
    };
    if let Some(document) = document::open(bytes, path) {
        let kind = match nianbao_document::sniff(bytes) {
            Some(nianbao_document::Kind::Docx) => "DOCX",
            _ => "PDF",
        };
        return document.map(|(text, places)| (text, kind, places));
    }
    let (text, encoding) = decode::decode(bytes).map_err(|e| format!("cannot decode: {e}"))?;
    if text.trim().is_empty() {
        return Err(format!("only white space ({encoding}): nothing to check"));
    }
    Ok((text, encoding, Vec::new()))
}
