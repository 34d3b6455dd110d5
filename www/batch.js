// Many reports at once: the files given are read (input.js's readReport),
// checked in a pool of workers (pool.js) with a progress bar, each report
// then checked again against the same agency's report of the year before
// when it is in the batch (as `nianbao check --pair-years`), and listed in
// a summary table, one row a file, reports with errors first; sortable by
// each column, filtered by words or to errors only, exported as the CSV
// `nianbao check --format csv` writes (each row is the core's). Choosing a
// file opens it in the one-report view, whose 返回汇总 comes back here.

import { el } from "./dom.js";
import { createPool } from "./pool.js";
import { readReport } from "./input.js";

const TEMPLATE = { 2019: "2019 年版", 2021: "2021 年版", mixed: "两版混用" };

/** How many of a report's most frequent codes its row shows. */
const TOP_CODES = 3;

/** The columns: key, heading, the value sorted by (absent values last). */
const COLUMNS = [
  ["file", "文件", (e) => e.name],
  ["agency", "机关", (e) => e.row?.agency],
  ["year", "年度", (e) => e.row?.year],
  ["template", "模板", (e) => e.row?.template],
  ["errors", "错误", (e) => e.row?.errors],
  ["warnings", "警告", (e) => e.row?.warnings],
  ["codes", "最多的问题", (e) => e.row?.codes.length || null],
  ["status", "状态", (e) => status(e)],
];

/** A file's status: why it was not read, else with which report of last year it was compared. */
function status(entry) {
  const row = entry.row;
  if (!row) return "检查中";
  if (row.error) return `未能检查：${row.error}`;
  return row.previous ? `已与上年报告 ${row.previous} 核对` : "已检查";
}

/** A report's codes, most frequent first, as `CODE×n`. */
function topCodes(row) {
  return [...row.codes].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)).slice(0, TOP_CODES);
}

/**
 * The agency and year a row is paired by, as one string; the pairing is
 * the CLI's (nianbao::pairing): each report with the first report, in the
 * order given, of the same agency and the year before.
 */
const keyOf = (agency, year) => `${year}\u0000${agency}`;

/** The markup of the summary section, with no text from a report. */
export const BATCH_MARKUP = `
<section class="nb-batch" aria-labelledby="nb-batch-h" hidden>
  <h2 id="nb-batch-h">多份报告汇总</h2>
  <div class="nb-batch-progress">
    <p class="nb-batch-said" role="status"></p>
    <progress id="nb-batch-bar" max="1" value="0" aria-label="检查进度"></progress>
  </div>
  <div class="nb-batch-tools">
    <label for="nb-batch-filter">筛选</label>
    <input type="search" id="nb-batch-filter" placeholder="文件名、机关、代码……" autocomplete="off">
    <input type="checkbox" id="nb-batch-errors">
    <label for="nb-batch-errors">只看有错误或未能检查的</label>
    <button type="button" data-act="batch-csv" disabled>导出汇总 CSV</button>
  </div>
  <div class="nb-batch-scroll">
    <table class="nb-batch-table">
      <caption>每份报告一行；点列名排序，点文件名查看该报告</caption>
      <thead><tr></tr></thead>
      <tbody></tbody>
    </table>
  </div>
</section>
`;

/**
 * The summary inside `root` (which holds BATCH_MARKUP). `open(entry)`
 * shows one report; `shown(inBatch)` switches the page between the
 * summary and the one-report view.
 */
export function createBatch(root, { nb, open, shown }) {
  const $ = (selector) => root.querySelector(selector);
  const section = $(".nb-batch");
  const bar = $("#nb-batch-bar");
  const said = $(".nb-batch-said");
  const filter = $("#nb-batch-filter");
  const errorsOnly = $("#nb-batch-errors");
  const state = { entries: [], sort: null, descending: false, run: 0, opened: -1 };

  $(".nb-batch-table thead tr").append(
    ...COLUMNS.map(([key, heading]) => {
      const button = el("button", "nb-sort", heading);
      button.type = "button";
      button.dataset.sort = key;
      return el("th", "", button);
    }),
  );

  /** The entries as listed: filtered, then sorted (by default errors first, then warnings, then as given). */
  function listed() {
    const words = filter.value.trim().toLowerCase();
    const entries = state.entries.filter((e) => {
      if (errorsOnly.checked && !(e.row?.error || e.row?.errors > 0)) return false;
      if (!words) return true;
      const said = [e.name, e.row?.agency, e.row?.year, status(e), ...(e.row?.codes ?? []).map((c) => c.code)];
      return said.some((s) => s != null && String(s).toLowerCase().includes(words));
    });
    if (!state.sort) {
      const weight = (e) => (e.row?.error ? -1 : (e.row?.errors ?? 0));
      return entries.sort((a, b) => weight(b) - weight(a) || (b.row?.warnings ?? 0) - (a.row?.warnings ?? 0) || a.index - b.index);
    }
    const value = COLUMNS.find(([key]) => key === state.sort)[2];
    const sign = state.descending ? -1 : 1;
    return entries.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x == null || y == null) return (x == null) - (y == null) || a.index - b.index;
      return sign * (x < y ? -1 : x > y ? 1 : 0) || a.index - b.index;
    });
  }

  function rowOf(entry) {
    const row = entry.row;
    let name = entry.name;
    if (row && !row.error) {
      name = el("button", "nb-link nb-batch-open", entry.name);
      name.type = "button";
      name.dataset.index = String(entry.index);
    }
    const cells = [el("th", "", name)];
    cells[0].scope = "row";
    if (!row || row.error) {
      cells.push(el("td", "nb-batch-none", ""), el("td", "", ""), el("td", "", ""), el("td", "", ""), el("td", "", ""), el("td", "", ""));
    } else {
      cells.push(
        el("td", "", row.agency ?? "未识别"),
        el("td", "nb-num", row.year != null ? String(row.year) : "未识别"),
        el("td", "", row.template ? (TEMPLATE[row.template] ?? row.template) : "未识别"),
        el("td", `nb-num${row.errors ? " nb-error" : ""}`, String(row.errors)),
        el("td", `nb-num${row.warnings ? " nb-warning" : ""}`, String(row.warnings)),
        el("td", "nb-batch-codes", ...topCodes(row).flatMap((c, i) => [i ? " " : "", el("code", "", c.code), `×${c.count}`])),
      );
    }
    cells.push(el("td", row?.error ? "nb-error" : "", status(entry)));
    return el("tr", row?.error ? "nb-batch-unread" : "", ...cells);
  }

  function draw() {
    for (const th of root.querySelectorAll(".nb-batch-table thead th")) {
      const key = th.firstChild.dataset.sort;
      if (key === state.sort) th.setAttribute("aria-sort", state.descending ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    }
    $(".nb-batch-table tbody").replaceChildren(...listed().map(rowOf));
  }

  /** Opens entry `index` in the one-report view. */
  function choose(index) {
    const entry = state.entries[index];
    if (!entry?.row || entry.row.error) return;
    state.opened = index;
    const previous = entry.previous != null ? state.entries[entry.previous] : null;
    shown(false);
    open(entry, previous);
  }

  /** Back from a report to the summary, its row's button focused. */
  function back() {
    shown(true);
    section.hidden = false;
    root.querySelector(`.nb-batch-open[data-index="${state.opened}"]`)?.focus();
  }

  function exportCsv() {
    const done = state.entries.filter((e) => e.row);
    if (!done.length) return;
    // In the order given, as the CLI writes them; each row is the core's.
    const csv = `\ufeff${done[0].row.csv_header}\n${done.map((e) => e.row.csv).join("")}`;
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const a = el("a", "");
    a.href = url;
    a.download = "年报检查汇总.csv";
    root.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** Checks `files` (`[{ name, file }]`) and lists them. */
  async function run(files) {
    const run = ++state.run;
    const started = performance.now();
    state.entries = files.map(({ name, file }, index) => ({ name, file, index, read: null, row: null, previous: null }));
    state.sort = null;
    state.opened = -1;
    filter.value = "";
    errorsOnly.checked = false;
    $('[data-act="batch-csv"]').disabled = true;
    shown(true);
    section.hidden = false;
    root.dataset.batch = "running";
    const total = state.entries.length;
    let done = 0;
    let work = total;
    const step = () => {
      done += 1;
      bar.max = work;
      bar.value = done;
      said.textContent = done <= total ? `正在检查：${Math.min(done, total)} / ${total} 份` : `正在与上年报告核对：${done - total} / ${work - total} 份`;
    };
    bar.max = total;
    bar.value = 0;
    said.textContent = `正在检查：0 / ${total} 份`;
    draw();
    const pool = createPool(nb(), Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8, total)));
    try {
      // Each file read and checked alone; its row says whose and which year it is.
      await Promise.all(
        state.entries.map(async (entry) => {
          entry.read = await readReport(entry.file);
          const input = { file: entry.name, ...entry.read };
          entry.row = await pool.run(input);
          if (run === state.run) step();
        }),
      );
      if (run !== state.run) return;
      // Then each report whose agency's year before is in the batch, against it.
      const first = new Map();
      for (const entry of state.entries) {
        const key = entry.row.key;
        if (key && !first.has(keyOf(key.agency, key.year))) first.set(keyOf(key.agency, key.year), entry.index);
      }
      const paired = state.entries.filter((entry) => {
        const key = entry.row.key;
        entry.previous = key ? (first.get(keyOf(key.agency, key.year - 1)) ?? null) : null;
        return entry.previous != null;
      });
      work = total + paired.length;
      await Promise.all(
        paired.map(async (entry) => {
          const last = state.entries[entry.previous];
          const input = { file: entry.name, ...entry.read, previous: { file: last.name, text: last.read.text } };
          entry.row = await pool.run(input);
          if (run === state.run) step();
        }),
      );
      root.dataset.batchWorkers = String(pool.size());
    } finally {
      pool.close();
    }
    if (run !== state.run) return;
    const unread = state.entries.filter((e) => e.row.error).length;
    const withErrors = state.entries.filter((e) => e.row.errors > 0).length;
    bar.max = 1;
    bar.value = 1;
    said.textContent = `共 ${total} 份：${withErrors} 份有错误${unread ? `，${unread} 份未能检查` : ""}${work > total ? `，${work - total} 份已与上年报告核对` : ""}`;
    draw();
    $('[data-act="batch-csv"]').disabled = false;
    root.dataset.batchMs = (performance.now() - started).toFixed(0);
    root.dataset.batch = "done";
  }

  section.addEventListener("click", (e) => {
    const sort = e.target.closest?.(".nb-sort");
    if (sort) {
      const key = sort.dataset.sort;
      state.descending = state.sort === key ? !state.descending : ["errors", "warnings", "codes"].includes(key);
      state.sort = key;
      draw();
      sort.focus();
      return;
    }
    const opened = e.target.closest?.(".nb-batch-open");
    if (opened) choose(Number(opened.dataset.index));
    if (e.target.closest?.('[data-act="batch-csv"]')) exportCsv();
  });
  filter.addEventListener("input", draw);
  errorsOnly.addEventListener("change", draw);

  return { run, back, active: () => state.entries.length > 0 };
}
