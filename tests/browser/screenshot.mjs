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
await page.click(".nb-error .nb-d-main");
await page.evaluate(() => document.activeElement.blur());
fs.mkdirSync(path.join(ROOT, "docs"), { recursive: true });
const file = path.join(ROOT, "docs/screenshot.png");
await page.screenshot({ path: file, fullPage: false });
await browser.close();
console.log(`wrote ${path.relative(ROOT, file)}`);
