//! The JavaScript binding of nianbao for the page: `validate`, `rules` and
//! `version`, each reading its arguments, calling the core and returning
//! plain objects. Anything more belongs in the core.
//!
//! Values are serialised JSON-compatibly: maps become plain objects in the
//! core's key order, so `validate` returns the same object the CLI prints
//! as JSON, and `start`/`end` are UTF-16 offsets, as
//! `textarea.setSelectionRange` counts.

use serde::Serialize;
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::prelude::*;

/// Runs when the module is instantiated: panics are logged to the console
/// with their message, not as a bare `unreachable`.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Reads and checks one report; returns the output object (`template`,
/// `meta`, `sections`, `tables`, `summary`, `diagnostics`, …).
#[wasm_bindgen]
pub fn validate(text: &str) -> Result<JsValue, JsValue> {
    let output = nianbao::output::Output::new(&nianbao::check(text), text, None);
    to_js(&output)
}

/// One entry of the code catalogue, as `rules()` returns it.
#[derive(Serialize)]
struct Rule {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    summary: &'static str,
    help: &'static str,
}

/// Every diagnostic code: an array of `{code, name, severity, summary, help}`.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsValue> {
    let rules: Vec<Rule> = nianbao::codes::ALL
        .iter()
        .map(|c| Rule {
            code: c.code,
            name: c.name,
            severity: c.severity.as_str(),
            summary: c.summary,
            help: c.help,
        })
        .collect();
    to_js(&rules)
}

/// The version of this crate, which is the workspace's.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&Serializer::json_compatible())
        .map_err(JsValue::from)
}
