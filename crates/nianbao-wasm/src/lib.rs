//! The JavaScript binding of nianbao for the page: each function calls the
//! core and hands its output over, no more. Values cross as JSON, written by
//! serde_json as the CLI writes it and read by the engine's `JSON.parse`:
//! `validate` returns the very object the CLI prints (with `file` null), key
//! order included, twice as fast as building objects one property at a time.

use nianbao::output::{self, Output};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The engine's `JSON.parse`.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &str) -> Result<JsValue, JsValue>;
}

/// The TypeScript types of what the functions return, checked by the browser tests.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// On instantiation: panics are logged with their message, not as `unreachable`.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Reads and checks one report; returns the output object (`Output`).
#[wasm_bindgen(unchecked_return_type = "Output")]
pub fn validate(text: &str) -> Result<JsValue, JsValue> {
    to_js(&Output::new(&nianbao::check(text), text, None))
}

/// Reads and checks this year's report against last year's of the same
/// agency (the cross-report rules); returns the same output object as
/// [`validate`], whose spans all point into `text`.
#[wasm_bindgen(unchecked_return_type = "Output")]
pub fn validate_with_previous(text: &str, previous: &str) -> Result<JsValue, JsValue> {
    let report = nianbao::check_with_previous(text, previous);
    to_js(&Output::new(&report, text, None))
}

/// Every diagnostic code in use: an array of `{code, name, severity, summary, help}`.
#[wasm_bindgen(unchecked_return_type = "Rule[]")]
pub fn rules() -> Result<JsValue, JsValue> {
    to_js(&output::rules())
}

/// The text the reader reads from HTML: a table row a line, its cells tab-separated.
#[wasm_bindgen]
pub fn html_text(html: &str) -> String {
    nianbao::text::html_text(html)
}

/// The rows and columns of the three tables in each template, with their
/// Chinese labels, for drawing the tables: `{active, requests, appeals}`.
#[wasm_bindgen(unchecked_return_type = "Schema")]
pub fn schema() -> Result<JsValue, JsValue> {
    to_js(&output::schema())
}

/// One file of a batch checked (against last year's `[file, text]` if given): its
/// row, `check --format csv`'s line in `csv`; with `enc` empty, `text` is why not read.
#[wasm_bindgen(unchecked_return_type = "BatchRow")]
pub fn batch_row(file: &str, text: &str, enc: &str, last: Vec<String>) -> Result<JsValue, JsValue> {
    to_js(&match (enc, last.as_slice()) {
        ("", _) => nianbao::batch::Row::unread(file, text),
        (_, [name, last]) => nianbao::batch::Row::new(file, text, enc, Some((name, last))),
        _ => nianbao::batch::Row::new(file, text, enc, None),
    })
}

/// The version of this crate, which is the workspace's.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// `value` as a JavaScript value, through JSON.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value).map_err(|err| JsValue::from(err.to_string()))?;
    json_parse(&json)
}
