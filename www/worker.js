// The worker that checks the files of a batch, one of a pool (pool.js):
// bundled by esbuild on its own and started from a blob: URL, so the one
// self-contained nianbao.html can start it too. It is handed the compiled
// WebAssembly module once, instantiates it, then answers each file with
// its row (batch-row.js).

import * as nb from "nianbao-wasm";
import { batchRow } from "./batch-row.js";

self.onmessage = ({ data }) => {
  if (data.module) {
    nb.initSync({ module: data.module });
    return;
  }
  let row = null;
  let failed = null;
  try {
    row = batchRow(nb, data.input);
  } catch (err) {
    failed = String(err);
  }
  self.postMessage({ id: data.id, row, failed });
};
