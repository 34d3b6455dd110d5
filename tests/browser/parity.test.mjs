// Parity: for every fixture, the object the wasm validate() returns,
// serialised by JSON.stringify, is byte for byte the line the CLI prints
// with --format json, once `file` (the CLI's path, null from validate) is
// set alike and the CLI's `encoding` added. Checked in node and in
// Chromium, on the dist/ just built.

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { DIST, FIXTURES, browserAndServer, cliJson, read } from "./lib.mjs";

const glue = await import(path.join(DIST, "pkg/nianbao_wasm.js"));
glue.initSync({ module: fs.readFileSync(path.join(DIST, "pkg/nianbao_wasm_bg.wasm")) });

/**
 * The CLI's line for `fixture`, and validate()'s object serialised with the
 * same `file` and the CLI's last key, `encoding` (the page decodes files itself).
 */
function pair(fixture, out, previous) {
  const cli = cliJson(fixture, previous);
  assert.equal(out.file, null);
  assert.equal(out.encoding, undefined);
  const parsed = JSON.parse(cli);
  out.file = parsed.file;
  out.encoding = parsed.encoding;
  return [JSON.stringify(out), cli];
}

describe("validate() in node equals the CLI's JSON", () => {
  for (const fixture of FIXTURES) {
    it(fixture, () => {
      const [wasm, cli] = pair(fixture, glue.validate(read(fixture)));
      assert.equal(wasm, cli);
    });
  }
});

describe("validate() in Chromium equals the CLI's JSON", () => {
  const chromium = browserAndServer();

  it("for every fixture", async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${chromium.server.url}/index.html`);
    const outs = await page.evaluate(async (texts) => {
      const nb = await import("/pkg/nianbao_wasm.js");
      await nb.default();
      return texts.map((t) => nb.validate(t));
    }, FIXTURES.map(read));
    FIXTURES.forEach((fixture, i) => {
      const [wasm, cli] = pair(fixture, outs[i]);
      assert.equal(wasm, cli, fixture);
    });
  });
});

describe("validate_with_previous() equals the CLI's JSON with --previous", () => {
  // Consecutive years of one agency, and a report given as its own last
  // year (which the cross-report rules find unchanged).
  for (const [fixture, previous] of [
    ["tests/fixtures/real/011.txt", "tests/fixtures/real/010.txt"],
    ["tests/fixtures/real/011.txt", "tests/fixtures/real/011.txt"],
    ...FIXTURES.map((f, i) => [f, FIXTURES[(i + 1) % FIXTURES.length]]),
  ]) {
    it(`${fixture} after ${previous}`, () => {
      const [wasm, cli] = pair(fixture, glue.validate_with_previous(read(fixture), read(previous)), previous);
      assert.equal(wasm, cli);
    });
  }

  it("adds the cross-report findings to what validate() finds", () => {
    const text = read("tests/fixtures/real/011.txt");
    const alone = glue.validate(text);
    const both = glue.validate_with_previous(text, read("tests/fixtures/real/010.txt"));
    const same = glue.validate_with_previous(text, text);
    assert.deepEqual(both.tables, alone.tables);
    const key = (d) => JSON.stringify(d);
    for (const out of [both, same]) {
      const keys = new Set(out.diagnostics.map(key));
      for (const d of alone.diagnostics) assert.ok(keys.has(key(d)), d.message);
    }
    assert.ok(same.diagnostics.some((d) => d.code === "X003"), "an unchanged report is found");
  });
});

describe("the other exports", () => {
  it("rules() lists every code once, schema() every table", () => {
    const rules = glue.rules();
    assert.ok(rules.length > 0);
    assert.equal(new Set(rules.map((r) => r.code)).size, rules.length);
    for (const r of rules) assert.match(r.code, /^[A-Z]\d{3}$/);
    const schema = glue.schema();
    assert.deepEqual(Object.keys(schema), ["active", "requests", "appeals"]);
    assert.equal(schema.requests["2021"].length, 25);
    assert.equal(schema.requests["2019"].length, 23);
    assert.equal(schema.appeals.length, 3);
    assert.match(glue.version(), /^\d+\.\d+\.\d+/);
  });
});
