// The page's entry: loads the WebAssembly module and mounts the interface
// into the page's <div id="nianbao">.

import * as nb from "./pkg/nianbao_wasm.js";
import { wasmSource } from "./wasm-source.js";
import { mount } from "./ui.js";

mount(
  document.getElementById("nianbao"),
  nb.default(wasmSource()).then(() => nb),
);
