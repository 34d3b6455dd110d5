// The page's script: runs nianbao's validate() on every edit of the text and
// shows the summary, the diagnostics and the three tables it read.
//
// Everything taken from the report is put in the page with textContent (via
// append), never as HTML, so pasted markup stays text.

import init, { validate, version } from "./pkg/nianbao_wasm.js";

const TABLES = [
  ["active", "二、主动公开政府信息情况"],
  ["requests", "三、收到和处理政府信息公开申请情况"],
  ["appeals", "四、政府信息公开行政复议、行政诉讼情况"],
];
const SEVERITY = { error: "错误", warning: "警告", info: "提示" };
const TEMPLATE = { 2019: "2019 年版", 2021: "2021 年版", mixed: "两版混用" };

const $ = (id) => document.getElementById(id);
const text = $("text");

/** An element with the given class and children (strings become text nodes). */
function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

function showSummary(out) {
  const rows = [
    ["模板", out.template ? TEMPLATE[out.template] ?? out.template : "未识别"],
    ["机关", out.meta.agency ?? "未识别"],
    ["年度", out.meta.year != null ? String(out.meta.year) : "未识别"],
    ["错误", String(out.summary.errors)],
    ["警告", String(out.summary.warnings)],
    ["提示", String(out.summary.infos)],
  ];
  $("summary").replaceChildren(...rows.flatMap(([k, v]) => [el("dt", "", k), el("dd", "", v)]));
}

/** Selects the diagnostic's span in the textarea; start and end count UTF-16 units. */
function select(d) {
  text.focus();
  text.setSelectionRange(d.start, d.end);
  text.scrollTop = heightBefore(d.start) - text.clientHeight / 3;
}

/**
 * The height the text before `offset` takes in the textarea, measured in a
 * hidden copy laid out alike, since browsers do not all scroll to a selection.
 */
function heightBefore(offset) {
  const style = getComputedStyle(text);
  const mirror = el("div", "", text.value.slice(0, offset));
  Object.assign(mirror.style, {
    position: "absolute", visibility: "hidden", boxSizing: "border-box",
    width: `${text.clientWidth}px`, padding: style.padding, font: style.font,
    letterSpacing: style.letterSpacing, whiteSpace: "pre-wrap", overflowWrap: "break-word",
  });
  document.body.append(mirror);
  const height = mirror.scrollHeight;
  mirror.remove();
  return height;
}

function showDiagnostics(out) {
  const items = out.diagnostics.map((d) => {
    const where = d.line != null ? `${d.line}:${d.column}` : "";
    const severity = el("span", "severity", SEVERITY[d.severity] ?? d.severity);
    const head = el("div", "head", el("code", "", d.code), severity, el("span", "where", where));
    const item = el("li", d.severity, head, el("p", "message", d.message));
    if (d.help) item.append(el("p", "help", d.help));
    if (d.start != null) {
      item.tabIndex = 0;
      item.title = "点击在原文中选中";
      item.addEventListener("click", () => select(d));
      item.addEventListener("keydown", (e) => e.key === "Enter" && select(d));
    }
    return item;
  });
  $("diagnostics").replaceChildren(...(items.length ? items : [el("li", "none", "未发现问题")]));
}

/** One table as an HTML table: a row per row key, a column per column key. */
function tableOf(rows) {
  const columns = [...new Set(Object.values(rows).flatMap((cells) => Object.keys(cells)))];
  const head = el("tr", "", el("th", "", ""), ...columns.map((c) => el("th", "", c)));
  const body = Object.entries(rows).map(([row, cells]) =>
    el("tr", "", el("th", "", row), ...columns.map((c) => el("td", "", cells[c] == null ? "" : String(cells[c])))),
  );
  return el("table", "", el("thead", "", head), el("tbody", "", ...body));
}

function showTables(out) {
  $("tables").replaceChildren(
    ...TABLES.map(([key, title]) => {
      const rows = out.tables[key];
      return el("section", "table", el("h3", "", title), rows ? tableOf(rows) : el("p", "missing", "未找到此表"));
    }),
  );
}

function update() {
  if (!text.value.trim()) {
    $("status").textContent = "粘贴报告全文后即开始检查。";
    for (const id of ["summary", "diagnostics", "tables"]) $(id).replaceChildren();
    return;
  }
  try {
    const out = validate(text.value);
    $("status").textContent = "";
    showSummary(out);
    showDiagnostics(out);
    showTables(out);
  } catch (err) {
    $("status").textContent = `检查失败：${err}`;
  }
}

init().then(
  () => {
    $("version").textContent = version();
    text.disabled = false;
    text.addEventListener("input", update);
    update();
    text.focus();
  },
  (err) => {
    $("status").textContent = `校验程序加载失败：${err}`;
  },
);
