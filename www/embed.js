// <nianbao-validator>: the validator as a custom element for any portal
// page. Everything it draws lives in its shadow root, styled by its own
// sheet, so the host page's CSS does not reach in and its own does not
// leak out; its only requests are its WebAssembly module, beside this file,
// and the document reader's, beside it too, when a document is opened.
// esbuild bundles it with what it imports, style.css as a string.
//
// Printing is the one thing the shadow root cannot do alone: its styles
// cannot hide the portal around it. So the element marks itself and its
// ancestors, and adds to the document one sheet that, in print only, hides
// everything else on that path and lays the page out as the review sheet.
//
// Usage: <script type="module" src="nianbao-validator.js"></script>
//        <nianbao-validator></nianbao-validator>

import * as nb from "nianbao-wasm";
import STYLE from "./style.css";
import { documentModule } from "./document.js";
import { mount } from "./ui.js";
import { compile, start } from "./wasm.js";

documentModule(() => new URL("nianbao_document_wasm_bg.wasm", import.meta.url));

/** The module, instantiated once however many elements the page has. */
let loading = null;

/** The attribute marking the element and its ancestors, for the print sheet. */
const MARK = "data-nianbao-print";

/** The document's print sheet: only the marked path is printed, on landscape A4. */
const PRINT = `
@page { size: A4 landscape; margin: 10mm; }
@media print {
  [${MARK}] > :not([${MARK}]) { display: none !important; }
  [${MARK}] {
    display: block !important; position: static !important; float: none !important;
    width: auto !important; max-width: none !important; min-width: 0 !important;
    height: auto !important; margin: 0 !important; padding: 0 !important;
    border: 0 !important; box-shadow: none !important; background: #fff !important;
  }
}`;

let printSheet = null;

/** Adds the print sheet to the document, once. */
function addPrintSheet() {
  if (printSheet) return;
  printSheet = new CSSStyleSheet();
  printSheet.replaceSync(PRINT);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, printSheet];
}

class NianbaoValidator extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: "open" });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
    shadow.adoptedStyleSheets = [sheet];
    const root = document.createElement("div");
    shadow.append(root);
    loading ??= start(nb, compile(fetch(new URL("nianbao_wasm_bg.wasm", import.meta.url))));
    mount(root, loading);
    for (let node = this; node instanceof Element; node = node.parentElement) node.setAttribute(MARK, "");
    addPrintSheet();
  }
}

if (!customElements.get("nianbao-validator")) customElements.define("nianbao-validator", NianbaoValidator);
