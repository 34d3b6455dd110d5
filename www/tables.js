// The three statistical tables drawn as the template draws them (merged
// headings, the 第二十条 items of table 二, the grouped outcomes of table 三,
// the two-level heading of table 四), with the values nianbao read; and the
// same values as CSV and JSON for export.
//
// Row keys, row labels and column labels come from the core's schema();
// only the arrangement on the page is decided here. Every value cell is a
// <td data-path="table.row.column">, which the page marks and selects.

import { el } from "./dom.js";

/** Table keys, their titles in the template, and the section they belong to. */
export const TABLES = [
  ["active", "二、主动公开政府信息情况"],
  ["requests", "三、收到和处理政府信息公开申请情况"],
  ["appeals", "四、政府信息公开行政复议、行政诉讼情况"],
];

/** The 第二十条 item each row of table 二 is listed under. */
const ACTIVE_ITEMS = {
  regulations: "第二十条第(一)项",
  normative_documents: "第二十条第(一)项",
  licensing: "第二十条第(五)项",
  other_services: "第二十条第(五)项",
  penalty: "第二十条第(六)项",
  coercion: "第二十条第(六)项",
  fees: "第二十条第(八)项",
  procurement: "第二十条第(九)项",
};

/** Rows of table 三 outside the block 三、本年度办理结果. */
const REQUEST_OUTER = new Set(["new_received", "carried_over", "carried_forward"]);

/** A value as the page shows it: blank cells empty. */
export function shown(value) {
  return value == null ? "" : String(value);
}

/** The rows of `table` in the template the report used, 2021 when unknown. */
export function rowsOf(schema, table, out) {
  if (table === "appeals") return schema.appeals;
  const template = out?.table_info?.[table]?.template ?? (out?.template === "2019" ? "2019" : "2021");
  return schema[table][template] ?? schema[table]["2021"];
}

/** A value cell: focusable by the arrow keys, holding the value read. */
function valueCell(table, row, column, values, out, colSpan = 1) {
  const path = `${table}.${row}.${column}`;
  const value = values?.[row]?.[column];
  const td = el("td", "nb-v", shown(value));
  td.dataset.path = path;
  td.dataset.row = row;
  td.dataset.column = column;
  td.tabIndex = -1;
  if (colSpan > 1) td.colSpan = colSpan;
  if (value == null) td.classList.add("nb-blank");
  if (out.cells?.[path]?.doubtful) td.classList.add("nb-doubtful");
  return td;
}

function th(text, { colSpan = 1, rowSpan = 1, scope = "" } = {}) {
  const cell = el("th", "", text);
  if (colSpan > 1) cell.colSpan = colSpan;
  if (rowSpan > 1) cell.rowSpan = rowSpan;
  if (scope) cell.scope = scope;
  return cell;
}

/** Table 二: one block per 第二十条 item, each with its own column headings. */
function activeTable(rows, values, out) {
  const width = Math.max(...rows.map((r) => r.columns.length));
  const body = [];
  let item = null;
  for (const row of rows) {
    if (ACTIVE_ITEMS[row.key] !== item) {
      item = ACTIVE_ITEMS[row.key];
      body.push(el("tr", "nb-item", th(item, { colSpan: width + 1, scope: "colgroup" })));
      const heads = row.columns.map((c, i) =>
        th(c.label, { colSpan: i === row.columns.length - 1 ? width - i : 1, scope: "col" }),
      );
      body.push(el("tr", "nb-colhead", th("信息内容", { scope: "col" }), ...heads));
    }
    const cells = row.columns.map((c, i) =>
      valueCell("active", row.key, c.key, values, out, i === row.columns.length - 1 ? width - i : 1),
    );
    body.push(el("tr", "", th(row.label, { scope: "row" }), ...cells));
  }
  return el("table", "nb-table nb-active", el("tbody", "", ...body));
}

/** Table 三: applicant columns under 申请人情况, outcome rows grouped as in the template. */
function requestsTable(rows, values, out) {
  const columns = rows[0].columns;
  const applicants = columns.slice(1, -1);
  const head = el(
    "thead",
    "",
    el(
      "tr",
      "",
      th("(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)", { colSpan: 3, rowSpan: 3 }),
      th("申请人情况", { colSpan: columns.length, scope: "colgroup" }),
    ),
    el(
      "tr",
      "",
      th(columns[0].label, { rowSpan: 2, scope: "col" }),
      th("法人或其他组织", { colSpan: applicants.length, scope: "colgroup" }),
      th(columns[columns.length - 1].label, { rowSpan: 2, scope: "col" }),
    ),
    el("tr", "", ...applicants.map((c) => th(c.label, { scope: "col" }))),
  );
  const block = rows.filter((r) => !REQUEST_OUTER.has(r.key));
  const body = [];
  let blockOpened = false;
  let group = null;
  for (const row of rows) {
    const [groupLabel, item] = row.label.split("·");
    const labels = [];
    if (REQUEST_OUTER.has(row.key)) {
      labels.push(th(row.label, { colSpan: 3, scope: "row" }));
    } else {
      if (!blockOpened) {
        blockOpened = true;
        labels.push(th("三、本年度办理结果", { rowSpan: block.length, scope: "rowgroup" }));
      }
      if (item) {
        if (groupLabel !== group) {
          group = groupLabel;
          const span = block.filter((r) => r.label.startsWith(`${groupLabel}·`)).length;
          labels.push(th(groupLabel, { rowSpan: span, scope: "rowgroup" }));
        }
        labels.push(th(item, { scope: "row" }));
      } else {
        group = null;
        labels.push(th(row.label, { colSpan: 2, scope: "row" }));
      }
    }
    const cells = row.columns.map((c) => valueCell("requests", row.key, c.key, values, out));
    body.push(el("tr", row.key === "total" ? "nb-total" : "", ...labels, ...cells));
  }
  return el("table", "nb-table nb-requests", head, el("tbody", "", ...body));
}

/** The label of an appeals column: the template says 其他结果 where other tables say 其他. */
function appealsLabel(column) {
  return column.key === "other" ? "其他结果" : column.label;
}

/** Table 四: 行政复议, then 行政诉讼 split into its two kinds, over one row of fifteen values. */
function appealsTable(rows, values, out) {
  const [review, ...litigation] = rows;
  const n = review.columns.length;
  const head = el(
    "thead",
    "",
    el(
      "tr",
      "",
      th(review.label, { colSpan: n, scope: "colgroup" }),
      th(litigation[0].label.split("·")[0], { colSpan: n * litigation.length, scope: "colgroup" }),
    ),
    el(
      "tr",
      "",
      ...review.columns.map((c) => th(appealsLabel(c), { rowSpan: 2, scope: "col" })),
      ...litigation.map((r) => th(r.label.split("·")[1] ?? r.label, { colSpan: n, scope: "colgroup" })),
    ),
    el("tr", "", ...litigation.flatMap((r) => r.columns.map((c) => th(appealsLabel(c), { scope: "col" })))),
  );
  const cells = rows.flatMap((r) => r.columns.map((c) => valueCell("appeals", r.key, c.key, values, out)));
  return el("table", "nb-table nb-appeals", head, el("tbody", "", el("tr", "", ...cells)));
}

/** The element showing `table` of `out`: the drawn table, or a note that it was not found. */
export function drawTable(schema, table, out) {
  const values = out.tables[table];
  if (!values) return el("p", "nb-missing", "未找到此表。");
  const rows = rowsOf(schema, table, out);
  if (table === "active") return activeTable(rows, values, out);
  if (table === "requests") return requestsTable(rows, values, out);
  return appealsTable(rows, values, out);
}

/** The Chinese name of a cell path, e.g. `表三 (七)总计 · 自然人`. */
export function cellName(schema, out, path) {
  const [table, ...rest] = path.split(".");
  const column = rest.pop();
  const rowKey = rest.join(".");
  const rows = table === "appeals" ? schema.appeals : [...schema[table]["2021"], ...schema[table]["2019"]];
  const row = rows.find((r) => r.key === rowKey);
  const col = row?.columns.find((c) => c.key === column);
  const label = table === "appeals" && col ? appealsLabel(col) : col?.label;
  const number = { active: "表二", requests: "表三", appeals: "表四" }[table] ?? table;
  return `${number} ${row?.label ?? rowKey} · ${label ?? column}`;
}

/** Every value of the tables as rows of [table title, row label, column label, path, value]. */
function valueRows(schema, out) {
  const rows = [];
  for (const [table, title] of TABLES) {
    const values = out.tables[table];
    if (!values) continue;
    for (const row of rowsOf(schema, table, out)) {
      for (const column of row.columns) {
        const label = table === "appeals" ? appealsLabel(column) : column.label;
        rows.push([title, row.label, label, `${table}.${row.key}.${column.key}`, values[row.key]?.[column.key]]);
      }
    }
  }
  return rows;
}

/** One CSV field, quoted when it must be. */
function csvField(value) {
  const text = value == null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The severities as the exports name them. */
const SEVERITY = { error: "错误", warning: "警告", info: "提示" };

/** A report's findings as rows of [code, severity, message, cells, cells to check, line]. */
function findingRows(out) {
  return out.diagnostics.map((d) => [d.code, SEVERITY[d.severity] ?? d.severity, d.message, d.cells.join(" "), d.suspects.join(" "), d.line]);
}

/**
 * The tables as CSV, one value a line, then after an empty line the
 * findings, one a line; with a byte order mark so that spreadsheet
 * programs read UTF-8.
 */
export function tablesCsv(schema, out) {
  const values = [["表格", "行", "列", "单元格", "数值"], ...valueRows(schema, out)];
  const findings = [["代码", "级别", "说明", "单元格", "应核对", "行"], ...findingRows(out)];
  const lines = (rows) => rows.map((line) => line.map(csvField).join(",")).join("\r\n");
  return `\ufeff${lines(values)}\r\n\r\n${lines(findings)}\r\n`;
}

/** The tables as JSON, with the template and metadata they were read with, and the findings. */
export function tablesJson(out) {
  const { template, meta, tables } = out;
  const diagnostics = out.diagnostics.map(({ code, severity, message, cells, suspects, line, column }) => ({
    code, severity, message, cells, suspects, line, column,
  }));
  return `${JSON.stringify({ template, meta, tables, diagnostics }, null, 2)}\n`;
}
