// One HTML reader, at native speed. Saved portal pages are made here from
// every fixture (a <title>, the portal's 标题: field, inline styles on every
// element, a script and an image that would run if parsed as a document):
// opened in dist/nianbao.html from file://, each becomes the text the
// core's reader gives (the module's html_text, the CLI's reader), is read
// as the CLI reads the page, and logs no console error; pasted, a
// 30,000-character page is checked and shown within 300 ms.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { DIST, FIXTURES, SEEDS, SINGLE_FILE_URL, cliJson, launch, read, watch } from "./lib.mjs";

const glue = await import(path.join(DIST, "pkg/nianbao_wasm.js"));
glue.initSync({ module: fs.readFileSync(path.join(DIST, "pkg/nianbao_wasm_bg.wasm")) });

/** The length of the text the core reads from `html`. */
const textLength = (html) => glue.html_text(html).length;

const escape = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The inline style a portal's editor puts on every cell and paragraph. */
const STYLE = 'style="border:1px solid #000000;padding:2px 4px;text-align:center;font-family:宋体;font-size:12pt;line-height:150%"';

/**
 * A report as a portal saves it: the title in <title> and again after the
 * portal's 标题: field, prose in styled paragraphs, rows of cells (pipes
 * or tabs) in a styled table, and markup that must never run or load.
 */
function savedPage(text) {
  const lines = text.split("\n");
  const title = lines.find((l) => l.trim()) ?? "";
  let body = "";
  let inTable = false;
  for (const line of lines) {
    const cells = line.includes("|") ? line.split("|") : line.split("\t");
    if (cells.length > 1) {
      while (cells.length && !cells[cells.length - 1].trim()) cells.pop();
      body += `${inTable ? "" : `<table ${STYLE}><tbody>`}<tr>${cells.map((c) => `<td ${STYLE}>${escape(c.trim())}</td>`).join("")}</tr>\n`;
      inTable = true;
    } else {
      body += `${inTable ? "</tbody></table>" : ""}<p ${STYLE}>${escape(line)}</p>\n`;
      inTable = false;
    }
  }
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body { color: #333 }</style><script>window.__ran = 1</script></head>
<body><div class="detail" style="padding:10px"><p style="font-weight:bold">标题:${escape(title)}</p>
<img src="logo.png" onerror="window.__ran = 2" style="width:100px">
${body}${inTable ? "</tbody></table>" : ""}</div><script>window.__ran = 3</script></body></html>
`;
}

/** What a report's JSON says it read, without the places (which differ between a page and its text). */
function readOf(out) {
  return {
    template: out.template,
    meta: out.meta,
    tables: out.tables,
    summary: out.summary,
    diagnostics: out.diagnostics.map((d) => [d.code, d.severity, d.message, d.cells, d.stated, d.suspects, d.help]),
  };
}

describe("HTML read by the core's reader, pasted at native speed", () => {
  let browser;
  let page;
  let seen;
  let dir;

  before(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    seen = watch(page);
    await page.goto(SINGLE_FILE_URL);
    await page.waitForSelector("#nianbao[data-ready]");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-pages-"));
  });

  after(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("opens a saved page of every fixture as the CLI reads it, with no console error", async () => {
    for (const fixture of FIXTURES) {
      const html = savedPage(read(fixture));
      const file = path.join(dir, `${path.basename(fixture).replace(/\.\w+$/, "")}.html`);
      fs.writeFileSync(file, html);
      const text = glue.html_text(html);
      await page.setInputFiles('input[data-file="text"]', file);
      await page.waitForFunction((t) => document.querySelector("#nb-text").value === t, text);
      const cli = JSON.parse(cliJson(file));
      // The text the page holds is read as the CLI reads the page itself.
      assert.deepEqual(readOf(glue.validate(text)), readOf(cli), fixture);
      const agency = await page.$$eval(".nb-summary div", (ds) => ds.find((d) => d.querySelector("dt").textContent === "机关")?.querySelector("dd").textContent);
      assert.equal(agency, cli.meta.agency ?? "未识别", fixture);
      assert.ok(!agency.includes("标题"), fixture);
    }
    assert.equal(await page.evaluate(() => window.__ran), undefined);
    assert.deepEqual(seen.errors, []);
  });

  it("checks a page of a 30,000-character report pasted as HTML within 300 ms", async () => {
    // The longest seed's page, a paragraph repeated at its end until its text has 30,000 characters.
    const seed = SEEDS.map((s) => [s, read(s)]).sort((a, b) => b[1].length - a[1].length)[0];
    let html = savedPage(seed[1]);
    const filler = `<p ${STYLE}>本机关将继续做好政府信息公开工作，按照条例要求及时准确公开政府信息。</p>\n`;
    while (glue.html_text(html).length < 30_000) html = html.replace("</div>", `${filler.repeat(20)}</div>`);
    const times = [];
    for (let i = 0; i < 5; i++) {
      const got = await page.evaluate((h) => {
        const area = document.querySelector("#nb-text");
        area.value = "";
        area.dispatchEvent(new Event("input", { bubbles: true }));
        area.focus();
        const data = new DataTransfer();
        data.setData("text/html", h);
        data.setData("text/plain", "not used");
        const started = performance.now();
        area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
        // The result is on the screen at the next frame.
        return new Promise((resolve) =>
          requestAnimationFrame(() =>
            resolve({ ms: performance.now() - started, value: area.value, findings: document.querySelectorAll(".nb-d").length }),
          ),
        );
      }, html);
      assert.equal(got.value, glue.html_text(html));
      assert.equal(got.findings, glue.validate(got.value).diagnostics.length);
      times.push(got.ms);
    }
    times.sort((a, b) => a - b);
    const median = times[2];
    console.log(`paste of ${html.length} characters of HTML (${textLength(html)} of text) to result: median ${median.toFixed(1)} ms (${times.map((t) => t.toFixed(1)).join(", ")})`);
    assert.ok(median <= 300, `${median} ms`);
    assert.deepEqual(seen.errors, []);
  });
});
