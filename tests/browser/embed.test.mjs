// The embeddable element, dist/embed/, inside its demo portal page served
// on 127.0.0.1, and the served page, dist/index.html: each seed shows the
// same tables and diagnostics as the CLI reads; the element's styles and
// the portal's do not touch; the only requests are the page's own files;
// no console error; the accessibility audit passes.

import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import { before, describe, it } from "node:test";
import { SEEDS, browserAndServer, cliJson, read, watch } from "./lib.mjs";

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const chromium = browserAndServer();

/** Sets the text of the validator inside `host` (a selector, or null for the page itself). */
function enter(page, host, text) {
  return page.evaluate(
    ([h, t]) => {
      const root = h ? document.querySelector(h).shadowRoot : document;
      const area = root.querySelector("#nb-text");
      area.value = t;
      area.dispatchEvent(new Event("input", { bubbles: true }));
    },
    [host, text],
  );
}

/** Value cells and diagnostic messages as shown inside `host`. */
function shown(page, host) {
  return page.evaluate((h) => {
    const root = h ? document.querySelector(h).shadowRoot : document;
    return {
      cells: Object.fromEntries([...root.querySelectorAll("td[data-path]")].map((td) => [td.dataset.path, td.textContent])),
      messages: [...root.querySelectorAll(".nb-d .nb-msg")].map((m) => m.textContent),
    };
  }, host);
}

async function checkSeeds(page, host) {
  for (const seed of SEEDS) {
    const expected = JSON.parse(cliJson(seed));
    await enter(page, host, read(seed));
    const got = await shown(page, host);
    for (const [table, rows] of Object.entries(expected.tables)) {
      for (const [row, columns] of Object.entries(rows ?? {})) {
        for (const [column, value] of Object.entries(columns)) {
          const cell = `${table}.${row}.${column}`;
          assert.equal(got.cells[cell], value == null ? "" : String(value), `${seed} ${cell}`);
        }
      }
    }
    assert.deepEqual([...got.messages].sort(), expected.diagnostics.map((d) => d.message).sort(), seed);
  }
}

describe("<nianbao-validator> in a portal page", () => {
  let page;
  let seen;

  before(async () => {
    page = await chromium.browser.newPage({ viewport: { width: 1300, height: 900 } });
    seen = watch(page);
    await page.goto(`${chromium.server.url}/embed/demo.html`);
    await page.waitForSelector("nianbao-validator .nb[data-ready]");
  });

  it("shows the tables and diagnostics of every seed", async () => {
    await checkSeeds(page, "nianbao-validator");
  });

  it("selects the text of the diagnostic chosen, or of its first cell to check", async () => {
    for (const suspects of [false, true]) {
      const has = (d) => d.start != null && Boolean(d.suspects.length) === suspects;
      const seed = SEEDS.find((s) => JSON.parse(cliJson(s)).diagnostics.some(has));
      const expected = JSON.parse(cliJson(seed));
      await enter(page, "nianbao-validator", read(seed));
      const i = expected.diagnostics.findIndex(has);
      const d = expected.diagnostics[i];
      const place = suspects ? expected.cells[d.suspects[0]] : d;
      await page.click(`nianbao-validator .nb-d-main[data-index="${i}"]`);
      const range = await page.evaluate(() => {
        const area = document.querySelector("nianbao-validator").shadowRoot.querySelector("#nb-text");
        return [area.selectionStart, area.selectionEnd];
      });
      assert.deepEqual(range, [place.start, place.end], `${seed} ${d.code}`);
    }
  });

  it("lists seed 004's shifted cells before the sums they explain", async () => {
    const seed = SEEDS.find((s) => s.includes("/004_"));
    const expected = JSON.parse(cliJson(seed));
    const root = expected.diagnostics.findIndex((d) => d.code === "T005");
    const explained = expected.diagnostics.flatMap((d, i) => (d.code === "T004" ? [i] : []));
    assert.ok(root >= 0 && explained.length, "seed 004 has T005 and T004");
    await enter(page, "nianbao-validator", read(seed));
    const listed = await page.$$eval("nianbao-validator .nb-d-main", (bs) => bs.map((b) => Number(b.dataset.index)));
    for (const i of explained) assert.ok(listed.indexOf(root) < listed.indexOf(i), `T005 before T004 ${i}: ${listed}`);
  });

  it("keeps its styles and the portal's apart", async () => {
    const got = await page.evaluate(() => {
      const shadow = document.querySelector("nianbao-validator").shadowRoot;
      return {
        inner: getComputedStyle(shadow.querySelector("button")).backgroundColor,
        innerFont: getComputedStyle(shadow.querySelector(".nb")).fontFamily,
        outer: getComputedStyle(document.querySelector("h1")).color,
        outerFont: getComputedStyle(document.body).fontFamily,
        sheets: document.styleSheets.length,
      };
    });
    assert.notEqual(got.inner, "rgb(139, 0, 0)", "the portal's button style reached in");
    assert.doesNotMatch(got.innerFont, /Georgia/);
    assert.equal(got.outer, "rgb(139, 0, 0)", "the validator's heading style leaked out");
    assert.match(got.outerFont, /Georgia/);
    assert.equal(got.sheets, 1, "the validator added a sheet to the page");
  });

  it("shows pasted markup as text", async () => {
    await enter(page, "nianbao-validator", `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>\n${read(SEEDS[0])}`);
    const got = await page.evaluate(() => ({
      pwned: window.__pwned,
      injected: document.querySelector("nianbao-validator").shadowRoot.querySelectorAll("img, script").length,
    }));
    assert.deepEqual(got, { pwned: undefined, injected: 0 });
  });

  it("reads a table pasted as HTML inside its shadow root", async () => {
    await enter(page, "nianbao-validator", "");
    await page.focus("nianbao-validator #nb-text");
    await page.evaluate(() => {
      const area = document.querySelector("nianbao-validator").shadowRoot.querySelector("#nb-text");
      const data = new DataTransfer();
      data.setData("text/html", "<table><tr><td>一、本年新收政府信息公开申请数量</td><td>3</td></tr></table>");
      area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const value = await page.evaluate(() => document.querySelector("nianbao-validator").shadowRoot.querySelector("#nb-text").value);
    // The core's HTML reader ends each row with a line break, as the CLI reads it.
    assert.equal(value, "一、本年新收政府信息公开申请数量\t3\n");
  });

  it("passes the axe-core accessibility audit", async () => {
    await page.evaluate(AXE);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`), []);
  });

  it("asked only for itself and its wasm, and logged no error", () => {
    const paths = seen.requests.map((url) => (url.startsWith(chromium.server.url) ? new URL(url).pathname : url));
    assert.deepEqual([...new Set(paths)].sort(), ["/embed/demo.html", "/embed/nianbao-validator.js", "/embed/nianbao_wasm_bg.wasm"]);
    assert.deepEqual(seen.errors, []);
  });
});

describe("the served page, dist/index.html", () => {
  it("checks every seed, asking only for its own files", async () => {
    const page = await chromium.browser.newPage();
    const seen = watch(page);
    await page.goto(`${chromium.server.url}/`);
    await page.waitForSelector("#nianbao[data-ready]");
    await checkSeeds(page, null);
    assert.ok(seen.requests.every((url) => url.startsWith(chromium.server.url)), seen.requests.join("\n"));
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
});
