//! The inputs of a run: each file named, each report file found below each
//! directory named (recursively, in name order), or standard input.

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
    /// A directory that could not be listed, and why.
    Unlisted(PathBuf, String),
}

impl Input {
    /// The name shown for this input in the output.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(path) | Input::Unlisted(path, _) => path.display().to_string(),
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
        } else if path.is_dir() {
            walk(path, &mut out);
        } else {
            // Named files are read whatever their extension; a missing one
            // is reported when it is read, in its place.
            out.push(Input::File(path.clone()));
        }
    }
    out
}

/// Adds the report files below `dir`, entries in name order, depth first.
/// Symbolic links to files are followed, links to directories are not, so
/// that a link cannot make the walk go round in circles.
fn walk(dir: &Path, out: &mut Vec<Input>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(Input::Unlisted(dir.to_path_buf(), e.to_string()));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, out);
        } else if is_report_file(&path) && (kind.is_file() || path.is_file()) {
            out.push(Input::File(path));
        }
    }
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
