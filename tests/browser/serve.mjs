// `cargo xtask serve [--port N]`: serves dist/ at http://127.0.0.1:N/
// (8000 by default) with the server the browser tests use, until stopped.

import { parseArgs } from "node:util";
import { serveDist } from "./lib.mjs";

const { values } = parseArgs({ options: { port: { type: "string", default: "8000" } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid port: ${values.port}`);
  process.exit(2);
}
const { url } = await serveDist(port);
console.log(`serving dist/ at ${url}/ (ctrl-c to stop)`);
