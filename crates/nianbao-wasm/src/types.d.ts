// The TypeScript types of what the binding's functions return, appended to
// pkg/nianbao_wasm.d.ts: the shapes of crates/nianbao/src/output.rs as serde
// writes them. tests/browser/types.test.mjs checks every fixture's output,
// rules() and schema() against them with tsc.
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
  /** Other places that take part, each with a word on its role; a finding
   * explained by another (cells shifted by one) points to it here. */
  related: (Location & { message: string })[];
  /** Among `cells`, those that state a total the others should add up to. */
  stated: string[];
  /** The cells to check: the fewest whose change makes every relation of
   * the table hold (cell paths). */
  suspects: string[];
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
/** What `batch_row` returns: one file's row of the summary of many reports. */
export interface BatchRow {
  file: string;
  agency: string | null;
  year: number | null;
  template: "2019" | "2021" | "mixed" | null;
  errors: number;
  warnings: number;
  notes: number;
  /** Each code found and how often, in code order. */
  codes: { code: string; count: number }[];
  /** The file of last year's report it was checked against. */
  previous: string | null;
  /** Why the file could not be read. */
  error: string | null;
  encoding: string;
  /** The agency (reduced for matching) and year reports are paired by. */
  key: { agency: string; year: number } | null;
  /** Its line of `nianbao check --format csv`, and that CSV's header. */
  csv: string;
  csv_header: string;
}
