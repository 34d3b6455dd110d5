// The served page's entry: loads the WebAssembly module from
// pkg/nianbao_wasm_bg.wasm, beside the glue, and mounts the interface into
// the page's <main id="nianbao">.

import * as nb from "./pkg/nianbao_wasm.js";
import { mount } from "./ui.js";

mount(
  document.getElementById("nianbao"),
  nb.default().then(() => nb),
);
