// Shared by the browser tests, the benchmark and the screenshot: where the
// built page and the fixtures are, nianbao.html's two parts, Chromium launched as this machine allows
// (Debian's build, no sandbox, no background networking), the CLI's JSON
// for a fixture, and the static server for dist/ on 127.0.0.1.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { after, before } from "node:test";
import zlib from "node:zlib";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = path.join(ROOT, "dist");
export const SINGLE_FILE_URL = pathToFileURL(path.join(DIST, "nianbao.html")).href;

/** The fixtures, as paths relative to the project root: the seeds first. */
export const SEEDS = fs
  .readdirSync(path.join(ROOT, "tests/fixtures/seeds"))
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => `tests/fixtures/seeds/${f}`);
export const FIXTURES = [
  ...SEEDS,
  ...fs
    .readdirSync(path.join(ROOT, "tests/fixtures/real"))
    .filter((f) => /\.(txt|md|html?)$/.test(f))
    .sort()
    .map((f) => `tests/fixtures/real/${f}`),
];

export const read = (fixture) => fs.readFileSync(path.join(ROOT, fixture), "utf8");

/** The flags Chromium needs here: no sandbox as root, and no calls home on a closed network. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/**
 * The JSON line `nianbao check --format json` prints for a fixture, run
 * from the project root; with `previous`, checked against that fixture as
 * last year's report (`--previous`).
 */
export function cliJson(fixture, previous) {
  const cli = process.env.NIANBAO_CLI || path.join(ROOT, "target/debug/nianbao");
  const args = ["check", "--format", "json", ...(previous ? ["--previous", previous] : []), fixture];
  const run = spawnSync(cli, args, { cwd: ROOT, encoding: "utf8" });
  if (run.status !== 0 && run.status !== 1) throw new Error(`${cli} failed on ${fixture}: ${run.stderr}`);
  return run.stdout.trim();
}

/** Sizes of a file (a path, or its bytes): raw, gzip -9 and brotli at the highest quality. */
export function sizes(file) {
  const bytes = typeof file === "string" ? fs.readFileSync(file) : file;
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

/**
 * nianbao.html split in two: the page of the text path, whose size is
 * budgeted, and the document reader's module inlined in it (deflated, as
 * base64 in a data block), which is inflated only when a document is
 * opened: `{ page, module }`, bytes both, the module inflated.
 */
export function singleFileParts(file = path.join(DIST, "nianbao.html")) {
  const html = fs.readFileSync(file, "latin1");
  const block = /<script type="application\/octet-stream" id="nianbao-document-module">([A-Za-z0-9+/=]*)<\/script>\n?/.exec(html);
  return {
    page: Buffer.from(html.slice(0, block.index) + html.slice(block.index + block[0].length), "latin1"),
    module: zlib.inflateRawSync(Buffer.from(block[1], "base64")),
  };
}

/** The budgets of the issue, in bytes and milliseconds. */
export const BUDGET = { wasmBrotli: 150_000, htmlBrotli: 250_000, readyMs: 300, seedMs: 2 };

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm", ".css": "text/css; charset=utf-8" };

/**
 * Serves dist/ on 127.0.0.1, on `port` or a free one, with the right
 * Content-Type (browsers load modules and stream wasm only so); resolves
 * to { url, close }. `cargo xtask serve` uses it too (serve.mjs).
 */
export function serveDist(port = 0) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let file = path.normalize(path.join(DIST, decodeURIComponent(url.pathname)));
    if (file !== DIST && !file.startsWith(DIST + path.sep)) return res.writeHead(400).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    fs.readFile(file, (err, body) => {
      if (err) return res.writeHead(404).end();
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/**
 * Chromium and the server of dist/ for the tests of a file or suite,
 * started before them and closed after: `{ browser, server }`, set once
 * the tests run.
 */
export function browserAndServer() {
  const both = {};
  before(async () => {
    both.browser = await launch();
    both.server = await serveDist();
  });
  after(async () => {
    await both.browser?.close();
    await both.server?.close();
  });
  return both;
}

/**
 * Records what a page asks of the network and says on its console, for
 * the tests that nothing is fetched and nothing goes wrong.
 */
export function watch(page) {
  const seen = { requests: [], errors: [] };
  page.on("request", (r) => seen.requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") seen.errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => seen.errors.push(`pageerror: ${e.message}`));
  return seen;
}
