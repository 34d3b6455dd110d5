// The validator's interface, mounted into an element of the page or of the
// <nianbao-validator> element's shadow root: the paste area, the summary,
// the diagnostics grouped by section, the three tables, the cell panel,
// the explanation of each code, files, export and print. It checks the text
// on every edit, with no button.
//
// Everything taken from a report reaches the page as text (el() and
// textContent), never as HTML, so pasted markup shows as what it is.
// `nianbao-sample` is the text of the sample report, as xtask's esbuild
// aliases it.

import { el } from "./dom.js";
import { BATCH_MARKUP, createBatch } from "./batch.js";
import { withPlaces } from "./document.js";
import { codeButton, explainer } from "./explain.js";
import { REPORT_FILE, readFile, shownText } from "./input.js";
import SAMPLE from "nianbao-sample";
import { TABLES, cellName, drawTable, shown, tablesCsv, tablesJson } from "./tables.js";

/** The interface's fixed markup. It holds no text from a report. */
const MARKUP = `
<p class="nb-sheet">审阅单 · 文件：<span class="nb-sheet-file"></span> · 检查日期：<span class="nb-sheet-date"></span> · nianbao <span class="nb-version"></span></p>
<div class="nb-bar">
  <button type="button" data-act="back" hidden>返回汇总</button>
  <button type="button" data-act="open">打开文件…</button>
  <button type="button" data-act="open-folder">打开文件夹…</button>
  <button type="button" data-act="sample">载入示例报告</button>
  <button type="button" data-act="clear">清空</button>
  <span class="nb-sep"></span>
  <button type="button" data-act="csv" disabled>导出 CSV</button>
  <button type="button" data-act="json" disabled>导出 JSON</button>
  <button type="button" data-act="print" disabled>打印审阅单</button>
  <input type="file" data-file="text" accept=".txt,.md,.html,.htm,.pdf,.docx,.doc,.wps,.et,text/plain,text/html,text/markdown,application/pdf" multiple hidden>
  <input type="file" data-file="folder" webkitdirectory hidden>
  <input type="file" data-file="previous" accept=".txt,.md,.html,.htm,.pdf,.docx,.doc,.wps,.et,text/plain,text/html,text/markdown,application/pdf" hidden>
</div>
${BATCH_MARKUP}
<div class="nb-work">
  <section class="nb-input" aria-labelledby="nb-input-h">
    <h2 id="nb-input-h">报告全文</h2>
    <label for="nb-text">粘贴年度报告全文，或把 .txt、.html、.md、.pdf、.docx 文件拖到这里；随输入即时检查</label>
    <textarea id="nb-text" spellcheck="false" autocomplete="off" disabled placeholder="在此粘贴年度报告全文……"></textarea>
    <details class="nb-previous" hidden>
      <summary>上年报告（用于跨年度核对）</summary>
      <label for="nb-previous">粘贴同一机关上一年度的报告全文，核对上年结转、现行有效件数等</label>
      <textarea id="nb-previous" spellcheck="false" autocomplete="off" placeholder="在此粘贴上年报告全文……"></textarea>
      <button type="button" data-act="open-previous">打开上年报告文件…</button>
    </details>
  </section>
  <section class="nb-results" aria-labelledby="nb-results-h">
    <h2 id="nb-results-h">检查结果</h2>
    <p class="nb-status" role="status">正在加载校验程序……</p>
    <dl class="nb-summary"></dl>
    <div class="nb-filter">
      <input type="checkbox" id="nb-errors-only">
      <label for="nb-errors-only">只看错误</label>
    </div>
    <div class="nb-diagnostics"></div>
    <section class="nb-cell" aria-labelledby="nb-cell-h" hidden>
      <h4 id="nb-cell-h">单元格</h4>
      <div class="nb-cell-body"></div>
    </section>
  </section>
</div>
<section class="nb-tables" aria-labelledby="nb-tables-h">
  <h2 id="nb-tables-h">统计表</h2>
  <p class="nb-legend">
    <span class="nb-key nb-m-error">有错误</span>
    <span class="nb-key nb-m-warning">有警告</span>
    <span class="nb-key nb-stated">合计一方</span>
    <span class="nb-key nb-part">相加一方</span>
    <span class="nb-key nb-suspect">应核对</span>
    <span class="nb-key nb-doubtful">读取存疑</span>
    方向键在表内移动，回车查看单元格。
  </p>
  <div class="nb-table-list"></div>
</section>
<details class="nb-rules">
  <summary>全部检查规则</summary>
  <div class="nb-rules-body"></div>
</details>
<p class="nb-foot">nianbao <span class="nb-version"></span> · 文本只在本机浏览器中处理，不会上传。</p>
`;

const SEVERITY = { error: "错误", warning: "警告", info: "提示" };
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };
const TEMPLATE = { 2019: "2019 年版", 2021: "2021 年版", mixed: "两版混用" };

/** The groups of the diagnostics list, in the order of the report. */
const GROUPS = [
  ["head", "标题与基本信息"],
  ["overview", "一、总体情况"],
  ["active", "二、主动公开政府信息情况"],
  ["requests", "三、收到和处理政府信息公开申请情况"],
  ["appeals", "四、政府信息公开行政复议、行政诉讼情况"],
  ["problems", "五、存在的主要问题及改进情况"],
  ["other", "六、其他需要报告的事项"],
  ["whole", "全文"],
];

/** The words for a cell's roles in a finding, as the legend names them. */
const ROLE = { stated: "合计一方", part: "相加一方", suspect: "应核对" };

/** The cells a diagnostic is about: its cells, and the cells to check. */
const namedBy = (d) => [...new Set([...d.cells, ...d.suspects])];

/**
 * A cell's roles in a finding, as its JSON gives them: a total the others
 * should add up to (`stated`), a cell to check (`suspects`; a stated total
 * may be one), else a part of the relation. A finding that states no roles
 * (cells shifted, a figure of the text) gives its cells none.
 */
function rolesOf(d, path) {
  if (!d.stated.length && !d.suspects.length) return [];
  const roles = [];
  if (d.stated.includes(path)) roles.push("stated");
  if (d.suspects.includes(path)) roles.push("suspect");
  return roles.length ? roles : ["part"];
}

/** What a finding says of a cell, for its tooltip and the cell panel. */
function saying(d, path) {
  const roles = rolesOf(d, path).map((r) => ROLE[r]);
  return `${SEVERITY[d.severity]} ${d.code}${roles.length ? `（${roles.join("、")}）` : ""}：${d.message}`;
}

/**
 * Which diagnostics explain others. The core lists a finding that explains
 * others (cells shifted by one) before them, and each points to it in
 * `related`; a related place of a finding listed earlier (the table cell a
 * figure of the text is compared with) is no such pointer.
 */
function explaining(diagnostics) {
  return diagnostics.map(
    (d, i) => d.start != null && diagnostics.some((e, j) => j > i && e.related.some((r) => r.start === d.start && r.end === d.end)),
  );
}

/** Where a diagnostic belongs in the list: its table's section, else the section holding its place. */
function groupOf(d, out) {
  const table = d.cells[0]?.split(".")[0];
  if (table && out.tables[table] !== undefined) return table;
  if (d.start == null) return "whole";
  let found = "head";
  for (const [key] of GROUPS) {
    const section = out.sections[key];
    if (section && section.start <= d.start) found = key;
  }
  return found;
}

/** Everything the drawn tables show: values, templates, doubt and the marks diagnostics put on cells. */
function tablesKey(out) {
  const doubtful = Object.keys(out.cells).filter((path) => out.cells[path].doubtful);
  const templates = Object.values(out.table_info).map((info) => info?.template);
  const marks = out.diagnostics.filter((d) => namedBy(d).length).map((d) => [d.code, d.severity, d.message, d.cells, d.stated, d.suspects]);
  return JSON.stringify([out.tables, templates, doubtful, marks]);
}

/** Whether two diagnostics, of two checks of an edited text, report the same finding. */
function sameFinding(a, b) {
  if (a.code !== b.code) return false;
  return a.cells.length || b.cells.length ? a.cells.join() === b.cells.join() : a.message === b.message;
}

/** A safe file name from the report's agency and year. */
function fileName(out, ext) {
  const parts = [out.meta.agency, out.meta.year].filter((p) => p != null).map(String);
  const stem = parts.join("-").replace(/[\\/:*?"<>|\s]+/g, "_") || "nianbao";
  return `${stem}.${ext}`;
}

/** A dropped folder's report files, `[{ name, file, inFolder }]`, named by their path in it, searched in name order. */
async function folderFiles(entry) {
  const found = [];
  const walk = async (dir) => {
    const reader = dir.createReader();
    const children = [];
    for (let batch = await readEntries(reader); batch.length; batch = await readEntries(reader)) children.push(...batch);
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) {
      if (child.isDirectory) await walk(child);
      else if (REPORT_FILE.test(child.name)) {
        found.push({ name: child.fullPath.replace(/^\//, ""), file: await fileOf(child), inFolder: true });
      }
    }
  };
  await walk(entry);
  return found;
}

const fileOf = (entry) => new Promise((resolve, reject) => entry.file(resolve, reject));
const readEntries = (reader) => new Promise((resolve, reject) => reader.readEntries(resolve, reject));

/** What was dropped: each file, and each report file of each folder, `[{ name, file, inFolder? }]`. */
async function dropped(transfer) {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry?.());
  if (!entries.some((entry) => entry?.isDirectory)) return [...transfer.files].map((file) => ({ name: file.name, file }));
  const files = [];
  for (const entry of entries) {
    if (entry?.isDirectory) files.push(...(await folderFiles(entry)));
    else if (entry?.isFile) files.push({ name: entry.name, file: await fileOf(entry) });
  }
  return files;
}

/**
 * Mounts the interface into `root` and starts it once `loading` (a promise
 * of the wasm module's functions) resolves.
 */
export function mount(root, loading) {
  root.classList.add("nb");
  root.innerHTML = MARKUP;
  const $ = (selector) => root.querySelector(selector);
  const text = $("#nb-text");
  const previous = $("#nb-previous");
  const status = $(".nb-status");
  // The cell panel moves below the table of the cell chosen; kept here, as
  // redrawing the tables may take it out of the page.
  const panel = $(".nb-cell");
  const state = { nb: null, schema: null, out: null, chosen: -1, cell: null, drawn: null, file: null, explain: null };

  /** Selects `[start, end)` (UTF-16 units) in `area` and scrolls it into view. */
  function selectSpan(area, start, end) {
    area.focus({ preventScroll: true });
    area.setSelectionRange(start, end);
    area.scrollTop = Math.max(0, heightBefore(area, start) - area.clientHeight / 3);
    area.scrollIntoView({ block: "nearest" });
  }

  /**
   * The height the text before `offset` takes in `area`, measured in a
   * hidden copy laid out alike, since browsers do not all scroll to a selection.
   */
  function heightBefore(area, offset) {
    const style = getComputedStyle(area);
    const mirror = el("div", "", area.value.slice(0, offset));
    Object.assign(mirror.style, {
      position: "absolute",
      visibility: "hidden",
      boxSizing: "border-box",
      width: `${area.clientWidth}px`,
      padding: style.padding,
      font: style.font,
      letterSpacing: style.letterSpacing,
      whiteSpace: "pre-wrap",
      overflowWrap: "break-word",
    });
    root.append(mirror);
    const height = mirror.scrollHeight;
    mirror.remove();
    return height;
  }

  function showSummary(out) {
    const rows = [
      ["错误", String(out.summary.errors)],
      ["警告", String(out.summary.warnings)],
      ["提示", String(out.summary.infos)],
      ["模板", out.template ? (TEMPLATE[out.template] ?? out.template) : "未识别"],
      ["机关", out.meta.agency ?? "未识别"],
      ["年度", out.meta.year != null ? `${out.meta.year} 年度` : "未识别"],
    ];
    if (out.meta.published) rows.push(["发布日期", out.meta.published]);
    $(".nb-summary").replaceChildren(
      ...rows.map(([k, v], i) => el("div", i < 3 ? `nb-count nb-${["error", "warning", "info"][i]}` : "", el("dt", "", k), el("dd", "", v))),
    );
    const said = `发现 ${out.summary.errors} 个错误、${out.summary.warnings} 个警告、${out.summary.infos} 个提示`;
    if (status.textContent !== said) status.textContent = said;
  }

  /**
   * The place of a diagnostic or related place, as people read it, and
   * for a document read into the text box, where in it (原文第3页第12行).
   */
  const where = (d) => (d.line != null ? `第 ${d.line} 行第 ${d.column} 列${d.place ? `，原文${d.place}` : ""}` : "");

  /**
   * The line of the text a diagnostic is on, as it is quoted under it (a
   * long line, such as a whole report on one, only around the place).
   */
  function lineAt(d) {
    if (d.start == null) return "";
    const value = text.value;
    const from = value.lastIndexOf("\n", d.start - 1) + 1;
    let to = value.indexOf("\n", d.start);
    if (to < 0) to = value.length;
    const start = Math.max(from, d.start - 20);
    const end = Math.min(to, Math.max(d.end, d.start) + 40);
    const quoted = value.slice(start, end).replace(/\t/g, " ").trim();
    return quoted && `${start > from ? "…" : ""}${quoted}${end < to ? "…" : ""}`;
  }

  function diagnosticItem(d, index) {
    const button = el(
      "button",
      "nb-d-main",
      el("span", "nb-sev", SEVERITY[d.severity] ?? d.severity),
      " ",
      el("span", "nb-msg", d.message),
      " ",
      el("span", "nb-where", where(d)),
    );
    button.type = "button";
    button.dataset.index = String(index);
    const item = el("li", `nb-d nb-${d.severity}`, el("div", "nb-d-row", codeButton(d.code), button));
    const line = lineAt(d);
    if (line) item.append(el("p", "nb-quote", `第 ${d.line} 行：`, el("q", "", line)));
    if (d.note) item.append(el("p", "nb-note", d.note));
    if (d.help) item.append(el("p", "nb-help", d.help));
    if (d.related?.length) {
      item.append(
        el(
          "ul",
          "nb-related",
          ...d.related.map((r) => {
            const b = el("button", "nb-link", r.message, " ", el("span", "nb-where", where(r)));
            b.type = "button";
            b.addEventListener("click", () => selectSpan(text, r.start, r.end));
            return el("li", "", b);
          }),
        ),
      );
    }
    return item;
  }

  function showDiagnostics(out) {
    const errorsOnly = $("#nb-errors-only").checked;
    const explains = explaining(out.diagnostics);
    const groups = new Map(GROUPS.map(([key]) => [key, []]));
    out.diagnostics.forEach((d, i) => {
      if (errorsOnly && d.severity !== "error") return;
      groups.get(groupOf(d, out)).push([d, i]);
    });
    const parts = [];
    for (const [key, title] of GROUPS) {
      const items = groups.get(key);
      if (!items.length) continue;
      // The root cause first, then errors before warnings, else as listed.
      items.sort(
        (a, b) => explains[b[1]] - explains[a[1]] || SEVERITY_ORDER[a[0].severity] - SEVERITY_ORDER[b[0].severity] || a[1] - b[1],
      );
      parts.push(el("section", "nb-group", el("h3", "", title), el("ul", "", ...items.map(([d, i]) => diagnosticItem(d, i)))));
    }
    if (!parts.length) {
      parts.push(el("p", "nb-none", out.diagnostics.length ? "没有错误。" : "未发现问题。"));
    }
    $(".nb-diagnostics").replaceChildren(...parts);
  }

  function showTables(out) {
    $(".nb-table-list").replaceChildren(
      ...TABLES.map(([key, title]) => {
        const wrap = el("div", "nb-scroll", drawTable(state.schema, key, out));
        const first = wrap.querySelector("td[data-path]");
        if (first) first.tabIndex = 0;
        return el("section", `nb-table-box nb-box-${key}`, el("h3", "", title), wrap);
      }),
    );
    markCells(out);
  }

  const cellOf = (path) => root.querySelector(`td[data-path="${CSS.escape(path)}"]`);

  /** Marks every cell a diagnostic names, by severity, and by its roles in failing relations. */
  function markCells(out) {
    const rank = new Map();
    const said = new Map();
    for (const d of out.diagnostics) {
      for (const path of namedBy(d)) {
        const r = SEVERITY_ORDER[d.severity] ?? 2;
        if (!rank.has(path) || r < rank.get(path)) rank.set(path, r);
        said.set(path, [...(said.get(path) ?? []), saying(d, path)]);
        for (const role of rolesOf(d, path)) cellOf(path)?.classList.add(`nb-${role}`);
      }
    }
    for (const [path, r] of rank) {
      const td = cellOf(path);
      if (!td) continue;
      td.classList.add(`nb-m-${["error", "warning", "info"][r]}`);
      td.title = said.get(path).join("\n");
    }
  }

  /**
   * Chooses diagnostic `index`: marks its cells by their roles and, unless
   * only the marks are renewed, selects the text of its first cell to check
   * (a text box has one selection), else its own place, and scrolls its
   * cells into view.
   */
  function choose(index, { select = true } = {}) {
    const out = state.out;
    const d = out?.diagnostics[index];
    state.chosen = d ? index : -1;
    for (const node of root.querySelectorAll("td.nb-chosen")) {
      node.classList.remove("nb-chosen", ...Object.keys(ROLE).map((r) => `nb-chosen-${r}`));
    }
    for (const node of root.querySelectorAll(".nb-d-main[aria-current]")) node.removeAttribute("aria-current");
    if (!d) return;
    root.querySelector(`.nb-d-main[data-index="${index}"]`)?.setAttribute("aria-current", "true");
    for (const path of namedBy(d)) {
      cellOf(path)?.classList.add("nb-chosen", ...rolesOf(d, path).map((r) => `nb-chosen-${r}`));
    }
    if (!select) return;
    const place = d.suspects.map((path) => out.cells[path]).find(Boolean) ?? (d.start != null ? d : out.cells[d.cells[0]]);
    if (place) selectSpan(text, place.start, place.end);
    const first = [...d.suspects, ...d.cells].map(cellOf).find(Boolean);
    first?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  /** Chooses a cell: lists what is said about it. */
  function chooseCell(path) {
    const out = state.out;
    state.cell = path;
    const td = cellOf(path);
    if (!out || !td) {
      panel.hidden = true;
      return;
    }
    for (const node of root.querySelectorAll("td[data-path]")) {
      node.tabIndex = -1;
      node.removeAttribute("aria-current");
    }
    td.tabIndex = 0;
    td.setAttribute("aria-current", "true");
    const [table, ...rest] = path.split(".");
    const column = rest.pop();
    const value = out.tables[table]?.[rest.join(".")]?.[column];
    const info = out.cells[path];
    const body = [
      el("p", "", cellName(state.schema, out, path), "：", el("strong", "", value == null ? "空" : shown(value)), info?.doubtful ? "（读取存疑）" : ""),
    ];
    const about = out.diagnostics.map((d, i) => [d, i]).filter(([d]) => namedBy(d).includes(path));
    if (about.length) {
      body.push(
        el(
          "ul",
          "nb-cell-list",
          ...about.map(([d, i]) => {
            const b = el("button", "nb-link", saying(d, path));
            b.type = "button";
            b.addEventListener("click", () => choose(i));
            return el("li", `nb-${d.severity}`, b);
          }),
        ),
      );
    } else {
      body.push(el("p", "nb-none", "没有关于此单元格的问题。"));
    }
    if (info) {
      const b = el("button", "", `在原文中选中（第 ${info.line} 行）`);
      b.type = "button";
      b.addEventListener("click", () => selectSpan(text, info.start, info.end));
      body.push(b);
    }
    panel.querySelector(".nb-cell-body").replaceChildren(...body);
    const box = td.closest(".nb-table-box");
    if (panel.parentNode !== box) box.append(panel);
    panel.hidden = false;
  }

  /** The review sheet's head: the file checked and today's date (the version is set once). */
  function showSheet() {
    $(".nb-sheet-file").textContent = state.file ?? "粘贴的文本";
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    $(".nb-sheet-date").textContent = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  function clearResults() {
    state.out = null;
    state.drawn = null;
    state.chosen = -1;
    for (const selector of [".nb-summary", ".nb-diagnostics", ".nb-table-list"]) $(selector).replaceChildren();
    panel.hidden = true;
    for (const act of ["csv", "json", "print"]) $(`[data-act="${act}"]`).disabled = true;
  }

  /** Checks the text as it is now and shows everything found. */
  function update() {
    const nb = state.nb;
    if (!nb) return;
    if (!text.value.trim()) {
      clearResults();
      status.textContent = "粘贴报告全文后即开始检查。";
      return;
    }
    const compare = previous.value.trim() && typeof nb.validate_with_previous === "function";
    let out;
    const started = performance.now();
    try {
      out = compare ? nb.validate_with_previous(text.value, previous.value) : nb.validate(text.value);
      out = withPlaces(out, text.value);
    } catch (err) {
      clearResults();
      status.textContent = `检查失败：${err}`;
      return;
    }
    root.dataset.elapsed = (performance.now() - started).toFixed(3);
    // The diagnostic chosen stays chosen while it is still found: the same
    // code about the same cells, or the same message when it names none.
    const before = state.out?.diagnostics[state.chosen];
    const chosen = before ? out.diagnostics.findIndex((d) => sameFinding(d, before)) : -1;
    state.chosen = chosen;
    state.out = out;
    showSummary(out);
    showSheet();
    showDiagnostics(out);
    // Typing in the prose moves places but seldom changes the tables or
    // what is said of their cells; the tables are drawn again only then.
    const drawn = tablesKey(out);
    if (drawn !== state.drawn) {
      state.drawn = drawn;
      showTables(out);
    }
    for (const act of ["csv", "json", "print"]) $(`[data-act="${act}"]`).disabled = false;
    if (chosen >= 0) choose(chosen, { select: false });
    if (state.cell) chooseCell(state.cell);
    // For scripts of the host page: the output, as `nianbao check --format json` prints it.
    root.dispatchEvent(new CustomEvent("nianbao-checked", { detail: out, bubbles: true, composed: true }));
  }

  function download(name, type, content) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = el("a", "");
    a.href = url;
    a.download = name;
    root.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async function load(area, file) {
    if (!file || !state.nb) return;
    status.textContent = `正在读取 ${file.name}……`;
    try {
      area.value = await readFile(file, state.nb.html_text);
    } catch (err) {
      status.textContent = `无法读取文件 ${file.name}：${err.message ?? err}`;
      return;
    }
    if (area === text) state.file = file.name;
    update();
  }

  /** Switches between the summary of many reports and the one-report view. */
  function showBatch(inBatch) {
    $(".nb-batch").hidden = !inBatch;
    for (const selector of [".nb-work", ".nb-tables", '[data-act="csv"]', '[data-act="json"]', '[data-act="print"]']) {
      $(selector).hidden = inBatch;
    }
    $('[data-act="back"]').hidden = inBatch || !batch.active();
  }

  const batch = createBatch(root, {
    nb: () => state.nb,
    shown: showBatch,
    open: (entry, last) => {
      text.value = shownText(entry.name, entry.read.text, state.nb.html_text);
      previous.value = last ? shownText(last.name, last.read.text, state.nb.html_text) : "";
      state.file = entry.name;
      state.batchPrevious = Boolean(last);
      $(".nb-previous").open = Boolean(last);
      state.cell = null;
      update();
      $('[data-act="back"]').focus();
    },
  });

  /**
   * Opens what was given: one file in the one-report view (in `area`),
   * several (`[{ name, file }]`) in the summary.
   */
  function openFiles(files, area = text) {
    if (!files.length) return;
    if (files.length === 1 && !files[0].inFolder) {
      if (batch.active()) showBatch(false);
      // Last year's report the summary gave with a report is not this file's.
      if (state.batchPrevious && area === text) previous.value = "";
      state.batchPrevious = false;
      load(area, files[0].file);
    } else if (state.nb) {
      batch.run(files);
    } else {
      status.textContent = "校验程序仍在加载，请稍后再打开这些文件。";
    }
  }

  const actions = {
    open: () => $('[data-file="text"]').click(),
    "open-folder": () => $('[data-file="folder"]').click(),
    back: () => batch.back(),
    "open-previous": () => $('[data-file="previous"]').click(),
    sample: () => {
      if (batch.active()) showBatch(false);
      state.file = "示例报告";
      text.value = SAMPLE;
      update();
      text.focus();
    },
    clear: () => {
      if (batch.active()) showBatch(false);
      state.file = null;
      text.value = "";
      previous.value = "";
      update();
      text.focus();
    },
    csv: () => state.out && download(fileName(state.out, "csv"), "text/csv;charset=utf-8", tablesCsv(state.schema, state.out)),
    json: () => state.out && download(fileName(state.out, "json"), "application/json", tablesJson(state.out)),
    print: () => {
      showSheet();
      window.print();
    },
  };

  root.addEventListener("click", (e) => {
    const act = e.target.closest?.("[data-act]");
    if (act && root.contains(act) && actions[act.dataset.act]) {
      actions[act.dataset.act]();
      return;
    }
    const code = e.target.closest?.("[data-explain]");
    if (code) {
      state.explain?.(code.dataset.explain);
      return;
    }
    const item = e.target.closest?.(".nb-d-main");
    if (item) {
      choose(Number(item.dataset.index));
      return;
    }
    const td = e.target.closest?.("td[data-path]");
    if (td) chooseCell(td.dataset.path);
  });

  // The arrow keys move between value cells: left and right in reading
  // order, up and down to the same column in the nearest row that has it.
  root.addEventListener("keydown", (e) => {
    const td = e.target.closest?.("td[data-path]");
    if (!td) return;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      chooseCell(td.dataset.path);
      return;
    }
    const cells = [...td.closest("table").querySelectorAll("td[data-path]")];
    const at = cells.indexOf(td);
    let next = null;
    if (e.key === "ArrowRight") next = cells[at + 1];
    else if (e.key === "ArrowLeft") next = cells[at - 1];
    else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      const step = e.key === "ArrowDown" ? 1 : -1;
      for (let i = at + step; i >= 0 && i < cells.length; i += step) {
        if (cells[i].dataset.column === td.dataset.column && cells[i].dataset.row !== td.dataset.row) {
          next = cells[i];
          break;
        }
      }
    } else return;
    e.preventDefault();
    if (next) {
      td.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    }
  });

  $("#nb-errors-only").addEventListener("change", () => {
    if (!state.out) return;
    showDiagnostics(state.out);
    choose(state.chosen, { select: false });
  });

  for (const [area, input] of [
    [text, $('[data-file="text"]')],
    [previous, $('[data-file="previous"]')],
  ]) {
    area.addEventListener("input", () => {
      if (area === previous) state.batchPrevious = false;
      update();
    });
    input.addEventListener("change", () => {
      if (area === text) openFiles([...input.files].map((file) => ({ name: file.name, file })));
      else load(area, input.files[0]);
      input.value = "";
    });
    // A table copied from a portal page or Word comes with its HTML; its
    // rows and cells say more than the plain text the clipboard also offers.
    // The core's HTML reader turns it into the text the CLI would read, and
    // setRangeText puts it in at once (execCommand took seconds on a report).
    area.addEventListener("paste", (e) => {
      const html = e.clipboardData?.getData("text/html");
      if (!state.nb || !html || !/<t[rd][\s>]/i.test(html)) return;
      e.preventDefault();
      area.setRangeText(state.nb.html_text(html), area.selectionStart, area.selectionEnd, "end");
      update();
    });
  }

  root.addEventListener("dragover", (e) => {
    if (e.dataTransfer?.types.includes("Files")) e.preventDefault();
  });
  const folder = $('[data-file="folder"]');
  folder.addEventListener("change", () => {
    const files = [...folder.files].filter((file) => REPORT_FILE.test(file.name));
    openFiles(files.map((file) => ({ name: file.webkitRelativePath || file.name, file, inFolder: true })));
    folder.value = "";
  });

  root.addEventListener("drop", (e) => {
    if (!e.dataTransfer?.files.length) return;
    e.preventDefault();
    if (e.target.closest?.(".nb-previous")) {
      load(previous, e.dataTransfer.files[0]);
      return;
    }
    dropped(e.dataTransfer).then((files) => openFiles(files));
  });

  loading.then(
    (nb) => {
      state.nb = nb;
      state.schema = nb.schema();
      for (const node of root.querySelectorAll(".nb-version")) node.textContent = nb.version();
      state.explain = explainer(root);
      const rules = nb.rules();
      $(".nb-rules summary").textContent = `全部检查规则（${rules.length} 条）`;
      $(".nb-rules-body").replaceChildren(
        el(
          "table",
          "nb-rule-table",
          el("thead", "", el("tr", "", ...["代码", "级别", "检查内容"].map((h) => el("th", "", h)))),
          el("tbody", "", ...rules.map((r) => el("tr", "", el("td", "", codeButton(r.code)), el("td", "", SEVERITY[r.severity] ?? r.severity), el("td", "", r.summary)))),
        ),
      );
      if (typeof nb.validate_with_previous === "function") $(".nb-previous").hidden = false;
      text.disabled = false;
      update();
      root.dataset.ready = "true";
      performance.mark("nianbao-ready");
    },
    (err) => {
      status.textContent = `校验程序加载失败：${err}`;
    },
  );
}
