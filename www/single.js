// The single-file nianbao.html's entry, bundled by esbuild with everything
// it imports: the WebAssembly module comes inlined, deflated (esbuild's
// binary loader turns the file xtask deflated into its bytes), and is
// inflated by the browser as it compiles, so the page makes no request.
// The document reader's module comes inlined too, deflated, as base64 text
// in a data block xtask puts at the end of the page (a script element of a
// type that is never run), decoded and inflated only when a document is
// first opened, so the page starts as fast without it.

import * as nb from "nianbao-wasm";
import WASM_DEFLATED from "nianbao-wasm-deflated";
import { documentModule } from "./document.js";
import { mount } from "./ui.js";
import { compile, start } from "./wasm.js";

/** A deflated module's bytes inflated by the browser, as a Response to compile as it streams. */
const inflated = (bytes) =>
  new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")), {
    headers: { "Content-Type": "application/wasm" },
  });

documentModule(() => {
  const base64 = document.getElementById("nianbao-document-module")?.textContent ?? "";
  return inflated(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
});

mount(document.getElementById("nianbao"), start(nb, compile(inflated(WASM_DEFLATED))));
