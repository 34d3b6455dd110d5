// <nianbao-validator>: the validator as a custom element for any portal
// page. Everything it draws lives in its shadow root, styled by its own
// sheet, so the host page's CSS does not reach in and its own does not
// leak out; its only request is its WebAssembly module, beside this file.
// esbuild bundles it with what it imports, style.css as a string.
//
// Usage: <script type="module" src="nianbao-validator.js"></script>
//        <nianbao-validator></nianbao-validator>

import * as nb from "nianbao-wasm";
import STYLE from "./style.css";
import { mount } from "./ui.js";
import { compile, start } from "./wasm.js";

/** The module, instantiated once however many elements the page has. */
let loading = null;

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
  }
}

if (!customElements.get("nianbao-validator")) customElements.define("nianbao-validator", NianbaoValidator);
