// The printed review sheet, under print media, from dist/nianbao.html on
// file:// and from the portal page dist/embed/demo.html served on
// 127.0.0.1: one landscape page, headed by the file name, the date and
// nianbao's version, with each finding's 建议; the embed's sheet carries
// nothing of the portal around it.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ROOT, SEEDS, SINGLE_FILE_URL, cliJson, launch, serveDist, watch } from "./lib.mjs";

/** The seed whose review fits one page (the others have more to say). */
const SEED = SEEDS[3];

/** The pages of a PDF, and whether each is wider than high. */
function pdfPages(pdf) {
  const boxes = [...pdf.toString("latin1").matchAll(/\/Type\s*\/Page[^s][\s\S]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
  return boxes.map((m) => Number(m[3]) - Number(m[1]) > Number(m[4]) - Number(m[2]));
}

/** Today's date as the sheet writes it, in this machine's time zone (the browser's too). */
function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

describe("the printed review sheet", () => {
  let browser;
  let server;
  let dir;
  let file;

  before(async () => {
    browser = await launch();
    server = await serveDist();
    // The seed opened as a file, so the sheet has a file name to carry.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-print-"));
    file = path.join(dir, "某区2023年报.txt");
    fs.copyFileSync(path.join(ROOT, SEED), file);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Opens the file in the validator of `url` (inside `host`, if given) and prints it. */
  async function print(url, host) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const seen = watch(page);
    await page.goto(url);
    const inside = (selector) => (host ? `${host} >> ${selector}` : selector);
    await page.waitForSelector(inside(".nb[data-ready]"));
    await page.setInputFiles(inside('input[data-file="text"]'), file);
    await page.waitForSelector(inside(".nb-d"));
    await page.emulateMedia({ media: "print" });
    const sheet = await page.locator(inside(".nb-sheet")).evaluate((p) => ({ text: p.textContent, display: getComputedStyle(p).display }));
    const helps = await page.locator(inside(".nb-help")).evaluateAll((ps) => ps.map((p) => [p.textContent, getComputedStyle(p).display]));
    const version = await page.locator(inside(".nb-foot .nb-version")).textContent();
    const portal = await page.evaluate(() =>
      [...document.querySelectorAll("body > header, body > nav, body > footer, main > h1, main > p")].map((n) => getComputedStyle(n).display),
    );
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: "screen" });
    const onScreen = await page.locator(inside(".nb-sheet")).evaluate((p) => getComputedStyle(p).display);
    await page.close();
    return { sheet, helps, version, portal, pages: pdfPages(pdf), onScreen, errors: seen.errors };
  }

  function checkSheet(got) {
    const expected = JSON.parse(cliJson(SEED));
    assert.deepEqual(got.pages, [true], "one landscape page");
    assert.equal(got.sheet.display, "block");
    assert.equal(got.onScreen, "none", "the sheet's head is for print only");
    assert.match(got.version, /^\d+\.\d+\.\d+/);
    for (const part of [path.basename(file), today(), `nianbao ${got.version}`]) {
      assert.ok(got.sheet.text.includes(part), `${got.sheet.text} lacks ${part}`);
    }
    const helps = expected.diagnostics.map((d) => d.help).filter(Boolean);
    assert.ok(helps.length > 0);
    assert.deepEqual(got.helps.map(([text]) => text).sort(), helps.sort());
    assert.ok(got.helps.every(([, display]) => display !== "none"), "every 建议 is printed");
    assert.deepEqual(got.errors, []);
  }

  it("is one landscape page from the page", async () => {
    const got = await print(SINGLE_FILE_URL, null);
    checkSheet(got);
  });

  it("is one landscape page from a portal page embedding the element, without the portal", async () => {
    const got = await print(`${server.url}/embed/demo.html`, "nianbao-validator");
    checkSheet(got);
    assert.equal(got.portal.length, 5);
    assert.deepEqual(got.portal, ["none", "none", "none", "none", "none"]);
  });
});
