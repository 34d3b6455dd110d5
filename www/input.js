// What comes in: files opened or dropped (a .pdf or .docx is read by
// document.js), decoded by the browser's own TextDecoder; HTML (a saved
// page) is turned into text whose table rows are lines and whose cells are
// separated by tabs by the core's HTML reader, the one the CLI uses. No markup is ever parsed by the browser, so none of
// it runs, loads or breaks the page's Content-Security-Policy.

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
 * turned into lines and cells by `htmlText`, the core's HTML reader (the
 * module's html_text), so the page reads a saved page as the CLI does.
 * Rejects with why a document cannot be read.
 */
export async function readFile(file, htmlText) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const doc = await readDocument(bytes, file.name);
  if (doc) return doc.text;
  const text = decodeBytes(bytes);
  return isHtml(file.name, text) ? htmlText(text) : text;
}
