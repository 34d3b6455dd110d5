// Documents in the page: .pdf and .docx files opened in the served page
// (dist/index.html) and in <nianbao-validator> (dist/embed/), whose
// document reader's module is fetched only then, and in nianbao.html from
// file://, where it is inflated from inside the file with no request. The real WPS PDFs 009–011 (../shared/real-reports)
// read to their hand-checked tables and 010's two errors are found on page
// 4; every document fixture gives the CLI's JSON byte for byte; what
// cannot be read (a password, a scan, a .doc/.wps/.et, a renamed file)
// gets the CLI's own words.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ROOT, SINGLE_FILE_URL, browserAndServer, launch, watch } from "./lib.mjs";

const SHARED = path.join(ROOT, "../shared/real-reports");
const FIXTURES = path.join(ROOT, "tests/fixtures/documents");
const DOCUMENTS = fs
  .readdirSync(FIXTURES)
  .filter((f) => /\.(pdf|docx)$/.test(f))
  .sort();
const CLI = process.env.NIANBAO_CLI || path.join(ROOT, "target/debug/nianbao");

/** The JSON object `nianbao check --format json` prints for a file (one that could not be read has `error`). */
function cli(file) {
  const run = spawnSync(CLI, ["check", "--format", "json", file], { cwd: ROOT, encoding: "utf8" });
  if (![0, 1, 2].includes(run.status)) throw new Error(`${CLI} failed on ${file}: ${run.stderr}`);
  return run.stdout.trim();
}

/** Files the page cannot read, with what is in them, written to a fresh directory. */
function unreadable() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-unreadable-"));
  const ole = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  // A page that only draws an image: a scan.
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
    "<< /Length 30 >>\nstream\nq 595 0 0 842 0 0 cm /Im1 Do Q\nendstream",
    "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\0\nendstream",
  ];
  let scan = "%PDF-1.7\n";
  const offsets = objects.map((body, i) => {
    const at = scan.length;
    scan += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = scan.length;
  scan += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  scan += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const files = {
    "password.pdf": fs.readFileSync(path.join(FIXTURES, "password.pdf")),
    "scan.pdf": Buffer.from(scan, "latin1"),
    "report.doc": ole,
    "report.wps": ole,
    "report.et": ole,
    "renamed.pdf": Buffer.from("<html>not a PDF</html>"),
    "broken.pdf": Buffer.from("%PDF-1.7\nnot really"),
  };
  for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
  return { dir, names: Object.keys(files) };
}

/** Installs, in `page`, the record of the last output the page checked. */
function record(page) {
  return page.evaluate(() => document.addEventListener("nianbao-checked", (e) => (window.__checked = e.detail)));
}

/**
 * Opens `file` in `page` through its file input, from an empty text box;
 * resolves to the output checked (null when the file was not read), the
 * status line and the text box's text.
 */
async function open(page, file) {
  await page.evaluate(() => {
    window.__checked = null;
    const area = document.querySelector("#nb-text");
    area.value = "";
    area.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.setInputFiles('input[data-file="text"]', file);
  await page.waitForFunction(() => window.__checked || document.querySelector(".nb-status").textContent.startsWith("无法读取文件"));
  return page.evaluate(() => ({
    out: window.__checked,
    status: document.querySelector(".nb-status").textContent,
    text: document.querySelector("#nb-text").value,
  }));
}

/** The cells of a truth file the page read otherwise, uncertain cells aside, and how many were compared. */
function differences(out, truth) {
  const wrong = [];
  let cells = 0;
  for (const [table, rows] of Object.entries(truth.tables)) {
    for (const [row, columns] of Object.entries(rows)) {
      for (const [column, want] of Object.entries(columns)) {
        const cell = `${table}.${row}.${column}`;
        if (truth.uncertain.includes(cell)) continue;
        cells += 1;
        const got = out.tables[table]?.[row]?.[column];
        if (got !== want) wrong.push(`${cell}: ${got} != ${want}`);
      }
    }
  }
  return { wrong, cells };
}

/** Checks 010's two table errors: found, shown, and placed on page 4 of the PDF. */
async function checkErrorsOf010(page, out) {
  const errors = out.diagnostics.filter((d) => d.severity === "error");
  assert.deepEqual(errors.map((d) => d.cells[0]).sort(), ["appeals.litigation_after_review.total", "appeals.review.total"]);
  for (const e of errors) {
    assert.equal(e.page, 4, JSON.stringify(e));
    assert.match(e.place, /^第4页第\d+行$/);
  }
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll(".nb-d.nb-error .nb-where")].map((w) => w.textContent),
  );
  assert.equal(shown.length, 2);
  for (const where of shown) assert.match(where, /^第 \d+ 行第 \d+ 列，原文第4页第\d+行$/);
}

describe("the served page opens documents", () => {
  const chromium = browserAndServer();
  let page;
  let seen;

  before(async () => {
    page = await chromium.browser.newPage();
    seen = watch(page);
    await page.goto(`${chromium.server.url}/index.html`);
    await page.waitForSelector("#nianbao[data-ready]");
    await record(page);
  });

  after(() => page?.close());

  it("fetches the document reader only when a document is opened", async () => {
    const fetched = () => seen.requests.filter((url) => url.endsWith("/pkg/nianbao_document_wasm_bg.wasm"));
    assert.deepEqual(fetched(), [], "not for the text path");
    await open(page, path.join(FIXTURES, DOCUMENTS[0]));
    await open(page, path.join(FIXTURES, DOCUMENTS[1]));
    assert.equal(fetched().length, 1, "once");
  });

  it("reads the WPS PDFs 009–011 to their truth and finds 010's two errors on page 4", async () => {
    let compared = 0;
    for (const id of ["009", "010", "011"]) {
      const { out, text } = await open(page, path.join(SHARED, `${id}.pdf`));
      const truth = JSON.parse(fs.readFileSync(path.join(SHARED, `${id}.truth.json`), "utf8"));
      assert.equal(out.meta.agency, truth.agency, id);
      assert.equal(out.meta.year, truth.year, id);
      const { wrong, cells } = differences(out, truth);
      assert.deepEqual(wrong, [], id);
      compared += cells;
      assert.ok(!text.includes("\uFFFD"), `${id}: every glyph decoded`);
      if (id === "010") await checkErrorsOf010(page, out);
    }
    assert.ok(compared > 250, `${compared} cells`);
  });

  for (const name of DOCUMENTS) {
    it(`gives the CLI's JSON for ${name}`, async () => {
      const file = path.join("tests/fixtures/documents", name);
      const expected = cli(file);
      const parsed = JSON.parse(expected);
      const { out, status } = await open(page, path.join(ROOT, file));
      if (parsed.error) {
        assert.equal(out, null);
        assert.equal(status, `无法读取文件 ${name}：${parsed.error}`);
        return;
      }
      assert.ok(out, status);
      assert.equal(out.file, null);
      out.file = parsed.file;
      out.encoding = parsed.encoding;
      assert.equal(JSON.stringify(out), expected);
      for (const d of out.diagnostics.filter((d) => d.line != null)) assert.ok(d.place, `${d.code} says where it is`);
    });
  }

  it("says why a file cannot be read, in the CLI's words", async () => {
    const { dir, names } = unreadable();
    for (const name of names) {
      const why = JSON.parse(cli(path.join(dir, name))).error;
      assert.ok(why, `the CLI reads ${name}`);
      const { out, status } = await open(page, path.join(dir, name));
      assert.equal(out, null, name);
      assert.equal(status, `无法读取文件 ${name}：${why}`);
    }
    const said = (name) => JSON.parse(cli(path.join(dir, name))).error;
    assert.match(said("password.pdf"), /密码/);
    assert.match(said("scan.pdf"), /扫描件.*OCR/);
    for (const legacy of ["report.doc", "report.wps", "report.et"]) assert.match(said(legacy), /另存为 \.docx 或 PDF/);
    assert.match(said("renamed.pdf"), /扩展名为 \.pdf/);
    assert.match(said("broken.pdf"), /损坏/);
    fs.rmSync(dir, { recursive: true });
  });

  it("selects the text of a finding chosen in a document", async () => {
    const { out, text } = await open(page, path.join(SHARED, "010.pdf"));
    const index = out.diagnostics.findIndex((d) => d.severity === "error");
    await page.click(`.nb-d-main[data-index="${index}"]`);
    const selected = await page.evaluate(() => {
      const area = document.querySelector("#nb-text");
      return [area.selectionStart, area.selectionEnd];
    });
    const d = out.diagnostics[index];
    const place = d.suspects.map((p) => out.cells[p]).find(Boolean) ?? d;
    assert.deepEqual(selected, [place.start, place.end]);
    assert.ok(text.slice(...selected).trim().length > 0);
  });

  it("logged no error", () => {
    assert.deepEqual(seen.errors, []);
  });

  it("in <nianbao-validator>, fetches the reader beside the element's script", async () => {
    const portal = await chromium.browser.newPage();
    const watched = watch(portal);
    await portal.goto(`${chromium.server.url}/embed/demo.html`);
    await portal.waitForSelector("nianbao-validator .nb[data-ready]");
    await record(portal);
    // The element's own file input, in its shadow root.
    await portal.setInputFiles('nianbao-validator input[data-file="text"]', path.join(SHARED, "010.pdf"));
    await portal.waitForFunction(() => window.__checked);
    const out = await portal.evaluate(() => window.__checked);
    assert.equal(out.summary.errors, 2);
    assert.ok(out.diagnostics.filter((d) => d.severity === "error").every((d) => d.page === 4));
    const own = (url) => url.startsWith(chromium.server.url);
    assert.deepEqual(watched.requests.filter((url) => url.endsWith(".wasm")).map((url) => new URL(url).pathname).sort(), [
      "/embed/nianbao_document_wasm_bg.wasm",
      "/embed/nianbao_wasm_bg.wasm",
    ]);
    assert.ok(watched.requests.every(own), "no request beyond the portal's server");
    assert.deepEqual(watched.errors, []);
    await portal.close();
  });
});

describe("nianbao.html from file:// opens a PDF", () => {
  let browser;

  after(() => browser?.close());

  it("inflating the document reader from inside itself, with no request and no error", async () => {
    browser = await launch();
    const page = await browser.newPage();
    const seen = watch(page);
    await page.goto(SINGLE_FILE_URL);
    await page.waitForSelector("#nianbao[data-ready]");
    await record(page);
    const { out } = await open(page, path.join(SHARED, "010.pdf"));
    assert.equal(out.meta.agency, "淮安市洪泽区人民政府");
    await checkErrorsOf010(page, out);
    const { status } = await open(page, path.join(FIXTURES, "password.pdf"));
    assert.match(status, /^无法读取文件 password\.pdf：.*密码/);
    assert.deepEqual(
      seen.requests.filter((url) => url !== SINGLE_FILE_URL && !url.startsWith("blob:") && !url.startsWith("data:")),
      [],
    );
    assert.deepEqual(seen.errors, []);
  });
});
