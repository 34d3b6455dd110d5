// Where a finding is, in dist/nianbao.html from file://: choosing a
// finding brings its cells into view; each finding quotes the line of the
// text it is on; on a phone, table 三's row labels stay in view while its
// values scroll sideways.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { SEEDS, SINGLE_FILE_URL, cliJson, launch, read, watch } from "./lib.mjs";

describe("where a finding is", () => {
  let browser;
  let page;
  let seen;

  before(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 700 } });
    seen = watch(page);
    await page.goto(SINGLE_FILE_URL);
    await page.waitForSelector("#nianbao[data-ready]");
  });

  after(async () => {
    await browser?.close();
  });

  /** Puts `text` in the report box as typing would. */
  const enter = (text) =>
    page.evaluate((t) => {
      const area = document.querySelector("#nb-text");
      area.value = t;
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }, text);

  it("scrolls a chosen finding's cells into view", async () => {
    let chosen = 0;
    for (const seed of SEEDS) {
      const expected = JSON.parse(cliJson(seed));
      await enter(read(seed));
      for (const [i, d] of expected.diagnostics.entries()) {
        const first = [...d.suspects, ...d.cells][0];
        if (!first) continue;
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.click(`.nb-d-main[data-index="${i}"]`);
        const box = await page.evaluate((p) => {
          const r = document.querySelector(`td[data-path="${CSS.escape(p)}"]`).getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, height: innerHeight };
        }, first);
        // Within a pixel: "nearest" aligns the cell's edge with the viewport's, to a fraction.
        assert.ok(box.top >= -1 && box.bottom <= box.height + 1, `${seed} ${d.code} ${first}: ${JSON.stringify(box)}`);
        chosen++;
      }
    }
    assert.ok(chosen >= 5, `${chosen} findings with cells`);
  });

  it("quotes the line of the text each finding is on", async () => {
    let quoted = 0;
    for (const seed of SEEDS) {
      const text = read(seed);
      const lines = text.split("\n");
      const expected = JSON.parse(cliJson(seed));
      await enter(text);
      const shown = await page.$$eval(".nb-d", (items) =>
        items.map((li) => ({
          index: Number(li.querySelector(".nb-d-main").dataset.index),
          quote: li.querySelector(".nb-quote")?.textContent ?? null,
          q: li.querySelector(".nb-quote q")?.textContent ?? null,
        })),
      );
      assert.equal(shown.length, expected.diagnostics.length, seed);
      for (const { index, quote, q } of shown) {
        const d = expected.diagnostics[index];
        if (d.line == null) {
          assert.equal(quote, null, `${seed} ${d.code}`);
          continue;
        }
        assert.ok(quote.startsWith(`第 ${d.line} 行：`), `${seed} ${d.code}: ${quote}`);
        const line = lines[d.line - 1].replace(/\t/g, " ");
        assert.ok(line.includes(q.replace(/^…|…$/g, "")), `${seed} ${d.code}: «${q}» is not on line ${d.line}: «${line}»`);
        quoted++;
      }
    }
    assert.ok(quoted >= 10, `${quoted} findings quoted`);
  });

  it("keeps table 三's row labels in view on a phone while its values scroll", async () => {
    const phone = await browser.newPage({ viewport: { width: 375, height: 800 } });
    const phoneSeen = watch(phone);
    await phone.goto(SINGLE_FILE_URL);
    await phone.waitForSelector("#nianbao[data-ready]");
    await phone.click('[data-act="sample"]');
    const got = await phone.evaluate(() => {
      const scroller = document.querySelector(".nb-box-requests .nb-scroll");
      scroller.scrollIntoView();
      scroller.scrollLeft = scroller.scrollWidth;
      const left = scroller.getBoundingClientRect().left;
      // The rows on the screen (the table is taller than a phone's).
      const rows = [...scroller.querySelectorAll("tbody tr")].filter((tr) => {
        const r = tr.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      });
      const labels = rows.map((tr) => {
        const th = [...tr.querySelectorAll("th")].pop();
        const r = th.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return { label: th.textContent, offset: Math.round(r.left - left), onTop: hit === th || th.contains(hit) };
      });
      return { scrolled: scroller.scrollLeft, labels };
    });
    assert.ok(got.scrolled > 100, `the table scrolls ${got.scrolled}px`);
    assert.ok(got.labels.length >= 10, `${got.labels.length} rows on the screen`);
    for (const l of got.labels) {
      assert.ok(Math.abs(l.offset) <= 1 && l.onTop, `${l.label}: ${JSON.stringify(l)}`);
    }
    assert.deepEqual(phoneSeen.errors, []);
    await phone.close();
  });

  it("logged no error", () => {
    assert.deepEqual(seen.errors, []);
  });
});
