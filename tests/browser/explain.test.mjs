// Codes that explain themselves: in dist/nianbao.html from file:// and in
// the embedded element, every code shown (each finding's, each rule's of
// the list) opens its page in a dialog, with the title, headings and
// example blocks of `nianbao explain CODE`; the list of rules holds the
// codes in use as `nianbao rules` lists them, without the retired ones.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ROOT, SEEDS, SINGLE_FILE_URL, cliJson, launch, read, serveDist, watch } from "./lib.mjs";

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const CLI = process.env.NIANBAO_CLI || path.join(ROOT, "target/debug/nianbao");

/** What `nianbao` prints with these arguments. */
function cli(...args) {
  const run = spawnSync(CLI, args, { cwd: ROOT, encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

/** A page of `nianbao explain` as its parts: title, `##` headings, example blocks. */
function parts(markdown) {
  const lines = markdown.split("\n");
  const blocks = [];
  let block = null;
  for (const line of lines) {
    if (block) {
      if (line === "```") {
        blocks.push(block.join("\n"));
        block = null;
      } else block.push(line);
    } else if (line.startsWith("```")) block = [];
  }
  return {
    title: lines[0].replace(/^# /, ""),
    headings: lines.filter((l) => l.startsWith("## ")).map((l) => l.slice(3)),
    blocks,
  };
}

/** The parts of the explanation the dialog shows inside `root` (a document or shadow root). */
function shownParts(page, host) {
  return page.evaluate((h) => {
    const root = h ? document.querySelector(h).shadowRoot : document;
    const dialog = root.querySelector("dialog.nb-explain");
    return {
      open: dialog.open,
      code: dialog.dataset.code,
      title: dialog.querySelector(".nb-explain-title").textContent,
      headings: [...dialog.querySelectorAll(".nb-explain-body h4")].map((h4) => h4.textContent),
      blocks: [...dialog.querySelectorAll(".nb-explain-body pre")].map((pre) => pre.textContent),
    };
  }, host);
}

/** The seed with the most distinct codes, so the findings show many. */
const RICH = SEEDS.map((s) => [s, new Set(JSON.parse(cliJson(s)).diagnostics.map((d) => d.code)).size])
  .sort((a, b) => b[1] - a[1])[0][0];

describe("codes that explain themselves", () => {
  let browser;
  let server;
  let page;
  let seen;

  before(async () => {
    browser = await launch();
    server = await serveDist();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    seen = watch(page);
    await page.goto(SINGLE_FILE_URL);
    await page.waitForSelector("#nianbao[data-ready]");
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("lists the codes in use, and no retired code", async () => {
    const listed = await page.$$eval(".nb-rules [data-explain]", (bs) => bs.map((b) => b.dataset.explain));
    const catalogue = cli("rules").trim().split("\n");
    const active = catalogue.filter((l) => !l.includes("已停用")).map((l) => l.slice(0, 4));
    assert.ok(active.length < catalogue.length, "the catalogue has a retired code to leave out");
    assert.deepEqual(listed, active);
  });

  it("opens the page of `nianbao explain` from every code shown", async () => {
    await page.evaluate((t) => {
      const area = document.querySelector("#nb-text");
      area.value = t;
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }, read(RICH));
    await page.evaluate(() => {
      document.querySelector(".nb-rules").open = true;
    });
    const codes = await page.$$eval("[data-explain]", (bs) => bs.map((b) => b.dataset.explain));
    const findings = await page.$$eval(".nb-d [data-explain]", (bs) => bs.length);
    assert.ok(findings >= 3, `${RICH} shows ${findings} findings`);
    for (const [i, code] of codes.entries()) {
      await page.locator("[data-explain]").nth(i).click();
      const got = await shownParts(page, null);
      const want = parts(cli("explain", code));
      assert.ok(got.open, code);
      assert.equal(got.code, code);
      assert.ok(got.title.startsWith(`${code} `), got.title);
      assert.deepEqual({ title: got.title, headings: got.headings, blocks: got.blocks }, want, code);
      assert.deepEqual(want.headings.slice(0, 4), ["检查什么", "依据", "错误示例", "正确示例"], code);
      await page.click("dialog.nb-explain .nb-explain-close");
      assert.equal(await page.$eval("dialog.nb-explain", (d) => d.open), false);
    }
    assert.deepEqual(seen.errors, []);
  });

  it("passes the axe-core accessibility audit with an explanation open", async () => {
    // axe is injected by the test; the page's own policy would refuse it.
    const audited = await browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 1000 } });
    const p = await audited.newPage();
    await p.goto(SINGLE_FILE_URL);
    await p.waitForSelector("#nianbao[data-ready]");
    await p.click('[data-act="sample"]');
    await p.locator(".nb-d [data-explain]").first().click();
    await p.addScriptTag({ content: AXE });
    const result = await p.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    assert.deepEqual(
      result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`),
      [],
    );
    await audited.close();
  });

  it("does the same inside the embedded element", async () => {
    const embed = await browser.newPage();
    const embedSeen = watch(embed);
    await embed.goto(`${server.url}/embed/demo.html`);
    await embed.waitForSelector("nianbao-validator >> .nb[data-ready]");
    await embed.locator("nianbao-validator >> #nb-text").fill(read(RICH));
    const code = await embed.locator("nianbao-validator >> .nb-d [data-explain]").first().getAttribute("data-explain");
    await embed.locator("nianbao-validator >> .nb-d [data-explain]").first().click();
    const got = await shownParts(embed, "nianbao-validator");
    const want = parts(cli("explain", code));
    assert.ok(got.open);
    assert.deepEqual({ title: got.title, headings: got.headings, blocks: got.blocks }, want);
    await embed.keyboard.press("Escape");
    assert.equal((await shownParts(embed, "nianbao-validator")).open, false);
    assert.deepEqual(embedSeen.errors, []);
    await embed.close();
  });
});
