// `cargo xtask bench`: the page's numbers against the budgets. Sizes of
// the wasm and of nianbao.html (raw, gzip -9, brotli 11), the latter
// budgeted without the document reader's module inlined in it, whose size
// is given apart (aimed at 400 kB gzip, not a budget); the time from
// opening nianbao.html (file://) to ready, the median of fresh loads after
// one to warm up; and the time of one validate() of each seed inside the
// page, the median of repeated runs, as the page itself measures it; and
// the time 200 files (the seeds in turn) given at once take to be listed
// by nianbao.html, the median of 3 batches. Exits 1 when a budget is
// exceeded.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BUDGET, DIST, SEEDS, SINGLE_FILE_URL, launch, read, singleFileParts, sizes } from "./lib.mjs";

const LOADS = 9;
const BATCH = 200;
const RUNS = 40;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const over = [];
const verdict = (ok, what) => {
  if (!ok) over.push(what);
  return ok ? "ok" : "OVER BUDGET";
};

console.log("sizes                              raw        gzip      brotli");
for (const [name, file, budget] of [
  ["pkg/nianbao_wasm_bg.wasm", "pkg/nianbao_wasm_bg.wasm", BUDGET.wasmBrotli],
  ["nianbao.html (text path)", singleFileParts().page, BUDGET.htmlBrotli],
  ["nianbao.html (whole)", "nianbao.html", null],
  ["embed/nianbao-validator.js", "embed/nianbao-validator.js", null],
  ["pkg/nianbao_document_wasm_bg.wasm", "pkg/nianbao_document_wasm_bg.wasm", null],
]) {
  const s = sizes(typeof file === "string" ? path.join(DIST, file) : file);
  const check = budget ? `  (budget ${kb(budget)} brotli: ${verdict(s.brotli <= budget, name)})` : "";
  console.log(`${name.padEnd(33)} ${kb(s.raw).padStart(9)} ${kb(s.gzip).padStart(11)} ${kb(s.brotli).padStart(11)}${check}`);
}

const browser = await launch();
const readies = [];
for (let i = 0; i <= LOADS; i++) {
  const page = await browser.newPage();
  await page.goto(SINGLE_FILE_URL);
  await page.waitForSelector("#nianbao[data-ready]");
  const ready = await page.evaluate(() => performance.getEntriesByName("nianbao-ready")[0].startTime);
  if (i > 0) readies.push(ready);
  await page.close();
}
console.log(
  `\nnianbao.html ready           median ${median(readies).toFixed(0)} ms, slowest ${Math.max(...readies).toFixed(0)} ms of ${LOADS} loads` +
    `  (budget ${BUDGET.readyMs} ms: ${verdict(median(readies) <= BUDGET.readyMs, "ready")})`,
);

const page = await browser.newPage();
await page.goto(SINGLE_FILE_URL);
await page.waitForSelector("#nianbao[data-ready]");
console.log("\nvalidate() of a seed in the page");
// Warm up: the engine compiles the hot wasm functions again, optimised,
// after their first runs.
await page.evaluate((texts) => {
  const area = document.querySelector("#nb-text");
  for (let i = 0; i < 100; i++) {
    area.value = texts[i % texts.length];
    area.dispatchEvent(new Event("input"));
  }
}, SEEDS.map(read));
for (const seed of SEEDS) {
  const times = await page.evaluate(
    ([text, runs]) => {
      const root = document.querySelector("#nianbao");
      const area = root.querySelector("#nb-text");
      const times = [];
      for (let i = 0; i < runs; i++) {
        // Alternate a trailing space so that every run reads a new text.
        area.value = i % 2 ? `${text} ` : text;
        area.dispatchEvent(new Event("input"));
        times.push(Number(root.dataset.elapsed));
      }
      return times;
    },
    [read(seed), RUNS],
  );
  const m = median(times);
  console.log(
    `${path.basename(seed).padEnd(28)} median ${m.toFixed(2)} ms, slowest ${Math.max(...times).toFixed(2)} ms of ${RUNS}` +
      `  (budget ${BUDGET.seedMs} ms: ${verdict(m <= BUDGET.seedMs, path.basename(seed))})`,
  );
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-bench-"));
const files = Array.from({ length: BATCH }, (_, i) => {
  const file = path.join(dir, `${String(i).padStart(3, "0")}.txt`);
  fs.writeFileSync(file, read(SEEDS[i % SEEDS.length]));
  return file;
});
const listed = [];
for (let i = 0; i < 3; i++) {
  const batch = await browser.newPage();
  await batch.goto(SINGLE_FILE_URL);
  await batch.waitForSelector("#nianbao[data-ready]");
  const started = Date.now();
  await batch.setInputFiles('input[data-file="text"]', files);
  await batch.waitForSelector('[data-batch="done"]', { timeout: 60_000 });
  listed.push(Date.now() - started);
  await batch.close();
}
fs.rmSync(dir, { recursive: true });
console.log(
  `\n${`${BATCH} files listed`.padEnd(28)} median ${median(listed)} ms, slowest ${Math.max(...listed)} ms of 3 batches` +
    `  (budget 5000 ms: ${verdict(median(listed) <= 5000, "batch")})`,
);
await browser.close();

if (over.length) {
  console.log(`\nover budget: ${over.join(", ")}`);
  process.exit(1);
}
console.log("\nall within budget");
