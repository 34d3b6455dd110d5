// The single-file page, dist/nianbao.html, opened from file:// in Debian's
// Chromium: every seed shows its tables and diagnostics as the CLI reads
// them; choosing a diagnostic selects its text; pasted markup stays text;
// files, HTML paste, export, print, keyboard, phone width and the
// accessibility audit; and, over all of it, no request and no console error.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { createRequire } from "node:module";
import { BUDGET, DIST, ROOT, SEEDS, SINGLE_FILE_URL, cliJson, launch, read, singleFileParts, sizes, watch } from "./lib.mjs";

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let browser;
let context;
let page;
let seen;

/** Opens nianbao.html afresh and waits until it is ready. */
async function open() {
  await page.goto(SINGLE_FILE_URL);
  await page.waitForSelector("#nianbao[data-ready]");
}

/**
 * Replaces the report text and fires the input event typing fires. (One
 * test types with page.fill; for long texts it is slow, as it goes
 * through the browser's text input.)
 */
async function enter(text, selector = "#nb-text") {
  await page.evaluate(
    ([t, s]) => {
      const area = document.querySelector(s);
      area.value = t;
      area.dispatchEvent(new Event("input", { bubbles: true }));
    },
    [text, selector],
  );
}

/** What the page shows: every value cell by path, the diagnostics' messages, the summary. */
function shown() {
  return page.evaluate(() => ({
    cells: Object.fromEntries([...document.querySelectorAll("td[data-path]")].map((td) => [td.dataset.path, td.textContent])),
    marked: [...document.querySelectorAll("td[data-path].nb-m-error, td[data-path].nb-m-warning, td[data-path].nb-m-info")].map((td) => td.dataset.path),
    messages: [...document.querySelectorAll(".nb-d .nb-msg")].map((m) => m.textContent),
    summary: Object.fromEntries([...document.querySelectorAll(".nb-summary div")].map((d) => [d.querySelector("dt").textContent, d.querySelector("dd").textContent])),
    missing: document.querySelectorAll(".nb-missing").length,
  }));
}

/** The text a value shows in its cell. */
const asShown = (value) => (value == null ? "" : String(value));

/** Line and column (1-based, in characters) of a UTF-16 offset, counted independently of the core. */
function lineColumn(text, offset) {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: [...before.slice(lineStart)].length + 1 };
}

before(async () => {
  browser = await launch();
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  page = await context.newPage();
  seen = watch(page);
  await open();
});

after(async () => {
  await browser?.close();
});

describe("nianbao.html from file://", () => {
  it("stays within the size budgets", () => {
    const wasm = sizes(path.join(DIST, "pkg/nianbao_wasm_bg.wasm"));
    // The document reader's module, inflated only when a document is
    // opened, is not part of the text path's budget.
    const parts = singleFileParts();
    assert.ok(parts.module.equals(fs.readFileSync(path.join(DIST, "pkg/nianbao_document_wasm_bg.wasm"))));
    const html = sizes(parts.page);
    assert.ok(wasm.brotli <= BUDGET.wasmBrotli, `wasm is ${wasm.brotli} bytes brotli`);
    assert.ok(html.brotli <= BUDGET.htmlBrotli, `nianbao.html is ${html.brotli} bytes brotli`);
  });

  it("declares a policy that forbids every request", async () => {
    const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content);
    assert.match(csp, /default-src 'none'/);
    // 'unsafe-eval' for Chromium before 97, which compiles wasm only under it.
    assert.match(csp, /script-src 'sha256-[^']+' 'wasm-unsafe-eval' 'unsafe-eval';/);
    assert.doesNotMatch(csp, /'unsafe-inline'|https?:|\*/);
  });

  for (const seed of SEEDS) {
    it(`shows the tables and diagnostics of ${path.basename(seed)}`, async () => {
      const expected = JSON.parse(cliJson(seed));
      await enter(read(seed));
      const got = await shown();
      for (const [table, rows] of Object.entries(expected.tables)) {
        if (!rows) continue;
        for (const [row, columns] of Object.entries(rows)) {
          for (const [column, value] of Object.entries(columns)) {
            const cell = `${table}.${row}.${column}`;
            assert.equal(got.cells[cell], asShown(value), cell);
          }
        }
      }
      assert.equal(got.missing, Object.values(expected.tables).filter((t) => !t).length);
      assert.deepEqual([...got.messages].sort(), expected.diagnostics.map((d) => d.message).sort());
      assert.equal(got.summary["错误"], String(expected.summary.errors));
      assert.equal(got.summary["警告"], String(expected.summary.warnings));
      if (expected.meta.agency) assert.equal(got.summary["机关"], expected.meta.agency);
      const named = new Set(expected.diagnostics.flatMap((d) => [...d.cells, ...d.suspects]).filter((c) => c in got.cells));
      assert.deepEqual(new Set(got.marked), named);
    });
  }

  it("selects the text of the diagnostic chosen, and marks its cells", async () => {
    let checked = 0;
    for (const seed of SEEDS) {
      const text = read(seed);
      const expected = JSON.parse(cliJson(seed));
      await enter(text);
      for (const [i, d] of expected.diagnostics.entries()) {
        // The first cell to check that was read, else the finding's own place.
        const place = d.suspects.map((c) => expected.cells[c]).find(Boolean) ?? d;
        if (place.start == null) continue;
        await page.click(`.nb-d-main[data-index="${i}"]`);
        const got = await page.evaluate((cells) => {
          const area = document.querySelector("#nb-text");
          return {
            start: area.selectionStart,
            end: area.selectionEnd,
            focused: document.activeElement === area,
            chosen: [...document.querySelectorAll("td.nb-chosen")].map((td) => td.dataset.path),
            drawn: cells.filter((c) => document.querySelector(`td[data-path="${c}"]`)),
          };
        }, [...d.cells, ...d.suspects]);
        assert.deepEqual([got.start, got.end], [place.start, place.end], `${seed} ${d.code}`);
        assert.ok(got.focused);
        assert.deepEqual(lineColumn(text, got.start), { line: place.line, column: place.column }, `${seed} ${d.code}`);
        assert.deepEqual(new Set(got.chosen), new Set(got.drawn), `${seed} ${d.code}`);
        checked++;
      }
    }
    assert.ok(checked >= 4, `only ${checked} diagnostics with a place`);
  });

  it("marks the cells to check of seed 003's outcome sum, not its total, and selects one", async () => {
    const seed = SEEDS.find((s) => path.basename(s).startsWith("003_"));
    const text = read(seed);
    const expected = JSON.parse(cliJson(seed));
    const i = expected.diagnostics.findIndex((d) => d.code === "T003");
    const d = expected.diagnostics[i];
    assert.ok(d.suspects.length, "the finding names cells to check");
    await enter(text);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click(`.nb-d-main[data-index="${i}"]`);
    const got = await page.evaluate(() => {
      const paths = (selector) => [...document.querySelectorAll(selector)].map((td) => td.dataset.path);
      const area = document.querySelector("#nb-text");
      const suspect = document.querySelector("td.nb-chosen-suspect");
      const box = suspect.getBoundingClientRect();
      return {
        suspects: paths("td.nb-chosen-suspect"),
        stated: paths("td.nb-chosen-stated"),
        parts: paths("td.nb-chosen-part"),
        marked: paths("td.nb-suspect"),
        label: getComputedStyle(suspect, "::after").content,
        title: suspect.title,
        outline: getComputedStyle(suspect).outlineStyle,
        inView: box.top >= 0 && box.bottom <= innerHeight,
        selected: area.value.slice(area.selectionStart, area.selectionEnd),
      };
    });
    const outcome = /^requests\.(granted|partially_granted|denied|unable|not_processed|other)\./;
    assert.deepEqual(new Set(got.suspects), new Set(d.suspects));
    assert.ok(got.suspects.every((c) => outcome.test(c)), got.suspects.join(" "));
    assert.ok(!got.suspects.some((c) => c.startsWith("requests.total.")), "(七)总计 is not a cell to check");
    assert.deepEqual(new Set(got.marked), new Set(d.suspects));
    assert.ok(got.stated.length && got.stated.every((c) => c.startsWith("requests.total.")), got.stated.join(" "));
    assert.equal(got.parts.length, d.cells.length - got.stated.length - got.suspects.length);
    // The mark is a dashed frame and words, not a colour alone.
    assert.equal(got.label, '"应核对"');
    assert.match(got.title, /应核对/);
    assert.equal(got.outline, "dashed");
    assert.ok(got.inView, "the cells to check are scrolled into view");
    const first = expected.cells[d.suspects[0]];
    assert.equal(got.selected, text.slice(first.start, first.end));
    assert.equal(got.selected, String(expected.tables.requests.granted.natural_person));
  });

  it("lists seed 004's shifted cells before the sums they explain", async () => {
    const seed = SEEDS.find((s) => path.basename(s).startsWith("004_"));
    const expected = JSON.parse(cliJson(seed));
    const root = expected.diagnostics.findIndex((d) => d.code === "T005");
    const explained = expected.diagnostics.flatMap((d, i) => (d.code === "T004" ? [i] : []));
    assert.ok(root >= 0 && explained.length, "seed 004 has T005 and T004");
    await enter(read(seed));
    const listed = await page.$$eval(".nb-d-main", (bs) => bs.map((b) => Number(b.dataset.index)));
    for (const i of explained) assert.ok(listed.indexOf(root) < listed.indexOf(i), `T005 before T004 ${i}: ${listed}`);
    // The other warnings still come after the errors.
    const n004 = expected.diagnostics.findIndex((d) => d.code === "N004");
    assert.ok(n004 >= 0 && listed.indexOf(explained[0]) < listed.indexOf(n004), `${listed}`);
  });

  it("names no diagnostic code in its own code", () => {
    // What the page does with a finding comes from its JSON (stated,
    // suspects, related), so a new or renumbered rule needs no page change.
    const named = [];
    for (const file of fs.readdirSync(path.join(ROOT, "www"), { recursive: true })) {
      if (!/\.(js|html|css)$/.test(file)) continue;
      const found = fs.readFileSync(path.join(ROOT, "www", file), "utf8").match(/\b[A-Z]\d{3}\b/g);
      if (found) named.push(`${file}: ${found.join(" ")}`);
    }
    assert.deepEqual(named, []);
  });

  it("keeps the diagnostic chosen while the text is edited", async () => {
    const seed = SEEDS.find((s) => JSON.parse(cliJson(s)).diagnostics.some((d) => d.code === "T003"));
    const expected = JSON.parse(cliJson(seed));
    await enter(read(seed));
    const i = expected.diagnostics.findIndex((d) => d.code === "T003");
    await page.click(`.nb-d-main[data-index="${i}"]`);
    // A line typed above the tables moves every place, not the finding.
    await enter(`草稿\n${read(seed)}`);
    const chosen = await page.$$eval(".nb-d-main[aria-current] .nb-msg", (ms) => ms.map((m) => m.textContent));
    assert.deepEqual(chosen, [expected.diagnostics[i].message]);
    assert.ok((await page.locator("td.nb-chosen-suspect").count()) > 0);
  });

  it("lists what is said about the cell chosen, by mouse or keyboard", async () => {
    const seed = SEEDS.find((s) => JSON.parse(cliJson(s)).diagnostics.some((d) => d.cells.length));
    const expected = JSON.parse(cliJson(seed));
    await enter(read(seed));
    const d = expected.diagnostics.find((x) => x.cells.length);
    await page.click(`td[data-path="${d.cells[0]}"]`);
    const panel = await page.textContent(".nb-cell");
    assert.ok(panel.includes(d.message), panel);
    // Enter on a focused cell does the same; the arrow keys move between cells.
    await page.focus('td[data-path="requests.new_received.natural_person"]');
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    assert.ok((await page.textContent(".nb-cell")).includes("商业企业"));
    await page.keyboard.press("ArrowDown");
    const focused = await page.evaluate(() => document.activeElement.dataset.path);
    assert.equal(focused, "requests.carried_over.commercial");
  });

  it("filters to errors only", async () => {
    const seed = SEEDS.find((s) => {
      const ds = JSON.parse(cliJson(s)).diagnostics;
      return ds.some((d) => d.severity === "error") && ds.some((d) => d.severity !== "error");
    });
    if (!seed) return;
    const expected = JSON.parse(cliJson(seed));
    await enter(read(seed));
    await page.check("#nb-errors-only");
    const severities = await page.$$eval(".nb-d", (items) => items.map((i) => i.className));
    assert.equal(severities.length, expected.summary.errors);
    assert.ok(severities.every((c) => c.includes("nb-error")));
    await page.uncheck("#nb-errors-only");
    assert.equal(await page.locator(".nb-d").count(), expected.diagnostics.length);
  });

  it("shows pasted markup as text and runs none of it", async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><svg onload="window.__pwned=3">';
    const text = read(SEEDS[3]).replace(/^(.*)$/m, `$1${payload}`);
    await page.fill("#nb-text", `${payload}\n${text}`);
    await enter(payload, "#nb-previous");
    // The same markup offered as HTML on the clipboard.
    await page.focus("#nb-text");
    await page.evaluate((html) => {
      const data = new DataTransfer();
      data.setData("text/html", `<table><tr><td>${html}</td><td>1</td></tr></table>${html}`);
      data.setData("text/plain", html);
      document.querySelector("#nb-text").dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, payload);
    await page.waitForTimeout(200);
    const got = await page.evaluate(() => ({
      pwned: window.__pwned,
      injected: document.querySelectorAll("#nianbao img, #nianbao svg, #nianbao script").length,
      value: document.querySelector("#nb-text").value,
    }));
    assert.equal(got.pwned, undefined);
    assert.equal(got.injected, 0);
    assert.ok(got.value.startsWith(payload));
    await enter("", "#nb-previous");
  });

  it("checks against last year's report given in the second input", async () => {
    const report = read("tests/fixtures/real/011.txt");
    await enter(report);
    const alone = await shown();
    assert.ok(!alone.messages.some((m) => m.includes("上一年度")));
    await page.click(".nb-previous summary");
    // The same report again as last year's: it is unchanged (X003).
    await page.fill("#nb-previous", report);
    const codes = await page.$$eval(".nb-d code", (cs) => cs.map((c) => c.textContent));
    assert.ok(codes.includes("X003"), codes.join(" "));
    await enter("", "#nb-previous");
    assert.ok(!(await page.$$eval(".nb-d code", (cs) => cs.map((c) => c.textContent))).includes("X003"));
  });

  it("reads a table pasted as HTML by its rows and cells", async () => {
    // A portal page's table: runs of pipe-separated lines become one <table>.
    const seed = SEEDS.find((f) => read(f).split("\n").some((line) => line.split("|").length > 5));
    const expected = JSON.parse(cliJson(seed));
    const escape = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    let html = "";
    let inTable = false;
    for (const line of read(seed).split("\n")) {
      const cells = line.split("|").map((c) => c.trim());
      if (cells.length > 1) {
        while (cells.length && cells[cells.length - 1] === "") cells.pop();
        html += `${inTable ? "" : "<table>"}<tr>${cells.map((c) => `<td><p>${escape(c)}</p></td>`).join("")}</tr>\n`;
        inTable = true;
      } else {
        html += `${inTable ? "</table>" : ""}<p>${escape(line)}</p>\n`;
        inTable = false;
      }
    }
    await enter("");
    await page.focus("#nb-text");
    await page.evaluate((h) => {
      const data = new DataTransfer();
      data.setData("text/html", h);
      data.setData("text/plain", "not used");
      document.querySelector("#nb-text").dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, html);
    const value = await page.inputValue("#nb-text");
    assert.ok(value.includes("\t"), "cells separated by tabs");
    assert.ok(!value.includes("not used"));
    const got = await shown();
    for (const [row, columns] of Object.entries(expected.tables.requests)) {
      for (const [column, v] of Object.entries(columns)) {
        assert.equal(got.cells[`requests.${row}.${column}`], asShown(v), `requests.${row}.${column}`);
      }
    }
  });

  it("opens GBK, GB18030 and HTML files, and files dropped on it", async () => {
    const seed = SEEDS[0];
    const text = read(seed);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-files-"));
    const gbk = path.join(dir, "report-gbk.txt");
    const conv = spawnSync("iconv", ["-f", "UTF-8", "-t", "GB18030", "-o", gbk, path.join(ROOT, seed)]);
    assert.equal(conv.status, 0, String(conv.stderr));
    await enter("");
    await page.setInputFiles('input[data-file="text"]', gbk);
    await page.waitForFunction((t) => document.querySelector("#nb-text").value === t, text);

    const htmlFile = path.join(dir, "report.html");
    fs.writeFileSync(htmlFile, `<html><head><meta charset="utf-8"><title>x</title><script>window.__pwned=4</script></head><body><p>第一行</p><table><tr><td>甲</td><td>1</td></tr></table></body></html>`);
    await page.setInputFiles('input[data-file="text"]', htmlFile);
    // Read by the core's HTML reader, as the CLI reads it: the title a line of its own, each row ending a line.
    await page.waitForFunction(() => document.querySelector("#nb-text").value === "x\n第一行\n甲\t1\n");

    await page.evaluate((t) => {
      const data = new DataTransfer();
      data.items.add(new File([t], "dropped.md", { type: "text/markdown" }));
      document.querySelector("#nb-text").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForFunction((t) => document.querySelector("#nb-text").value === t, text);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    fs.rmSync(dir, { recursive: true });
  });

  it("exports the tables and the findings as CSV and JSON", async () => {
    const seed = SEEDS[3];
    const expected = JSON.parse(cliJson(seed));
    await enter(read(seed));
    const [csv] = await Promise.all([page.waitForEvent("download"), page.click('[data-act="csv"]')]);
    const csvText = fs.readFileSync(await csv.path(), "utf8");
    assert.ok(csvText.startsWith("\ufeff表格,行,列,单元格,数值\r\n"));
    const total = expected.tables.requests.total.total;
    assert.ok(csvText.includes(`,requests.total.total,${total}\r\n`), "the grand total is exported");
    assert.match(csv.suggestedFilename(), /\.csv$/);
    const [json] = await Promise.all([page.waitForEvent("download"), page.click('[data-act="json"]')]);
    const exported = JSON.parse(fs.readFileSync(await json.path(), "utf8"));
    // The findings beside the tables.
    const diagnostics = expected.diagnostics.map(({ code, severity, message, cells, suspects, line, column }) => ({
      code, severity, message, cells, suspects, line, column,
    }));
    assert.deepEqual(exported, { template: expected.template, meta: expected.meta, tables: expected.tables, diagnostics });
    const [, findings] = csvText.split("\r\n\r\n");
    assert.equal(findings.split("\r\n").filter(Boolean).length, expected.diagnostics.length + 1, "a header and a line a finding");
  });

  it("prints a clean one-page review", async () => {
    await enter(read(SEEDS[3]));
    await page.emulateMedia({ media: "print" });
    const hidden = await page.evaluate(() =>
      [".nb-bar", ".nb-input", ".nb-filter"].map((s) => getComputedStyle(document.querySelector(s)).display),
    );
    assert.deepEqual(hidden, ["none", "none", "none"]);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length;
    await page.emulateMedia({ media: "screen" });
    assert.equal(pages, 1, `the review takes ${pages} pages`);
  });

  it("is usable by keyboard alone", async () => {
    await open();
    await enter("");
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press("Tab");
    // The first controls are the toolbar's buttons; 载入示例报告 is the
    // third, after 打开文件… and 打开文件夹….
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.act), "sample");
    await page.keyboard.press("Enter");
    assert.ok((await page.inputValue("#nb-text")).length > 1000);
    const button = page.locator(".nb-error .nb-d-main").first();
    await button.focus();
    await page.keyboard.press("Enter");
    const selected = await page.evaluate(() => {
      const a = document.querySelector("#nb-text");
      return document.activeElement === a && a.selectionEnd > a.selectionStart;
    });
    assert.ok(selected);
  });

  it("fits a phone-width screen", async () => {
    const phone = await context.newPage();
    const phoneSeen = watch(phone);
    await phone.setViewportSize({ width: 375, height: 800 });
    await phone.goto(SINGLE_FILE_URL);
    await phone.waitForSelector("#nianbao[data-ready]");
    await phone.fill("#nb-text", read(SEEDS[3]));
    const fit = await phone.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      area: document.querySelector("#nb-text").getBoundingClientRect().width,
    }));
    assert.ok(fit.page <= 375, `the page is ${fit.page}px wide`);
    assert.ok(fit.area > 300);
    assert.deepEqual(phoneSeen.errors, []);
    await phone.close();
  });

  it("passes the axe-core accessibility audit", async () => {
    // axe is injected by the test; the page's own policy would refuse it.
    const audited = await browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 1000 } });
    const p = await audited.newPage();
    await p.goto(SINGLE_FILE_URL);
    await p.waitForSelector("#nianbao[data-ready]");
    await p.click('[data-act="sample"]');
    await p.click(".nb-d-main");
    await p.click("td[data-path]");
    await p.evaluate(() => {
      for (const d of document.querySelectorAll("details")) d.open = true;
    });
    await p.addScriptTag({ content: AXE });
    const result = await p.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(
      serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`),
      [],
    );
    await audited.close();
  });

  it("made no request and logged no error", () => {
    assert.deepEqual(
      seen.requests.filter((url) => url !== SINGLE_FILE_URL && !url.startsWith("blob:") && !url.startsWith("data:")),
      [],
    );
    assert.deepEqual(seen.errors, []);
  });
});
