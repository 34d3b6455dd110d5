// The TypeScript types in pkg/nianbao_wasm.d.ts (written by hand in
// crates/nianbao-wasm/src/types.d.ts) against what the functions really
// return: validate() of every fixture, rules(), schema() and batch_row(),
// each written as an object literal of its declared type and checked by tsc
// --strict, which rejects a missing key, an unknown key and a value of the
// wrong type. A mutated output must be rejected, so that the check is known
// to bite.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { DIST, ROOT } from "./lib.mjs";

const glue = await import(path.join(DIST, "pkg/nianbao_wasm.js"));
glue.initSync({ module: fs.readFileSync(path.join(DIST, "pkg/nianbao_wasm_bg.wasm")) });

/** Every fixture of tests/fixtures, as paths below the project root. */
const FIXTURES = fs
  .readdirSync(path.join(ROOT, "tests/fixtures"), { recursive: true })
  .filter((f) => /\.(txt|md|html?)$/.test(f))
  .sort()
  .map((f) => path.join("tests/fixtures", f));

/** tsc's complaints about `values`, each `[name, type, value]`; "" when it has none. */
function typeErrors(values) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-types-"));
  const file = path.join(dir, "check.ts");
  const types = path.join(DIST, "pkg/nianbao_wasm.js");
  const lines = [`import type { BatchRow, Output, Rule, Schema } from ${JSON.stringify(types)};`];
  values.forEach(([name, type, value]) => lines.push(`// ${name}`, `export const v${lines.length}: ${type} = ${JSON.stringify(value)};`));
  fs.writeFileSync(file, lines.join("\n"));
  const tsc = path.join(ROOT, "tests/browser/node_modules/.bin/tsc");
  const args = ["--noEmit", "--strict", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler", file];
  const run = spawnSync(tsc, args, { encoding: "utf8" });
  fs.rmSync(dir, { recursive: true });
  if (run.error) throw run.error;
  return run.stdout.trim();
}

describe("the TypeScript types match the output", () => {
  it(`of validate() for ${FIXTURES.length} fixtures, rules(), schema() and batch_row()`, () => {
    assert.ok(FIXTURES.length > 50, `only ${FIXTURES.length} fixtures found`);
    const values = FIXTURES.map((f) => [f, "Output", glue.validate(fs.readFileSync(path.join(ROOT, f), "utf8"))]);
    values.push(["rules()", "Rule[]", glue.rules()], ["schema()", "Schema", glue.schema()]);
    const [a, b] = FIXTURES.slice(0, 2).map((f) => fs.readFileSync(path.join(ROOT, f), "utf8"));
    values.push(
      ["batch_row()", "BatchRow", glue.batch_row("a.txt", a, "UTF-8", [])],
      ["batch_row() paired", "BatchRow", glue.batch_row("b.txt", b, "GBK", ["a.txt", a])],
      ["batch_row() not read", "BatchRow", glue.batch_row("c.pdf", "无法读取", "", [])],
    );
    assert.equal(typeErrors(values), "");
  });

  it("and reject an output with a key missing, added or mistyped", () => {
    const out = () => glue.validate(fs.readFileSync(path.join(ROOT, FIXTURES[0]), "utf8"));
    const dropped = out();
    delete dropped.summary;
    const added = out();
    added.meta.region = "x";
    const mistyped = glue.rules();
    mistyped[0].severity = "fatal";
    const errors = typeErrors([["dropped", "Output", dropped], ["added", "Output", added], ["mistyped", "Rule[]", mistyped]]);
    assert.match(errors, /'summary' is missing/);
    assert.match(errors, /'"region"' does not exist/);
    assert.match(errors, /"fatal"' is not assignable/);
  });
});
