// What comes in: files opened or dropped (a .pdf or .docx is read by
// document.js), decoded by the browser's own TextDecoder, and HTML (a
// saved page, or a table copied from a portal page or Word) turned into
// text whose table rows are lines and whose cells are separated by tabs,
// the layout nianbao reads best.
//
// HTML is parsed by DOMParser into an inert document: its scripts never run
// and its images never load, and only its text comes out.

import { readDocument } from "./document.js";

/** Whether a file name or a text says HTML. */
export function isHtml(name, text) {
  return /\.x?html?$/i.test(name) || /^\s*<(!doctype|html|head|body|table|meta)\b/i.test(text);
}

/** The text of a file: Unicode with a byte order mark, else UTF-8, else GB18030 (which covers GBK and GB2312). */
export function decodeBytes(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const declared = declaredCharset(bytes);
  if (declared && declared !== "utf-8") {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: fall through to detection.
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** The charset a page declares in its first kilobytes (`<meta charset=gbk>`), lowercased. */
function declaredCharset(bytes) {
  const head = String.fromCharCode(...bytes.subarray(0, 2048));
  const match = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return match ? match[1].toLowerCase() : null;
}

/**
 * The text of a file: a document's text, or the file decoded, with HTML
 * turned into lines and cells. Rejects with why a document cannot be read.
 */
export async function readFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const doc = await readDocument(bytes, file.name);
  if (doc) return doc.text;
  const text = decodeBytes(bytes);
  return isHtml(file.name, text) ? htmlToText(text) : text;
}

/** Elements whose content is not text of the page. */
const SKIPPED = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "HEAD", "SVG", "OBJECT", "IFRAME", "TITLE"]);

/** Elements that stand on lines of their own. */
const BLOCKS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "CAPTION", "DD", "DIV", "DL", "DT", "FIGURE",
  "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P",
  "PRE", "SECTION", "TABLE", "TBODY", "THEAD", "TFOOT", "UL",
]);

/**
 * HTML as text: each table row a line with its cells separated by tabs,
 * each block on its own line, runs of white space as one space.
 */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(defuse(html), "text/html");
  const lines = [];
  let line = "";
  const flush = () => {
    const trimmed = line.replace(/[ \u00a0]+/g, " ").trim();
    if (trimmed) lines.push(trimmed);
    line = "";
  };
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        line += child.data.replace(/\s+/g, " ");
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE || SKIPPED.has(child.tagName.toUpperCase())) continue;
      const tag = child.tagName.toUpperCase();
      if (tag === "TR") {
        flush();
        const cells = [...child.children].filter((c) => c.tagName === "TD" || c.tagName === "TH");
        lines.push(cells.map(cellText).join("\t"));
      } else if (BLOCKS.has(tag)) {
        flush();
        walk(child);
        flush();
      } else {
        walk(child);
      }
    }
  };
  walk(doc.body ?? doc.documentElement);
  flush();
  return lines.join("\n");
}

/**
 * `html` with the attributes that make a parser load or fire anything
 * (`src`, `srcset`, `on…`) renamed, so that even an inert document neither
 * tries to load an image nor compiles a handler for its error event.
 */
function defuse(html) {
  return html.replace(/<[a-z](?:[^>"']|"[^"]*"|'[^']*')*>/gi, (tag) =>
    tag.replace(/([\s/"'])(on[a-z]+|src|srcset|href|background|poster)(\s*=)/gi, "$1data-defused-$2$3"),
  );
}

/** A table cell's text on one line: its blocks and line breaks become spaces. */
function cellText(cell) {
  let text = "";
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) text += child.data;
      else if (child.nodeType === Node.ELEMENT_NODE && !SKIPPED.has(child.tagName.toUpperCase())) {
        if (BLOCKS.has(child.tagName.toUpperCase())) text += " ";
        walk(child);
      }
    }
  };
  walk(cell);
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}
