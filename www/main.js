// The served page's entry, bundled by esbuild into dist/main.js: compiles
// the WebAssembly module from pkg/nianbao_wasm_bg.wasm and mounts the
// interface into the page's <main id="nianbao">; the document reader's
// module, pkg/nianbao_document_wasm_bg.wasm, is fetched when a document is
// first opened. `nianbao-wasm` is the wasm-bindgen glue, as xtask's
// esbuild aliases it.

import * as nb from "nianbao-wasm";
import { documentModule } from "./document.js";
import { mount } from "./ui.js";
import { compile, start } from "./wasm.js";

documentModule(() => new URL("pkg/nianbao_document_wasm_bg.wasm", import.meta.url));

mount(document.getElementById("nianbao"), start(nb, compile(fetch(new URL("pkg/nianbao_wasm_bg.wasm", import.meta.url)))));
