//! A bundler just big enough for the page's own ES modules: it joins a
//! module and everything it imports into one script, for the single-file
//! `nianbao.html` and the `<nianbao-validator>` element.
//!
//! It relies on how `www/` is written, and refuses anything else: imports on
//! one line each, from `./name.js` or from the wasm-bindgen glue; exports
//! only as `export function|const|let|class` declarations; no two modules
//! declaring the same top-level name. The glue is wrapped in a function
//! whose result stands for `import * as nb from "./pkg/nianbao_wasm.js"`.

use crate::Result;
use std::collections::HashMap;

/// The import path of the wasm-bindgen glue in `www/`'s modules.
pub const GLUE: &str = "./pkg/nianbao_wasm.js";

/// The name the wrapped glue is bound to in a bundle.
const GLUE_NAME: &str = "__nianbaoWasm";

/// One `import` line of a module.
#[derive(Debug, PartialEq)]
struct Import<'a> {
    /// What is imported, e.g. `* as nb` or `{ el }`.
    what: &'a str,
    /// From where, e.g. `./dom.js`.
    from: &'a str,
}

/// Reads `import WHAT from "FROM";`.
fn parse_import(line: &str) -> Option<Import<'_>> {
    let rest = line.strip_prefix("import ")?.trim_end().strip_suffix(';')?;
    let (what, from) = rest.rsplit_once(" from ")?;
    let from = from.trim().strip_prefix('"')?.strip_suffix('"')?;
    Some(Import {
        what: what.trim(),
        from,
    })
}

/// Joins module `entry` and its imports, dependencies first, into one
/// module script. `source` gives the text of a module by import path
/// (`./ui.js`); `glue` is the wasm-bindgen glue's text.
pub fn bundle(entry: &str, glue: &str, source: &dyn Fn(&str) -> Result<String>) -> Result<String> {
    let mut order = Vec::new();
    let mut texts = HashMap::new();
    visit(entry, source, &mut order, &mut texts, &mut Vec::new())?;
    let mut out = String::new();
    let needs_glue = order.iter().any(|name| {
        texts[name]
            .lines()
            .any(|l| parse_import(l).is_some_and(|i| i.from == GLUE))
    });
    if needs_glue {
        out.push_str(&wrap_glue(glue)?);
    }
    for name in &order {
        out.push_str(&format!("// {name}\n"));
        out.push_str(&strip_module(name, &texts[name])?);
        out.push('\n');
    }
    Ok(out)
}

/// Depth-first: a module's imports before the module.
fn visit(
    name: &str,
    source: &dyn Fn(&str) -> Result<String>,
    order: &mut Vec<String>,
    texts: &mut HashMap<String, String>,
    path: &mut Vec<String>,
) -> Result<()> {
    if texts.contains_key(name) {
        return Ok(());
    }
    if path.iter().any(|p| p == name) {
        return Err(format!("import cycle through {name}").into());
    }
    let text = source(name)?;
    path.push(name.to_string());
    for line in text.lines() {
        if line.starts_with("import ") {
            let import = parse_import(line)
                .ok_or_else(|| format!("{name}: an import the bundler cannot read: {line}"))?;
            if import.from != GLUE {
                visit(import.from, source, order, texts, path)?;
            }
        }
    }
    path.pop();
    texts.insert(name.to_string(), text);
    order.push(name.to_string());
    Ok(())
}

/// A module's text without its imports and `export` keywords; the glue's
/// namespace import becomes a binding of the wrapped glue.
fn strip_module(name: &str, text: &str) -> Result<String> {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        if let Some(import) = parse_import(line) {
            if import.from == GLUE {
                let alias = import
                    .what
                    .strip_prefix("* as ")
                    .ok_or_else(|| format!("{name}: import the glue as `* as name`"))?;
                out.push_str(&format!("const {alias} = {GLUE_NAME};\n"));
            }
            continue;
        }
        let line = match line.strip_prefix("export ") {
            Some(rest) if is_declaration(rest) => rest,
            Some(_) => {
                return Err(format!("{name}: an export the bundler cannot read: {line}").into())
            }
            None => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    Ok(out)
}

fn is_declaration(rest: &str) -> bool {
    ["function ", "async function ", "const ", "let ", "class "]
        .iter()
        .any(|kw| rest.starts_with(kw))
}

/// The glue inside a function returning its exports as an object, bound to
/// [`GLUE_NAME`]. `import.meta.url` still names the bundle, so the glue
/// finds its `.wasm` file beside the bundle.
fn wrap_glue(glue: &str) -> Result<String> {
    let mut body = String::with_capacity(glue.len());
    let mut exports: Vec<(String, String)> = Vec::new();
    for line in glue.lines() {
        if let Some(rest) = line.strip_prefix("export ") {
            if let Some(list) = rest.strip_prefix('{') {
                let list = list
                    .trim_end()
                    .strip_suffix(';')
                    .unwrap_or(list)
                    .trim_end()
                    .strip_suffix('}')
                    .ok_or_else(|| format!("glue: cannot read `{line}`"))?;
                for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    let (local, exported) = item.split_once(" as ").unwrap_or((item, item));
                    exports.push((exported.trim().into(), local.trim().into()));
                }
                continue;
            }
            if !is_declaration(rest) {
                return Err(format!("glue: cannot read `{line}`").into());
            }
            let name = rest
                .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                .filter(|w| !w.is_empty())
                .find(|w| !["function", "async", "const", "let", "class"].contains(w))
                .ok_or_else(|| format!("glue: no name in `{line}`"))?;
            exports.push((name.into(), name.into()));
            body.push_str(rest);
        } else {
            body.push_str(line);
        }
        body.push('\n');
    }
    if !exports.iter().any(|(exported, _)| exported == "default") {
        return Err("glue: no default export (the init function)".into());
    }
    let fields: Vec<String> = exports
        .iter()
        .map(|(exported, local)| format!("{exported}: {local}"))
        .collect();
    Ok(format!(
        "// {GLUE}\nconst {GLUE_NAME} = (() => {{\n{body}return {{ {} }};\n}})();\n",
        fields.join(", ")
    ))
}

/// A JavaScript string literal of `text`, safe inside an HTML `<script>`:
/// `<` is escaped, so no `</script>` or `<!--` can appear.
pub fn js_string(text: &str) -> String {
    let json = serde_json::to_string(text).expect("a string serialises");
    json.replace('<', "\\u003c")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// Fails when `content` could end or confuse the `<tag>` element it is to
/// be inlined in.
pub fn check_inlinable(tag: &str, content: &str) -> Result<()> {
    let lower = content.to_ascii_lowercase();
    if lower.contains(&format!("</{tag}")) || lower.contains("<!--") {
        return Err(format!("cannot inline: the content holds `</{tag}` or `<!--`").into());
    }
    Ok(())
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE_TEXT: &str = "\
let wasm;
export function validate(text) {
    return wasm.validate(text);
}
async function __wbg_init(module_or_path) {
    return new URL('x_bg.wasm', import.meta.url);
}
export { initSync, __wbg_init as default };
";

    fn sources(name: &str) -> Result<String> {
        Ok(match name {
            "./main.js" => "import * as nb from \"./pkg/nianbao_wasm.js\";\nimport { mount } from \"./ui.js\";\nmount(nb);\n",
            "./ui.js" => "import { el } from \"./dom.js\";\n\nexport function mount(nb) {\n  el(nb.validate(\"x\"));\n}\n",
            "./dom.js" => "export const el = (x) => x;\n",
            other => return Err(format!("no module {other}").into()),
        }
        .to_string())
    }

    #[test]
    fn bundles_dependencies_first_without_imports_or_exports() {
        let out = bundle("./main.js", GLUE_TEXT, &sources).unwrap();
        let dom = out.find("// ./dom.js").unwrap();
        let ui = out.find("// ./ui.js").unwrap();
        let main = out.find("// ./main.js").unwrap();
        assert!(out.find(&format!("const {GLUE_NAME} = ")).unwrap() < dom);
        assert!(dom < ui && ui < main, "{out}");
        assert!(
            !out.contains("import {") && !out.contains("export "),
            "{out}"
        );
        assert!(out.contains(&format!("const nb = {GLUE_NAME};")));
        assert!(
            out.contains("return { validate: validate, initSync: initSync, default: __wbg_init };")
        );
        assert!(out.contains("import.meta.url"));
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        let src = |name: &str| -> Result<String> {
            Ok(match name {
                "./a.js" => "export default 1;\n",
                _ => "import {\n  x } from \"./a.js\";\n",
            }
            .to_string())
        };
        assert!(bundle("./a.js", GLUE_TEXT, &src).is_err());
        assert!(bundle("./b.js", GLUE_TEXT, &src).is_err());
        let cycle = |name: &str| -> Result<String> {
            Ok(if name == "./a.js" {
                "import { b } from \"./b.js\";\n"
            } else {
                "import { a } from \"./a.js\";\n"
            }
            .to_string())
        };
        assert!(bundle("./a.js", GLUE_TEXT, &cycle)
            .unwrap_err()
            .to_string()
            .contains("cycle"));
    }

    #[test]
    fn strings_are_safe_in_a_script_element() {
        let s = js_string("年报 </script><!-- \"x\"\n");
        assert_eq!(s, "\"年报 \\u003c/script>\\u003c!-- \\\"x\\\"\\n\"");
        assert!(check_inlinable("script", &s).is_ok());
        assert!(check_inlinable("script", "a </SCRIPT> b").is_err());
        assert!(check_inlinable("style", "a <!-- b").is_err());
    }

    #[test]
    fn base64_matches_rfc_4648() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), expected);
        }
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
    }
}
