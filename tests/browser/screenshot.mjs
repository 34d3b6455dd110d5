// `cargo xtask screenshot`: docs/screenshot.png, nianbao.html checking its
// sample report with the first error chosen, for the README.

import fs from "node:fs";
import path from "node:path";
import { ROOT, SINGLE_FILE_URL, launch } from "./lib.mjs";

const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
await page.goto(SINGLE_FILE_URL);
await page.waitForSelector("#nianbao[data-ready]");
await page.click('[data-act="sample"]');
// The first error chosen: its text is selected, its cells are marked.
await page.click(".nb-error .nb-d-main");
fs.mkdirSync(path.join(ROOT, "docs"), { recursive: true });
const file = path.join(ROOT, "docs/screenshot.png");
// The whole page, down to table 三 with the failing sum's two sides marked.
const bottom = await page.evaluate(() => {
  const box = document.querySelector(".nb-box-requests").getBoundingClientRect();
  return Math.ceil(box.bottom + window.scrollY + 16);
});
await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: bottom } });
await browser.close();
console.log(`wrote ${path.relative(ROOT, file)}`);
