// The command line for an office PC, as `cargo xtask dist` writes it into
// dist/cli/: nianbao.exe is a 64-bit Windows program (PE32+, x86-64), and
// nianbao is a static Linux program that gives the same JSON as the CLI
// built for this machine. Reads the files' headers; starts no browser.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import test from "node:test";
import assert from "node:assert/strict";
import { DIST, ROOT, SEEDS, cliJson } from "./lib.mjs";

const CLI = path.join(DIST, "cli");

test("nianbao.exe is a PE32+ program for x86-64 Windows, console subsystem", () => {
  const exe = fs.readFileSync(path.join(CLI, "nianbao.exe"));
  assert.equal(exe.toString("latin1", 0, 2), "MZ");
  const pe = exe.readUInt32LE(0x3c);
  assert.equal(exe.toString("latin1", pe, pe + 4), "PE\0\0");
  assert.equal(exe.readUInt16LE(pe + 4), 0x8664, "machine: x86-64");
  const optional = pe + 24;
  assert.equal(exe.readUInt16LE(optional), 0x20b, "optional header magic: PE32+");
  assert.equal(exe.readUInt16LE(optional + 68), 3, "subsystem: Windows console");
});

/** The ELF program header types of `file` (64-bit, little-endian). */
function programHeaders(file) {
  const elf = fs.readFileSync(file);
  assert.equal(elf.toString("latin1", 0, 4), "\x7fELF");
  assert.equal(elf[4], 2, "64-bit");
  const offset = Number(elf.readBigUInt64LE(0x20));
  const [size, count] = [elf.readUInt16LE(0x36), elf.readUInt16LE(0x38)];
  return Array.from({ length: count }, (_, i) => elf.readUInt32LE(offset + i * size));
}

test("the Linux nianbao is static: no interpreter to load it, no library", () => {
  const PT_INTERP = 3;
  assert.ok(!programHeaders(path.join(CLI, "nianbao")).includes(PT_INTERP), "it names a dynamic loader");
  assert.ok(programHeaders(process.execPath).includes(PT_INTERP), "the check fails on a dynamic program (node)");
});

test("the static nianbao gives the same JSON as the CLI built here, for every seed", () => {
  for (const seed of SEEDS) {
    const run = spawnSync(path.join(CLI, "nianbao"), ["check", "--format", "json", seed], { cwd: ROOT, encoding: "utf8" });
    assert.ok(run.status === 0 || run.status === 1, `${seed}: ${run.stderr}`);
    assert.equal(run.stdout.trim(), cliJson(seed), seed);
  }
});
