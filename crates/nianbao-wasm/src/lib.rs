//! The JavaScript binding of nianbao for the page: `validate`,
//! `validate_with_previous`, `rules`, `schema` and `version`, each reading
//! its arguments, calling the core and returning plain objects. Anything
//! more belongs in the core.
//!
//! Values cross into JavaScript as JSON, written by serde_json as the CLI
//! writes it and read by the engine's own `JSON.parse`: `validate` returns
//! the very object the CLI prints (with `file` null), key order included,
//! and this is about twice as fast as building the objects one property at
//! a time. `start`/`end` are UTF-16 offsets, as
//! `textarea.setSelectionRange` counts.

use nianbao::tables::schema::{self, RowSpec};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The engine's `JSON.parse`.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &str) -> Result<JsValue, JsValue>;
}

/// The TypeScript types of what the functions return: the same shape as
/// the CLI's JSON, described in the README.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Where something is: 1-based line and column (characters), UTF-16 offsets. */
export interface Location { line: number; column: number; start: number; end: number; }
/** A table's values: row key, then column key, then the value (null when blank). */
export type TableValues = Record<string, Record<string, number | null>>;
/** One finding about the report. */
export interface Diagnostic {
  code: string;
  severity: "error" | "warning" | "info";
  /** What is wrong, in Chinese. */
  message: string;
  /** Cell paths such as `requests.total.natural_person`. */
  cells: string[];
  line: number | null;
  column: number | null;
  /** Start offset in UTF-16 code units, null when the finding has no place. */
  start: number | null;
  end: number | null;
  note: string | null;
  help: string | null;
  /** Other places that take part, each with a word on its role. */
  related: (Location & { message: string })[];
}
/** What `validate` returns: the object `nianbao check --format json` prints. */
export interface Output {
  file: string | null;
  template: "2019" | "2021" | "mixed" | null;
  meta: { agency: string | null; year: number | null; published: string | null };
  sections: Record<"overview" | "active" | "requests" | "appeals" | "problems" | "other",
    (Location & { heading: string }) | null>;
  tables: Record<"active" | "requests" | "appeals", TableValues | null>;
  table_info: Record<"active" | "requests" | "appeals",
    (Location & { template: "2019" | "2021" | null; layout: string; doubtful: boolean }) | null>;
  cells: Record<string, Location & { doubtful: boolean }>;
  summary: { errors: number; warnings: number; infos: number };
  diagnostics: Diagnostic[];
}
/** One diagnostic code of the catalogue. */
export interface Rule { code: string; name: string; severity: "error" | "warning" | "info"; summary: string; help: string; }
/** One row of a table's template, with its Chinese labels. */
export interface RowSpec { key: string; label: string; columns: { key: string; label: string }[]; }
/** The rows of the three tables in each template. */
export interface Schema {
  active: { "2019": RowSpec[]; "2021": RowSpec[] };
  requests: { "2019": RowSpec[]; "2021": RowSpec[] };
  appeals: RowSpec[];
}
"#;

/// Runs when the module is instantiated: panics are logged to the console
/// with their message, not as a bare `unreachable`.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Reads and checks one report; returns the output object (`template`,
/// `meta`, `sections`, `tables`, `summary`, `diagnostics`, …).
#[wasm_bindgen(unchecked_return_type = "Output")]
pub fn validate(text: &str) -> Result<JsValue, JsValue> {
    let output = nianbao::output::Output::new(&nianbao::check(text), text, None);
    to_js(&output)
}

/// Reads and checks this year's report against last year's of the same
/// agency (the cross-report rules); returns the same output object as
/// [`validate`], whose spans all point into `text`.
#[wasm_bindgen(unchecked_return_type = "Output")]
pub fn validate_with_previous(text: &str, previous: &str) -> Result<JsValue, JsValue> {
    let report = nianbao::check_with_previous(text, previous);
    to_js(&nianbao::output::Output::new(&report, text, None))
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
#[wasm_bindgen(unchecked_return_type = "Rule[]")]
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

/// A row of the template with its column labels, as `schema()` returns it.
#[derive(Serialize)]
struct Row {
    key: &'static str,
    label: &'static str,
    columns: Vec<Column>,
}

#[derive(Serialize)]
struct Column {
    key: &'static str,
    label: &'static str,
}

/// The two templates of one table.
#[derive(Serialize)]
struct Templates {
    #[serde(rename = "2019")]
    t2019: Vec<Row>,
    #[serde(rename = "2021")]
    t2021: Vec<Row>,
}

#[derive(Serialize)]
struct Schema {
    active: Templates,
    requests: Templates,
    appeals: Vec<Row>,
}

/// The rows and columns of the three tables in each template, with their
/// Chinese labels, for drawing the tables: `{active, requests, appeals}`.
#[wasm_bindgen(unchecked_return_type = "Schema")]
pub fn schema() -> Result<JsValue, JsValue> {
    let rows = |specs: &[RowSpec]| -> Vec<Row> {
        specs
            .iter()
            .map(|r| Row {
                key: r.key,
                label: r.label,
                columns: r
                    .columns
                    .iter()
                    .map(|&key| Column {
                        key,
                        label: schema::column_label(key),
                    })
                    .collect(),
            })
            .collect()
    };
    to_js(&Schema {
        active: Templates {
            t2019: rows(schema::ACTIVE_2019),
            t2021: rows(schema::ACTIVE_2021),
        },
        requests: Templates {
            t2019: rows(&schema::requests_rows(false)),
            t2021: rows(&schema::requests_rows(true)),
        },
        appeals: rows(schema::APPEALS),
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
