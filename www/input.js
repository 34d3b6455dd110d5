// What comes in: files opened or dropped, read by `readReport` (one for
// them all, one file or a batch) and decoded by the browser's own
// TextDecoder, and HTML (a saved page, or a table copied from a portal page
// or Word) turned into text whose table rows are lines and whose cells are
// separated by tabs, the layout nianbao reads best.
//
// HTML is parsed by DOMParser into an inert document: its scripts never run
// and its images never load, and only its text comes out.

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
  const magic = String.fromCharCode(...bytes.subarray(0, 5));
  if (magic === "%PDF-" || magic.startsWith("PK\u0003\u0004") || /\.(pdf|docx?|wps)$/i.test(file.name)) {
    return { error: "本页暂不能读取 PDF 和 Word 文件，请用命令行 nianbao check 检查，或复制全文粘贴到本页" };
  }
  if (!bytes.length) return { error: "文件是空的，没有可检查的内容" };
  const read = decode(bytes);
  if (!read.text.trim()) return { error: "文件只有空白，没有可检查的内容" };
  return read;
}

/** The text of a report as the text box shows it: HTML turned into lines and cells. */
export function shownText(name, text) {
  return isHtml(name, text) ? htmlToText(text) : text;
}

/** The charset a page declares in its first kilobytes (`<meta charset=gbk>`), lowercased. */
function declaredCharset(bytes) {
  const head = String.fromCharCode(...bytes.subarray(0, 2048));
  const match = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return match ? match[1].toLowerCase() : null;
}

/** The text of a file for the text box, decoded, with HTML turned into lines and cells; throws why it cannot be read. */
export async function readFile(file) {
  const read = await readReport(file);
  if (read.error) throw new Error(read.error);
  return shownText(file.name, read.text);
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
