// The WebAssembly module compiled once by the page, the single file or the
// element, and the glue started on it: the interface gets the binding's
// functions and the module itself, which the batch's workers instantiate.

/** The module compiled from a response, streaming when its type allows. */
export async function compile(response) {
  const res = await response;
  if (res.headers.get("Content-Type")?.startsWith("application/wasm")) return WebAssembly.compileStreaming(res);
  return WebAssembly.compile(await res.arrayBuffer());
}

/** The glue `nb` started on the module `compiling` resolves to: its functions, and `module`. */
export async function start(nb, compiling) {
  const module = await compiling;
  await nb.default({ module_or_path: module });
  return { ...nb, module };
}
