// What comes in: files opened or dropped, read by `readReport` (one for
// them all, one file or a batch): a .pdf or .docx by document.js, any other
// decoded by the browser's own TextDecoder. HTML (a saved page) is turned
// into text whose table rows are lines and whose cells are separated by
// tabs by the core's HTML reader (the module's html_text), the one the CLI
// uses. No markup is ever parsed by the browser, so none of it runs, loads
// or breaks the page's Content-Security-Policy.

import { readDocument } from "./document.js";

/** Whether a file name or a text says HTML. */
export function isHtml(name, text) {
  return /\.x?html?$/i.test(name) || /^\s*<(!doctype|html|head|body|table|meta)\b/i.test(text);
}

/**
 * The encodings by the names `nianbao check` gives them (encoding_rs's, the
 * WHATWG's spelling), from the lowercase names TextDecoder gives; others
 * keep TextDecoder's.
 */
const ENCODING_NAMES = {
  "utf-8": "UTF-8", "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE", gbk: "GBK", big5: "Big5",
  shift_jis: "Shift_JIS", "euc-jp": "EUC-JP", "euc-kr": "EUC-KR",
};

/** `bytes` decoded by `decoder`, with the encoding's name. */
function decoded(decoder, bytes) {
  return { text: decoder.decode(bytes), encoding: ENCODING_NAMES[decoder.encoding] ?? decoder.encoding };
}

/**
 * The text of a file and the encoding it was read in, tried in the CLI's
 * order: Unicode with a byte order mark, valid UTF-8, the charset a page
 * declares, else GB18030 (which covers GBK and GB2312).
 */
export function decode(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decoded(new TextDecoder("utf-8"), bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoded(new TextDecoder("utf-16le"), bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoded(new TextDecoder("utf-16be"), bytes.subarray(2));
  try {
    return decoded(new TextDecoder("utf-8", { fatal: true }), bytes);
  } catch {
    // Not UTF-8: the page's own word, else GB18030.
  }
  const declared = declaredCharset(bytes);
  if (declared) {
    try {
      return decoded(new TextDecoder(declared, { fatal: true }), bytes);
    } catch {
      // An unknown label, or bytes invalid in it: GB18030.
    }
  }
  return decoded(new TextDecoder("gb18030"), bytes);
}

/** The text of a file's bytes (see `decode`). */
export function decodeBytes(bytes) {
  return decode(bytes).text;
}

/** The kinds of file a report comes in, by name; a folder is searched for these. */
export const REPORT_FILE = /\.(txt|md|html?|pdf|docx)$/i;

/**
 * A report file read: `{ text, encoding }`, the text decoded (HTML left as
 * it is), or `{ error }` saying in Chinese why it cannot be checked. Every
 * file the page opens is read here, one or many.
 */
export async function readReport(file) {
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (err) {
    return { error: `无法读取文件：${err.message ?? err}` };
  }
  try {
    const doc = await readDocument(bytes, file.name);
    if (doc) return { text: doc.text, encoding: doc.kind };
  } catch (err) {
    return { error: err.message ?? String(err) };
  }
  if (!bytes.length) return { error: "文件是空的，没有可检查的内容" };
  const read = decode(bytes);
  if (!read.text.trim()) return { error: "文件只有空白，没有可检查的内容" };
  return read;
}

/** The text of a report as the text box shows it: HTML turned into lines and cells by `htmlText`, the core's reader. */
export function shownText(name, text, htmlText) {
  return isHtml(name, text) ? htmlText(text) : text;
}

/** The charset a page declares in its first kilobytes (`<meta charset=gbk>`), lowercased. */
function declaredCharset(bytes) {
  const head = String.fromCharCode(...bytes.subarray(0, 2048));
  const match = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return match ? match[1].toLowerCase() : null;
}

/**
 * The text of a file for the text box, decoded, with HTML turned into
 * lines and cells by `htmlText`; throws why it cannot be read.
 */
export async function readFile(file, htmlText) {
  const read = await readReport(file);
  if (read.error) throw new Error(read.error);
  return shownText(file.name, read.text, htmlText);
}
