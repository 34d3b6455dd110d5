// The browser floor, Chromium 86 (360安全浏览器 13, Chrome 86 and later):
// every WebAssembly module in dist/ uses no feature newer than that
// browser's, and every script there, bundled or inline, has no syntax
// newer than it runs, and none runs a string as code. Reads dist/ only;
// no browser is started.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import test from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import wabt from "wabt";
import { DIST } from "./lib.mjs";

/** The WebAssembly features of Chromium 86, as wasm-opt names them (xtask's `dist::FLOOR`). */
const FLOOR = ["mutable-globals", "sign-ext", "nontrapping-float-to-int", "bulk-memory", "multivalue"];
/** Enabled by wasm-opt with bulk-memory: memory.copy and memory.fill, which bulk-memory holds. */
const IMPLIED = ["bulk-memory-opt"];

/**
 * The same floor for wabt's decoder and validator, every feature named:
 * unlike binaryen, wabt refuses the long encoding of call_indirect's table
 * index that reference types bring, which Chromium 86 refuses too.
 */
const WABT_FLOOR = {
  ...Object.fromEntries(
    ["exceptions", "simd", "threads", "function_references", "tail_call", "reference_types", "annotations"]
      .concat(["code_metadata", "gc", "memory64", "extended_const", "relaxed_simd"])
      .map((f) => [f, false]),
  ),
  ...Object.fromEntries(
    ["mutable_globals", "sat_float_to_int", "sign_extension", "multi_value", "bulk_memory"].map((f) => [f, true]),
  ),
};
const WABT = await wabt();

/** wabt's complaint about `bytes` read and validated at the floor, or undefined. */
function wabtError(bytes) {
  try {
    const module = WABT.readWasm(bytes, { readDebugNames: false, check: true, ...WABT_FLOOR });
    module.validate();
    module.destroy();
  } catch (err) {
    return String(err.message || err);
  }
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const bin = (name) => path.join(HERE, "node_modules/.bin", name);
const distFiles = (ext) =>
  fs
    .readdirSync(DIST, { recursive: true })
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => path.join(DIST, f));

/**
 * The features of `module` (binary or text) as binaryen reads them when
 * allowed the floor's only: a target_features section adds what it names,
 * and validation fails on an instruction or type of any other feature.
 */
function features(module) {
  const flags = ["--mvp-features", ...FLOOR.map((f) => `--enable-${f}`)];
  const run = spawnSync(bin("wasm-opt"), [...flags, "--print-features", module, "-o", "/dev/null"], {
    encoding: "utf8",
  });
  if (run.status !== 0) return { error: run.stderr.split("\n").slice(0, 4).join("\n") };
  return { features: run.stdout.split("\n").filter(Boolean).map((l) => l.replace(/^--enable-/, "")) };
}

test("every module in dist/ keeps to Chromium 86's WebAssembly features", () => {
  const modules = distFiles(".wasm");
  assert.ok(modules.length >= 2, `dist/ holds ${modules.length} modules; run cargo xtask dist`);
  for (const module of modules) {
    const read = features(module);
    assert.equal(read.error, undefined, `${path.relative(DIST, module)}: ${read.error}`);
    const newer = read.features.filter((f) => !FLOOR.includes(f) && !IMPLIED.includes(f));
    assert.deepEqual(newer, [], `${path.relative(DIST, module)} uses features newer than Chromium 86`);
    assert.equal(wabtError(fs.readFileSync(module)), undefined, path.relative(DIST, module));
  }
});

test("the feature check fails on reference types, SIMD, a target_features section and a long call_indirect", () => {
  const dir = fs.mkdtempSync(path.join(HERE, ".floor-"));
  try {
    const write = (name, text) => fs.writeFileSync(path.join(dir, name), text);
    write("mvp.wat", "(module (func (export \"f\") (param i32) (result i32) (i32.extend8_s (local.get 0))))");
    write("externref.wat", "(module (table 1 externref))");
    write("simd.wat", "(module (func (result v128) (v128.const i32x4 0 0 0 0)))");
    // A module whose target_features section names reference-types ("+" then the name).
    const name = "target_features";
    const entry = [1, 0x2b, 15, ...Buffer.from("reference-types")];
    const body = [name.length, ...Buffer.from(name), ...entry];
    const bytes = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0, body.length, ...body];
    fs.writeFileSync(path.join(dir, "section.wasm"), Buffer.from(bytes));

    assert.deepEqual(features(path.join(dir, "mvp.wat")).error, undefined);
    assert.match(features(path.join(dir, "externref.wat")).error, /reference/);
    assert.ok(features(path.join(dir, "simd.wat")).error);
    assert.ok(features(path.join(dir, "section.wasm")).features.includes("reference-types"));

    // call_indirect (0x11) of type 0 through table 0, its index written in
    // one byte, then in five (0x80 0x80 0x80 0x80 0x00) as rustc writes it.
    const module = (index) => {
      const body = [0, 0x41, 0, 0x11, 0, ...index, 0x0b];
      const sections = [[1, 1, 0x60, 0, 0], [3, 1, 0], [4, 1, 0x70, 0, 0], [10, 1, body.length, ...body]];
      const bytes = sections.flatMap(([id, ...content]) => [id, content.length, ...content]);
      return new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...bytes]);
    };
    assert.equal(wabtError(module([0])), undefined);
    assert.match(wabtError(module([0x80, 0x80, 0x80, 0x80, 0])), /call_indirect/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** The scripts the page runs: the bundles, and the inline module scripts of the HTML files. */
function scripts() {
  const found = distFiles(".js").map((file) => [path.relative(DIST, file), fs.readFileSync(file, "utf8")]);
  for (const file of distFiles(".html")) {
    const html = fs.readFileSync(file, "utf8").replace(/<!--[\s\S]*?-->/g, "");
    for (const [i, m] of [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].entries()) {
      // A data block (nianbao.html's deflated document reader) is never run.
      const data = /\btype="(?!module|text\/javascript)/.test(m[1]);
      if (m[2].trim() && !data) found.push([`${path.relative(DIST, file)} script ${i + 1}`, m[2]]);
    }
  }
  return found;
}

/**
 * esbuild's output for `code` as an ES module for `target`, or its error:
 * what Chromium 86 lacks is lowered (the output differs from esnext's) or
 * refused (top-level await).
 */
function transform(code, target) {
  const run = spawnSync(bin("esbuild"), ["--format=esm", "--charset=utf8", `--target=${target}`, "--loader=js"], {
    input: code,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  return run.status === 0 ? run.stdout : `error: ${run.stderr}`;
}

test("every script in dist/ has only the syntax Chromium 86 runs", () => {
  const all = scripts();
  assert.ok(all.some(([name]) => name.startsWith("nianbao.html script")), "nianbao.html has no inline script");
  for (const [name, code] of all) {
    const floor = transform(code, "chrome86");
    assert.ok(!floor.startsWith("error:"), `${name}: ${floor.slice(0, 400)}`);
    assert.ok(floor === transform(code, "esnext"), `${name} holds syntax that esbuild lowers for Chromium 86`);
  }
});

/** Calls that run a string as code, which nianbao.html's 'unsafe-eval' (for Chromium before 97) would allow. */
const EVAL = /\beval\s*\(|\bFunction\s*\(|\bset(?:Timeout|Interval)\s*\(\s*["'`]/;

test("no script in dist/ runs a string as code", () => {
  for (const [name, code] of scripts()) assert.doesNotMatch(code, EVAL, name);
  for (const bad of ["eval(x)", "new Function('a', b)", "setTimeout('go()', 1)"]) assert.match(bad, EVAL);
});

test("the syntax check fails on what Chromium 86 lacks", () => {
  for (const code of ["class A { static { } }", "await 0;", "class C { #x; m(o) { return #x in o; } }"]) {
    assert.notEqual(transform(code, "chrome86"), transform(code, "esnext"), code);
  }
  const fine = "const a = b ?? c; let x = 1_000; class D { #p = 1; static q = 2; }";
  assert.equal(transform(fine, "chrome86"), transform(fine, "esnext"));
});
