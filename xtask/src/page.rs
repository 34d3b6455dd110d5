//! The page's three forms in `dist/`, from `www/` and the built `pkg/`:
//!
//! - the served page: `index.html`, its ES modules, `style.css`, `pkg/`;
//! - `nianbao.html`: one file that works from `file://`, its script (glue,
//!   modules and the wasm as base64) and style inlined, under a
//!   Content-Security-Policy that allows only those two, by hash, and
//!   WebAssembly, and forbids every request;
//! - `embed/`: `nianbao-validator.js`, one ES module defining the
//!   `<nianbao-validator>` element, its `.wasm` beside it, and `demo.html`.

use crate::bundle::{base64, bundle, check_inlinable, js_string};
use crate::{project_root, Result};
use sha2::{Digest, Sha256};
use std::fs;
use std::io;
use std::path::Path;

/// The report the page's 载入示例报告 button loads: a real one whose table
/// 三 does not add up.
pub const SAMPLE: &str = "tests/fixtures/seeds/003_5ede3548d3d69429.txt";

/// The files of the glue and the module it loads, in `pkg/`.
const GLUE_FILE: &str = "nianbao_wasm.js";
const WASM_FILE: &str = "nianbao_wasm_bg.wasm";

/// The single-file page's `wasm-source.js`: the module deflated, in
/// base64, inflated by the browser and compiled as it streams in.
const INLINE_WASM: &str = r#"// The WebAssembly module, deflated, inlined by `cargo xtask dist`.
const WASM_DEFLATED = "@WASM@";

/** The base64 decoded: natively where the browser can, else by atob. */
function fromBase64(base64) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(base64);
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

export function wasmSource() {
  const bytes = fromBase64(WASM_DEFLATED);
  const wasm = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return { module_or_path: new Response(wasm, { headers: { "Content-Type": "application/wasm" } }) };
}
"#;

/// What the served page's `index.html` links, replaced when inlining.
const STYLE_LINK: &str = r#"<link rel="stylesheet" href="style.css">"#;
const SCRIPT_TAG: &str = r#"<script type="module" src="main.js"></script>"#;
const CHARSET: &str = r#"<meta charset="utf-8">"#;

/// Writes the three forms of the page into `dist`, which holds `pkg/` (the
/// glue and the optimised module, also at `pkg`).
pub fn assemble(www: &Path, dist: &Path, pkg: &Path) -> Result<()> {
    copy_dir(www, dist, &["embed.js"])
        .map_err(|err| format!("cannot copy www/ into dist/: {err}"))?;
    let sample = fs::read_to_string(project_root().join(SAMPLE))
        .map_err(|err| format!("cannot read {SAMPLE}: {err}"))?;
    let sample = format!(
        "// The sample report of the 载入示例报告 button, written by `cargo xtask dist` from\n// {SAMPLE}.\n\nexport const SAMPLE = {};\n",
        js_string(&sample)
    );
    fs::write(dist.join("sample.js"), &sample)?;

    let glue = fs::read_to_string(pkg.join(GLUE_FILE))?;
    let wasm = fs::read(pkg.join(WASM_FILE))?;
    let css = fs::read_to_string(www.join("style.css"))?;
    let module = |name: &str| -> Result<String> {
        let file = name
            .strip_prefix("./")
            .ok_or_else(|| format!("not a relative import: {name}"))?;
        match file {
            "sample.js" => Ok(sample.clone()),
            _ => fs::read_to_string(www.join(file))
                .map_err(|err| format!("cannot read www/{file}: {err}").into()),
        }
    };

    let inline_wasm = INLINE_WASM.replace(
        "@WASM@",
        &base64(&miniz_oxide::deflate::compress_to_vec(&wasm, 10)),
    );
    let script = bundle("./main.js", &glue, &|name| match name {
        "./wasm-source.js" => Ok(inline_wasm.clone()),
        _ => module(name),
    })?;
    let index = fs::read_to_string(www.join("index.html"))?;
    fs::write(
        dist.join("nianbao.html"),
        single_file(&index, &css, &script)?,
    )?;

    let embed = bundle("./embed.js", &glue, &|name| match name {
        "./style.js" => Ok(format!("export const STYLE = {};\n", js_string(&css))),
        _ => module(name),
    })?;
    let embed_dir = dist.join("embed");
    fs::create_dir_all(&embed_dir)?;
    fs::write(
        embed_dir.join("nianbao-validator.js"),
        format!("// <nianbao-validator>, built by `cargo xtask dist` from www/embed.js.\n{embed}"),
    )?;
    fs::copy(pkg.join(WASM_FILE), embed_dir.join(WASM_FILE))?;
    Ok(())
}

/// The `'sha256-…'` source of a CSP for an inline element's content.
fn csp_hash(content: &str) -> String {
    format!("'sha256-{}'", base64(&Sha256::digest(content.as_bytes())))
}

/// `index` with `css` and `script` inlined and a Content-Security-Policy
/// allowing exactly those, WebAssembly, and a `data:` icon; nothing can be
/// fetched, framed, posted or connected to.
fn single_file(index: &str, css: &str, script: &str) -> Result<String> {
    check_inlinable("style", css)?;
    check_inlinable("script", script)?;
    for marker in [STYLE_LINK, SCRIPT_TAG, CHARSET] {
        if index.matches(marker).count() != 1 {
            return Err(format!("www/index.html must hold `{marker}` once").into());
        }
    }
    let csp = format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data:; base-uri 'none'; form-action 'none'",
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
        ))
}

/// Copies the files under `from` into `to`, creating directories as
/// needed, leaving out the files named in `skip` at the top level.
fn copy_dir(from: &Path, to: &Path, skip: &[&str]) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        if skip.iter().any(|s| entry.file_name() == *s) {
            continue;
        }
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target, &[])?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
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
        let index = format!("<head>{CHARSET}\n{STYLE_LINK}\n{SCRIPT_TAG}</head>");
        let html = single_file(&index, "p{}", "go()").unwrap();
        assert!(html.contains("<style>p{}</style>"));
        assert!(html.contains("<script type=\"module\">go()</script>"));
        assert!(html.contains(&format!(
            "script-src {} 'wasm-unsafe-eval'",
            csp_hash("go()")
        )));
        assert!(html.contains(&format!("style-src {};", csp_hash("p{}"))));
        assert!(html.contains("default-src 'none'"));
        assert!(single_file(&index, "p{}", "x = '</script>'").is_err());
        assert!(single_file("<head></head>", "", "").is_err());
    }

    #[test]
    fn the_sample_exists() {
        assert!(project_root().join(SAMPLE).is_file());
    }
}
