//! The page's three forms in `dist/`, each an entry of `www/` bundled by
//! esbuild with what it imports, beside `pkg/`:
//!
//! - the served page: `index.html`, `style.css` and `main.js`, which
//!   fetches `pkg/nianbao_wasm_bg.wasm`, and
//!   `pkg/nianbao_document_wasm_bg.wasm` when a document is opened;
//! - `nianbao.html`: one file that works from `file://`: `single.js`, with
//!   the module deflated inside it, and the style inlined under a
//!   Content-Security-Policy that allows only those two, by hash, and
//!   WebAssembly, and forbids every request; and the document reader's
//!   module, deflated, as base64 text in a data block (a `<script>` of type
//!   `application/octet-stream`, which is never run), decoded and inflated
//!   only when a document is opened;
//! - `embed/`: `nianbao-validator.js` (`embed.js`: the `<nianbao-validator>`
//!   element, its style inside), its two `.wasm` beside it, and `demo.html`.
//!
//! esbuild writes the syntax of the browser floor, Chromium 86
//! (`--target=chrome86`): it lowers what is newer, or fails.
//!
//! The modules import the glues, the deflated modules, the sample report
//! and the batch's worker by the names esbuild is told to alias here. The
//! worker (`worker.js` with the glue) is bundled first, on its own, and
//! goes into each form as a string, started from a `blob:` URL: one file
//! serves all three, and `nianbao.html` needs no second file.

use crate::{node, run_cmd, target_dir, Result};
use base64::{engine::general_purpose::STANDARD, Engine};
use sha2::{Digest, Sha256};
use std::fs;
use std::path::Path;
use std::process::Command;

/// The report the page's 载入示例报告 button loads: a real one whose table
/// 三 does not add up.
pub const SAMPLE: &str = "tests/fixtures/seeds/003_5ede3548d3d69429.txt";

/// The rules' pages, `nianbao explain`'s text, generated beside `docs/rules/`.
pub const PAGES: &str = "docs/rules/pages.json";

/// The module in `pkg/`.
const WASM_FILE: &str = "nianbao_wasm_bg.wasm";

/// The document reader's module in `pkg/`.
const DOCUMENT_FILE: &str = "nianbao_document_wasm_bg.wasm";

/// The entries, bundled into files of the same names.
const ENTRIES: [&str; 3] = ["main.js", "single.js", "embed.js"];

/// The batch's worker, bundled on its own and imported by the entries as text.
const WORKER: &str = "worker.js";

/// What the served page's `index.html` links, replaced when inlining.
const STYLE_LINK: &str = r#"<link rel="stylesheet" href="style.css">"#;
const SCRIPT_TAG: &str = r#"<script type="module" src="main.js"></script>"#;
const CHARSET: &str = r#"<meta charset="utf-8">"#;
const BODY_END: &str = "</body>";

/// The id of nianbao.html's data block holding the document reader's
/// module, as `www/single.js` finds it.
const DOCUMENT_BLOCK: &str = "nianbao-document-module";

/// Writes the three forms of the page into `dist`, which holds `pkg/` (the
/// glue and the optimised module).
pub fn assemble(www: &Path, dist: &Path) -> Result<()> {
    let pkg = dist.join("pkg");
    let bundles = target_dir().join("page");
    fs::create_dir_all(&bundles)?;
    let deflated = bundles.join("nianbao_wasm_bg.wasm.deflate");
    let wasm = fs::read(pkg.join(WASM_FILE))?;
    fs::write(&deflated, miniz_oxide::deflate::compress_to_vec(&wasm, 10))?;
    // Base64 text in a data block of nianbao.html, not in its script: the
    // script's parsing and its CSP hash would take 40 ms more at every
    // start; the page decodes it only when a document is opened.
    let document = fs::read(pkg.join(DOCUMENT_FILE))?;
    let document_b64 = STANDARD.encode(miniz_oxide::deflate::compress_to_vec(&document, 10));
    let alias = |name: &str, file: &Path| format!("--alias:{name}={}", file.display());
    // `.txt`, so that the entries' esbuild loads it as text.
    let worker = bundles.join("worker.js.txt");
    run_cmd(
        Command::new(node::bin("esbuild"))
            .arg(www.join(WORKER))
            // A classic script: Chromium starts no module worker from a
            // `blob:` URL of a `file://` page. The glue's `import.meta.url`
            // (its default path to the module) is never used: the worker is
            // handed the compiled module.
            .args(["--bundle", "--format=iife", "--charset=utf8", "--minify"])
            .arg("--target=chrome86")
            .arg("--log-override:empty-import-meta=silent")
            .arg(alias("nianbao-wasm", &pkg.join("nianbao_wasm.js")))
            .arg(format!("--outfile={}", worker.display())),
    )?;
    run_cmd(
        Command::new(node::bin("esbuild"))
            .args(ENTRIES.map(|entry| www.join(entry)))
            .args(["--bundle", "--format=esm", "--charset=utf8"])
            .arg("--target=chrome86")
            .args([
                "--loader:.deflate=binary",
                "--loader:.css=text",
                "--loader:.txt=text",
            ])
            .arg(alias("nianbao-wasm", &pkg.join("nianbao_wasm.js")))
            .arg(alias("nianbao-wasm-deflated", &deflated))
            .arg(alias(
                "nianbao-document-wasm",
                &pkg.join("nianbao_document_wasm.js"),
            ))
            .arg(alias("nianbao-sample", &crate::project_root().join(SAMPLE)))
            .arg(alias("nianbao-pages", &crate::project_root().join(PAGES)))
            .arg(alias("nianbao-worker", &worker))
            .arg(format!("--outdir={}", bundles.display())),
    )?;

    let embed = dist.join("embed");
    fs::create_dir_all(&embed)?;
    for file in ["index.html", "style.css", "embed/demo.html"] {
        fs::copy(www.join(file), dist.join(file))?;
    }
    fs::copy(bundles.join("main.js"), dist.join("main.js"))?;
    let script = fs::read_to_string(bundles.join("single.js"))?;
    let css = fs::read_to_string(www.join("style.css"))?;
    let index = fs::read_to_string(www.join("index.html"))?;
    fs::write(
        dist.join("nianbao.html"),
        single_file(&index, &css, &script, &document_b64)?,
    )?;
    fs::copy(bundles.join("embed.js"), embed.join("nianbao-validator.js"))?;
    for file in [WASM_FILE, DOCUMENT_FILE] {
        fs::copy(pkg.join(file), embed.join(file))?;
    }
    Ok(())
}

/// Fails when `content` could end or confuse the `<tag>` element it is to
/// be inlined in.
fn check_inlinable(tag: &str, content: &str) -> Result<()> {
    let lower = content.to_ascii_lowercase();
    if lower.contains(&format!("</{tag}")) || lower.contains("<!--") {
        return Err(format!("cannot inline: the content holds `</{tag}` or `<!--`").into());
    }
    Ok(())
}

/// The `'sha256-…'` source of a CSP for an inline element's content.
fn csp_hash(content: &str) -> String {
    format!("'sha256-{}'", STANDARD.encode(Sha256::digest(content)))
}

/// `index` with `css` and `script` inlined and a Content-Security-Policy
/// allowing exactly those, WebAssembly, a `data:` icon, and workers from
/// `blob:` URLs (the batch's, whose code the hashed script holds and hands
/// over as a blob; a worker inherits this policy); nothing can be fetched,
/// framed, posted or connected to. Chromium before 97 knows no
/// `'wasm-unsafe-eval'` and compiles WebAssembly only under `'unsafe-eval'`,
/// so the floor needs both; no script in `dist/` calls eval
/// (`tests/browser/floor.test.mjs`). The base64 text `data` goes in a data
/// block at the end of the body, which no policy needs to allow, as it is
/// never run.
fn single_file(index: &str, css: &str, script: &str, data: &str) -> Result<String> {
    check_inlinable("style", css)?;
    check_inlinable("script", script)?;
    if !data
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
    {
        return Err("cannot inline: the data block is not base64".into());
    }
    for marker in [STYLE_LINK, SCRIPT_TAG, CHARSET, BODY_END] {
        if index.matches(marker).count() != 1 {
            return Err(format!("www/index.html must hold `{marker}` once").into());
        }
    }
    let csp = format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval' 'unsafe-eval'; style-src {}; img-src data:; worker-src blob:; base-uri 'none'; form-action 'none'",
        csp_hash(script),
        csp_hash(css)
    );
    Ok(index
        .replace(
            CHARSET,
            &format!(
                "{CHARSET}\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">"
            ),
        )
        .replace(STYLE_LINK, &format!("<style>{css}</style>"))
        .replace(
            SCRIPT_TAG,
            &format!("<script type=\"module\">{script}</script>"),
        )
        .replace(
            BODY_END,
            &format!(
                "<script type=\"application/octet-stream\" id=\"{DOCUMENT_BLOCK}\">{data}</script>\n{BODY_END}"
            ),
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csp_hashes_what_is_inlined() {
        // The hash of `alert(1)`, as browsers print it in their CSP errors.
        assert_eq!(
            csp_hash("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
        let index = format!("<head>{CHARSET}\n{STYLE_LINK}\n{SCRIPT_TAG}</head><body>{BODY_END}");
        let html = single_file(&index, "p{}", "go()", "AAEC+/==").unwrap();
        assert!(html.contains("<style>p{}</style>"));
        assert!(html.contains("<script type=\"module\">go()</script>"));
        assert!(html.contains(&format!(
            "script-src {} 'wasm-unsafe-eval' 'unsafe-eval';",
            csp_hash("go()")
        )));
        assert!(html.contains(&format!("style-src {};", csp_hash("p{}"))));
        assert!(html.contains("default-src 'none'"));
        assert!(html.contains(&format!(
            "<script type=\"application/octet-stream\" id=\"{DOCUMENT_BLOCK}\">AAEC+/==</script>"
        )));
        assert!(html.contains("; worker-src blob:;"));
        assert!(single_file(&index, "p{}", "x = '</SCRIPT>'", "").is_err());
        assert!(single_file(&index, "a <!-- b", "", "").is_err());
        assert!(single_file(&index, "", "", "</script>").is_err());
        assert!(single_file("<head></head>", "", "", "").is_err());
    }

    #[test]
    fn the_sample_and_the_entries_exist() {
        let root = crate::project_root();
        assert!(root.join(SAMPLE).is_file());
        assert!(root.join(PAGES).is_file());
        for entry in ENTRIES.into_iter().chain([WORKER]) {
            assert!(root.join("www").join(entry).is_file(), "{entry}");
        }
    }
}
