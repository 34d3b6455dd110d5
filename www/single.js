// The single-file nianbao.html's entry, bundled by esbuild with everything
// it imports: the WebAssembly module comes inlined, deflated (esbuild's
// binary loader turns the file xtask deflated into its bytes), and is
// inflated by the browser as it compiles, so the page makes no request.

import * as nb from "nianbao-wasm";
import WASM_DEFLATED from "nianbao-wasm-deflated";
import { mount } from "./ui.js";
import { compile, start } from "./wasm.js";

const wasm = new Blob([WASM_DEFLATED]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
const response = new Response(wasm, { headers: { "Content-Type": "application/wasm" } });

mount(document.getElementById("nianbao"), start(nb, compile(response)));
