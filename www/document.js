// Documents opened in the page: a .pdf or .docx is read by the document
// reader's own WebAssembly module (nianbao-document, as the CLI reads it),
// which is loaded only when the first document is opened, so the page's
// text path downloads none of it. Each entry says where the module comes
// from (a file beside the page, or inflated from inside nianbao.html).
//
// A document gives the text the core checks and the place of each of its
// lines; a finding in that text is given its place in the document as the
// CLI gives it (`page`, `page_line`, … and `place` in words), so the page's
// JSON is the CLI's. `nianbao-document-wasm` is the reader's wasm-bindgen
// glue, as xtask's esbuild aliases it.

import * as reader from "nianbao-document-wasm";

/** Extensions of documents, read by the module even when their bytes say otherwise (the CLI's list). */
const EXTENSIONS = ["pdf", "docx", "doc", "wps", "et"];

/** How many documents' places are kept, by their text: more than a batch of reports opened at once. */
const KEPT = 256;

/** The module's source (what wasm-bindgen's init takes), set by the entry; the module once loaded. */
let source = null;
let loading = null;

/** The places of the lines of each document's text, by the text. */
const places = new Map();

/**
 * Says where the document module comes from: a function returning what
 * wasm-bindgen's init takes (a URL, or a Response of the bytes). Each
 * entry calls it once; it is called only when a document is opened.
 */
export function documentModule(from) {
  source = from;
}

/** Whether bytes or a name say document: `%PDF-` in the first kilobyte, a zip, an OLE file, or the extension. */
function mayBeDocument(bytes, extension) {
  const head = bytes.subarray(0, 1024);
  for (let i = head.indexOf(0x25); i >= 0 && i + 5 <= head.length; i = head.indexOf(0x25, i + 1)) {
    if (String.fromCharCode(...head.subarray(i, i + 5)) === "%PDF-") return true;
  }
  const starts = (magic) => magic.every((b, i) => bytes[i] === b);
  return starts([0x50, 0x4b, 0x03, 0x04]) || starts([0xd0, 0xcf, 0x11, 0xe0]) || EXTENSIONS.includes(extension);
}

/**
 * Reads a file as a document, as `nianbao check` does: `bytes` (a
 * Uint8Array) of a file called `name`. Resolves to null when it is no
 * document (read it as text), else to `{ kind, text, places }`: `kind`
 * `PDF` or `DOCX`, the text the core checks, and where each of its lines
 * came from; rejects with an Error whose message says, in Chinese, why the
 * file cannot be read (a scan, a password, a .doc/.wps/.et, a damaged file).
 */
export async function readDocument(bytes, name = "") {
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  if (!mayBeDocument(bytes, extension)) return null;
  if (!source) throw new Error("本页面未附带 PDF/Word 读取模块");
  loading ??= reader.default({ module_or_path: source() }).catch((err) => {
    loading = null;
    throw new Error(`PDF/Word 读取模块加载失败：${err}`);
  });
  await loading;
  let json;
  try {
    json = reader.read_document(bytes, extension);
  } catch (why) {
    throw new Error(String(why));
  }
  if (json === undefined) return null;
  const doc = JSON.parse(json);
  places.delete(doc.text);
  places.set(doc.text, doc.places);
  if (places.size > KEPT) places.delete(places.keys().next().value);
  return doc;
}

/**
 * `out`, the output of checking `text`, with each finding given its place
 * in the document `text` was read from, when it was (keys added after its
 * own, in the CLI's order); unchanged for any other text, such as one
 * edited since.
 */
export function withPlaces(out, text) {
  const lines = places.get(text);
  if (!lines) return out;
  for (const d of out.diagnostics) {
    const place = d.line != null ? lines[d.line - 1] : undefined;
    if (place) Object.assign(d, place);
  }
  return out;
}
