// Many reports at once, on dist/nianbao.html opened from file://: 200 files
// given at once are checked in the workers and listed, within 5 s; a row
// opens its report and 返回汇总 comes back to it, by keyboard; the summary
// CSV is the CLI's `--format csv --pair-years` for the same files byte for
// byte (after the BOM); a report whose last year's report is in the batch
// gets the cross-year finding; the summary sorts and filters and passes
// axe-core; the one-report exports carry the findings; and the served
// page and the embed check a batch in workers too. No request, no error.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { after, before, describe, it } from "node:test";
import { ROOT, SEEDS, SINGLE_FILE_URL, cliJson, launch, read, serveDist, watch } from "./lib.mjs";

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const CLI = process.env.NIANBAO_CLI || path.join(ROOT, "target/debug/nianbao");

/** How many files the batch holds, and the time they must be listed in. */
const FILES = 200;
const LISTED_MS = 5000;

let browser;
let page;
let seen;
let dir;
let files;

/**
 * The batch: 199 files made from the seeds in turn, each with an agency
 * of its own (the seed's, with a number inserted before its last
 * character: 株洲市天元区行政审批服务局 → 株洲市天元区行政审批服务17局;
 * seed 002 names none),
 * and, last, the first one's report of the year before (its years one
 * less), which the first one is to be checked against.
 */
function makeBatch() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-batch-"));
  const seeds = SEEDS.map((seed) => {
    const { meta } = JSON.parse(cliJson(seed));
    return { text: read(seed), agency: meta.agency, year: meta.year };
  });
  files = [];
  for (let i = 0; i < FILES - 1; i++) {
    const seed = seeds[i % seeds.length];
    const text = seed.agency ? seed.text.replaceAll(seed.agency, `${seed.agency.slice(0, -1)}${i}${seed.agency.slice(-1)}`) : seed.text;
    files.push([`${String(i).padStart(3, "0")}.txt`, text]);
  }
  const first = seeds[0];
  const last = files[0][1].replaceAll(`${first.year}年`, `${first.year - 1}年`);
  files.push([`${FILES - 1}-上年.txt`, last]);
  for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text);
}

/** What `nianbao check --format csv --pair-years` writes for the batch, run in its folder. */
function cliCsv() {
  const run = spawnSync(CLI, ["check", "--format", "csv", "--pair-years", ...files.map(([name]) => name)], { cwd: dir, encoding: "utf8" });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return run.stdout;
}

/** Gives the batch to the page's file input and waits until it is listed; the time it took. */
async function give(p, input = 'input[data-file="text"]') {
  const started = Date.now();
  await p.setInputFiles(input, files.map(([name]) => path.join(dir, name)));
  await p.waitForSelector('[data-batch="done"]', { timeout: 30_000 });
  return Date.now() - started;
}

before(makeBatch);
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("many reports at once", () => {
  before(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    seen = watch(page);
    await page.goto(SINGLE_FILE_URL);
    await page.waitForSelector("#nianbao[data-ready]");
  });
  after(async () => {
    await browser?.close();
  });

  it(`lists ${FILES} files within ${LISTED_MS / 1000} s, checked in workers`, async () => {
    const elapsed = await give(page);
    const workers = await page.getAttribute("#nianbao", "data-batch-workers");
    console.log(`# ${FILES} files listed in ${elapsed} ms (page's own count ${await page.getAttribute("#nianbao", "data-batch-ms")} ms), ${workers} workers`);
    assert.ok(elapsed < LISTED_MS, `${elapsed} ms`);
    assert.ok(Number(workers) >= 1, "checked in workers, not on the page's thread");
    assert.equal(await page.locator(".nb-batch-table tbody tr").count(), FILES);
    assert.equal(await page.isVisible(".nb-work"), false, "the one-report view is hidden");
  });

  it("lists reports with errors first", async () => {
    const errors = await page.$$eval(".nb-batch-table tbody tr", (rows) => rows.map((r) => Number(r.children[4].textContent)));
    const sorted = [...errors].sort((a, b) => b - a);
    assert.deepEqual(errors, sorted);
    assert.ok(errors[0] > 0);
  });

  it("exports the CLI's CSV, byte for byte after the BOM", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-act="batch-csv"]')]);
    const csv = fs.readFileSync(await download.path(), "utf8");
    assert.ok(csv.startsWith("\ufeff"), "a byte order mark for Excel");
    const cli = cliCsv();
    assert.equal(cli.split("\n").length, FILES + 2, "the CLI wrote a header and a row a file");
    assert.equal(csv.slice(1), cli);
  });

  it("checks a report against last year's when both are in the batch", async () => {
    const [, pairedRow] = cliCsv().split("\n");
    assert.match(pairedRow, /^000\.txt,/);
    assert.match(pairedRow, /X003/, "the CLI finds the report unchanged from last year's");
    const row = page.locator(".nb-batch-table tbody tr", { has: page.locator('[data-index="0"]') });
    assert.match(await row.textContent(), /X003/);
    assert.match(await row.textContent(), /已与上年报告 199-上年\.txt 核对/);
  });

  it("opens a report from its row and comes back, by keyboard", async () => {
    await page.focus('.nb-batch-open[data-index="0"]');
    await page.keyboard.press("Enter");
    await page.waitForSelector(".nb-work:not([hidden])");
    assert.equal(await page.inputValue("#nb-text"), files[0][1]);
    assert.equal(await page.inputValue("#nb-previous"), files[FILES - 1][1], "last year's report is given with it");
    const codes = await page.$$eval(".nb-d .nb-explain-code", (cs) => cs.map((c) => c.textContent));
    assert.ok(codes.includes("X003"), codes.join(" "));
    assert.equal(await page.isVisible(".nb-batch"), false);
    // Focus is on 返回汇总.
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.act), "back");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".nb-batch:not([hidden])");
    assert.equal(await page.isVisible(".nb-work"), false);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.index), "0", "focus is back on the row");
  });

  it("sorts by a column and filters", async () => {
    await page.click('.nb-sort[data-sort="file"]');
    const names = await page.$$eval(".nb-batch-table tbody th", (ths) => ths.map((t) => t.textContent));
    assert.deepEqual(names, files.map(([name]) => name).sort());
    assert.equal(await page.getAttribute('th:has(> .nb-sort[data-sort="file"])', "aria-sort"), "ascending");
    await page.click('.nb-sort[data-sort="file"]');
    assert.equal(await page.$eval(".nb-batch-table tbody th", (t) => t.textContent), "199-上年.txt");
    await page.fill("#nb-batch-filter", "017");
    assert.deepEqual(await page.$$eval(".nb-batch-table tbody th", (ths) => ths.map((t) => t.textContent)), ["017.txt"]);
    await page.fill("#nb-batch-filter", "");
    await page.check("#nb-batch-errors");
    const errors = await page.$$eval(".nb-batch-table tbody tr", (rows) => rows.map((r) => Number(r.children[4].textContent)));
    assert.ok(errors.length > 0 && errors.length < FILES && errors.every((n) => n > 0), errors.join(" "));
    await page.uncheck("#nb-batch-errors");
  });

  it("opens one file in the one-report view, as before", async () => {
    await page.setInputFiles('input[data-file="text"]', path.join(dir, files[3][0]));
    await page.waitForFunction((t) => document.querySelector("#nb-text").value === t, files[3][1]);
    assert.equal(await page.isVisible(".nb-work"), true);
    assert.equal(await page.isVisible(".nb-batch"), false);
    assert.equal(await page.isVisible('[data-act="back"]'), true, "the summary is still there to go back to");
  });

  it("exports one report's findings with its tables, as CSV and JSON", async () => {
    const out = await page.evaluate(() => [...document.querySelectorAll(".nb-d .nb-explain-code")].map((c) => c.textContent));
    assert.ok(out.length > 0);
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.click('[data-act="csv"]')]);
    const csv = fs.readFileSync(await csvDownload.path(), "utf8");
    const [, findings] = csv.split("\r\n\r\n");
    assert.ok(findings.startsWith("代码,级别,说明,单元格,应核对,行\r\n"), findings.slice(0, 40));
    const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.click('[data-act="json"]')]);
    const json = JSON.parse(fs.readFileSync(await jsonDownload.path(), "utf8"));
    const cli = JSON.parse(cliJson(path.relative(ROOT, path.join(dir, files[3][0]))));
    assert.deepEqual(
      json.diagnostics,
      cli.diagnostics.map(({ code, severity, message, cells, suspects, line, column }) => ({ code, severity, message, cells, suspects, line, column })),
    );
    assert.equal(findings.trim().split("\r\n").length, cli.diagnostics.length + 1);
    assert.ok(json.tables.requests, "the tables are still there");
  });

  it("takes several files dropped at once, and a folder", async () => {
    await page.evaluate((given) => {
      const data = new DataTransfer();
      for (const [name, text] of given) data.items.add(new File([text], name, { type: "text/plain" }));
      document.querySelector("#nb-text").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, files.slice(0, 3));
    await page.waitForFunction(() => document.querySelectorAll(".nb-batch-table tbody tr").length === 3 && document.querySelector('[data-batch="done"]'));
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-folder-"));
    fs.mkdirSync(path.join(folder, "2023"));
    fs.writeFileSync(path.join(folder, "2023", files[1][0]), files[1][1]);
    fs.writeFileSync(path.join(folder, files[2][0]), files[2][1]);
    fs.writeFileSync(path.join(folder, "说明.doc"), "not a report");
    fs.writeFileSync(path.join(folder, "scan.pdf"), "%PDF-1.4");
    await page.setInputFiles('input[data-file="folder"]', folder);
    await page.waitForFunction(() => document.querySelectorAll(".nb-batch-table tbody tr").length === 3 && document.querySelector('[data-batch="done"]'));
    const rows = await page.$$eval(".nb-batch-table tbody tr", (trs) => trs.map((tr) => [tr.children[0].textContent, tr.lastChild.textContent]));
    const names = rows.map(([name]) => name.replace(/^[^/]*\//, "")).sort();
    assert.deepEqual(names, ["002.txt", "2023/001.txt", "scan.pdf"], "the report files, by their path in the folder; no .doc");
    // A file that says it is a PDF and is none: the document reader's word, as the CLI's.
    assert.match(rows.find(([name]) => name.endsWith("scan.pdf"))[1], /未能检查：文件已损坏，无法读取/);
    fs.rmSync(folder, { recursive: true });
  });

  it("passes the axe-core accessibility audit, the summary and a report opened from it", async () => {
    const audited = await browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 1000 } });
    const p = await audited.newPage();
    await p.goto(SINGLE_FILE_URL);
    await p.waitForSelector("#nianbao[data-ready]");
    await p.setInputFiles('input[data-file="text"]', files.slice(0, 6).map(([name]) => path.join(dir, name)));
    await p.waitForSelector('[data-batch="done"]');
    await p.addScriptTag({ content: AXE });
    const audit = () =>
      p.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ["violations"] });
        return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
      });
    assert.deepEqual(await audit(), []);
    await p.click('.nb-batch-open[data-index="1"]');
    await p.waitForSelector(".nb-work:not([hidden])");
    assert.deepEqual(await audit(), []);
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

describe("the served page and the embed check a batch in workers too", () => {
  let server;
  before(async () => {
    browser = await launch();
    server = await serveDist();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [form, url, root] of [
    ["index.html", "/", "#nianbao"],
    ["embed/demo.html", "/embed/demo.html", "nianbao-validator .nb"],
  ]) {
    it(form, async () => {
      const p = await browser.newPage();
      const pageSeen = watch(p);
      await p.goto(server.url + url);
      await p.waitForSelector(`${root}[data-ready]`);
      const some = files.slice(0, 10).map(([name]) => path.join(dir, name));
      await p.setInputFiles(`${root} input[data-file="text"]`, some);
      await p.waitForSelector(`${root}[data-batch="done"]`);
      assert.equal(await p.locator(`${root} .nb-batch-table tbody tr`).count(), 10);
      assert.ok(Number(await p.getAttribute(root, "data-batch-workers")) >= 1);
      assert.deepEqual(pageSeen.errors, []);
      await p.close();
    });
  }
});
