//! The inputs of a run: each file named, each report file found below each
//! directory named (recursively, in name order), or standard input; and
//! the bytes of a file, read only when it is a regular file. Whatever is
//! not read (a FIFO, a device, a link leading nowhere or round in a loop,
//! a directory that cannot be listed or holds no report file) is an input
//! of its own that says why, so that every path given is accounted for.

use std::fs::{self, FileType};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Extensions of the files a directory is searched for, compared without case.
pub const EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "pdf", "docx"];

/// One input of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input, named `-` on the command line.
    Stdin,
    /// A file, named or found in a directory.
    File(PathBuf),
    /// A path that is not read, and why.
    Refused(PathBuf, String),
}

impl Input {
    /// The name shown for this input in the output.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(path) | Input::Refused(path, _) => path.display().to_string(),
        }
    }
}

/// The inputs named by `paths`, in the order given, each directory replaced
/// by the report files below it; no path at all means standard input.
pub fn expand(paths: &[PathBuf]) -> Vec<Input> {
    if paths.is_empty() {
        return vec![Input::Stdin];
    }
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Input::Stdin);
            continue;
        }
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                let before = out.len();
                walk(path, &mut Vec::new(), &mut out);
                if out.len() == before {
                    let why = format!(
                        "no report file in this directory (none named *.{})",
                        EXTENSIONS.join(", *.")
                    );
                    out.push(Input::Refused(path.clone(), why));
                }
            }
            Ok(m) if !m.is_file() => {
                out.push(Input::Refused(path.clone(), not_regular(m.file_type())));
            }
            Err(e) if is_link(path) => out.push(Input::Refused(path.clone(), broken_link(&e))),
            // Named files are read whatever their extension; a missing one
            // is reported when it is read, in its place.
            _ => out.push(Input::File(path.clone())),
        }
    }
    out
}

/// Adds the inputs below `dir`, entries in name order, depth first.
/// Symbolic links are followed, except one leading back to a directory
/// being searched (`ancestors`, canonical), which would never end.
fn walk(dir: &Path, ancestors: &mut Vec<PathBuf>, out: &mut Vec<Input>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            let why = format!("cannot list the directory: {e}");
            out.push(Input::Refused(dir.to_path_buf(), why));
            return;
        }
    };
    ancestors.push(fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf()));
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        // The kind of the entry, read with the listing on most systems; a
        // link's, of what it leads to.
        let followed = match entry.file_type() {
            Ok(kind) if kind.is_symlink() => fs::metadata(&path).map(|m| m.file_type()),
            other => other,
        };
        let kind = match followed {
            Ok(kind) => kind,
            Err(e) if is_link(&path) => {
                out.push(Input::Refused(path, broken_link(&e)));
                continue;
            }
            Err(e) => {
                out.push(Input::Refused(path, format!("cannot read: {e}")));
                continue;
            }
        };
        if kind.is_dir() {
            let target = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            match ancestors.iter().find(|a| **a == target) {
                Some(a) => {
                    let why = format!("a symbolic link loop: leads back to {}", a.display());
                    out.push(Input::Refused(path, why));
                }
                None => walk(&path, ancestors, out),
            }
        } else if !kind.is_file() {
            out.push(Input::Refused(path, not_regular(kind)));
        } else if is_report_file(&path) {
            out.push(Input::File(path));
        }
    }
    ancestors.pop();
}

/// Whether `path` is itself a symbolic link.
fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Why a symbolic link that cannot be followed is not read.
fn broken_link(e: &io::Error) -> String {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return "a symbolic link loop: not read".to_string();
    }
    if e.kind() == io::ErrorKind::NotFound {
        "a dangling symbolic link: its target does not exist".to_string()
    } else {
        format!("a symbolic link that cannot be followed: {e}")
    }
}

/// Why a file that is neither a regular file nor a directory is not read.
fn not_regular(kind: FileType) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let what = if kind.is_fifo() {
            "a FIFO"
        } else if kind.is_socket() {
            "a socket"
        } else if kind.is_char_device() {
            "a character device"
        } else if kind.is_block_device() {
            "a block device"
        } else if kind.is_dir() {
            "a directory"
        } else {
            "a special file"
        };
        format!("not a regular file ({what}): not read")
    }
    #[cfg(not(unix))]
    {
        let what = if kind.is_dir() { " (a directory)" } else { "" };
        format!("not a regular file{what}: not read")
    }
}

/// The bytes of the file at `path`, which is read only if it is a regular
/// file: it is opened without waiting (a FIFO would wait for a writer) and
/// its kind is asked of the open file, so that nothing swapped in after
/// the walk is read either.
pub fn read(path: &Path) -> Result<Vec<u8>, String> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = options
        .open(path)
        .map_err(|e| format!("cannot read: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err(not_regular(meta.file_type()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    Ok(bytes)
}

/// Whether a file found in a directory is one to check, by its extension.
fn is_report_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_give_their_report_files_in_name_order() {
        let root = std::env::temp_dir().join(format!("nianbao-inputs-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for file in [
            "b/2.TXT",
            "b/1.md",
            "a.html",
            "c.htm",
            "d.pdf",
            "e.DOCX",
            "skip.doc",
            "b/deep/x.txt",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "").unwrap();
        }
        let found: Vec<String> = expand(std::slice::from_ref(&root))
            .iter()
            .map(|i| {
                let Input::File(p) = i else { panic!("{i:?}") };
                p.strip_prefix(&root).unwrap().display().to_string()
            })
            .collect();
        assert_eq!(
            found,
            [
                "a.html",
                "b/1.md",
                "b/2.TXT",
                "b/deep/x.txt",
                "c.htm",
                "d.pdf",
                "e.DOCX"
            ]
        );
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn no_path_or_a_dash_is_standard_input() {
        assert_eq!(expand(&[]), [Input::Stdin]);
        assert_eq!(
            expand(&[PathBuf::from("-"), PathBuf::from("missing.txt")]),
            [Input::Stdin, Input::File(PathBuf::from("missing.txt"))]
        );
    }
}
