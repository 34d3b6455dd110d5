// Where the WebAssembly module comes from. Served, the glue fetches
// pkg/nianbao_wasm_bg.wasm beside itself; the single-file nianbao.html
// replaces this module with one that returns the module's bytes.

/** What the glue's init() is given: nothing, so that it fetches the file. */
export function wasmSource() {
  return undefined;
}
