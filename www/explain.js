// A code's explanation (检查什么 / 依据 / 错误示例 / 正确示例), the page
// `nianbao explain CODE` prints, from docs/rules/pages.json (generated from
// the rule files with docs/rules/, checked fresh by the core's tests, and
// bundled by esbuild as `nianbao-pages`), shown in a dialog. The page is Markdown written by the project; it is
// still drawn as text nodes only: headings, paragraphs, `code` and the
// example blocks, which is all the rules' pages use.

import PAGES from "nianbao-pages";
import { el } from "./dom.js";

/** The label of an example block given as last year's report. */
const PREVIOUS = "上年报告：";

/** Text with its `code` spans as <code> elements. */
function inline(text) {
  return text.split("`").map((part, i) => (i % 2 ? el("code", "", part) : part));
}

/** A page's Markdown as elements: its title, and the nodes of its body. */
export function pageNodes(markdown) {
  let title = "";
  const body = [];
  let paragraph = [];
  let block = null;
  const flush = () => {
    if (paragraph.length) body.push(el("p", "", ...inline(paragraph.join(""))));
    paragraph = [];
  };
  for (const line of markdown.split("\n")) {
    if (block) {
      if (line === "```") {
        // An example scrolls sideways; focusable, so the keyboard can scroll it.
        const pre = el("pre", "nb-example", block.join("\n"));
        pre.tabIndex = 0;
        body.push(pre);
        block = null;
      } else block.push(line);
    } else if (line.startsWith("```")) {
      flush();
      if (line.trim().endsWith("previous")) body.push(el("p", "nb-example-label", PREVIOUS));
      block = [];
    } else if (line.startsWith("## ")) {
      flush();
      body.push(el("h4", "", line.slice(3)));
    } else if (line.startsWith("# ")) {
      title = line.slice(2);
    } else if (!line.trim()) {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return { title, body };
}

/**
 * The dialog that explains codes, appended to `root`; returns the function
 * that opens it on a code.
 */
export function explainer(root) {
  const heading = el("h3", "nb-explain-title");
  heading.id = "nb-explain-h";
  const body = el("div", "nb-explain-body");
  const close = el("button", "nb-explain-close", "关闭");
  close.type = "button";
  const dialog = el("dialog", "nb-explain", el("div", "nb-explain-head", heading, close), body);
  dialog.setAttribute("aria-labelledby", heading.id);
  close.addEventListener("click", () => dialog.close());
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener("click", (e) => {
    if (e.target === dialog) dialog.close();
  });
  root.append(dialog);
  return (code) => {
    const markdown = PAGES[code];
    if (!markdown) return;
    const page = pageNodes(markdown);
    heading.textContent = page.title;
    body.replaceChildren(...page.body);
    dialog.dataset.code = code;
    if (!dialog.open) dialog.showModal();
    body.scrollTop = 0;
  };
}

/** A button showing `code` that opens its explanation (the click is handled by the interface). */
export function codeButton(code) {
  const button = el("button", "nb-explain-code", el("code", "", code));
  button.type = "button";
  button.dataset.explain = code;
  button.title = "查看此项检查的说明";
  button.setAttribute("aria-label", `${code} 的说明`);
  return button;
}
