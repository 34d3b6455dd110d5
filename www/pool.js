// A pool of Web Workers checking the files of a batch, one per core, each
// instantiating the compiled module once. They are classic workers: a
// module worker does not start from a blob: URL of a file:// page. The workers start from a blob:
// URL holding worker.js's bundle (`nianbao-worker`, as xtask's esbuild
// aliases it), which nianbao.html's CSP allows by `worker-src blob:`; where
// a worker cannot start (a portal's CSP), the files are checked on this
// thread instead, between frames.

import WORKER from "nianbao-worker";
import { batchRow } from "./batch-row.js";

/**
 * A pool of `size` workers for `nb` (the binding's functions and its
 * `module`): `run(input)` resolves to the file's row; `close()` ends the
 * workers.
 */
export function createPool(nb, size) {
  const queue = [];
  const workers = [];
  let url = null;
  let local = false;

  /** Checks one input here, on this thread. */
  const here = (input) => batchRow(nb, input);

  /** Gives the next input to `worker`, if it is idle. */
  function feed(worker) {
    if (worker.task || !queue.length) return;
    worker.task = queue.shift();
    worker.postMessage({ id: 0, input: worker.task.input });
  }

  /** Checks what is queued on this thread, a few at a time, once no worker is left. */
  let draining = false;
  function drain() {
    draining = false;
    const until = performance.now() + 30;
    while (queue.length && performance.now() < until) {
      const task = queue.shift();
      settle(task, () => here(task.input));
    }
    if (queue.length && !draining) {
      draining = true;
      setTimeout(drain, 0);
    }
  }

  function settle(task, check) {
    try {
      task.resolve(check());
    } catch (err) {
      task.resolve(here({ file: task.input.file, error: `检查失败：${err}` }));
    }
  }

  function lose(worker) {
    if (worker.task) queue.unshift(worker.task);
    worker.task = null;
    worker.terminate();
    workers.splice(workers.indexOf(worker), 1);
    if (!workers.length) {
      local = true;
      drain();
    }
  }

  try {
    url = URL.createObjectURL(new Blob([WORKER], { type: "text/javascript" }));
    for (let i = 0; i < size; i++) {
      const worker = new Worker(url);
      worker.task = null;
      worker.onmessage = ({ data }) => {
        const task = worker.task;
        worker.task = null;
        settle(task, () => (data.failed ? here({ file: task.input.file, error: `检查失败：${data.failed}` }) : data.row));
        feed(worker);
      };
      worker.onerror = (e) => {
        e.preventDefault();
        lose(worker);
      };
      worker.postMessage({ module: nb.module });
      workers.push(worker);
    }
  } catch {
    for (const worker of workers.splice(0)) worker.terminate();
    local = true;
  }

  return {
    /** How many workers check; 0 when the files are checked on this thread. */
    size: () => (local ? 0 : workers.length),
    run(input) {
      return new Promise((resolve) => {
        queue.push({ input, resolve });
        if (local) {
          if (!draining) {
            draining = true;
            setTimeout(drain, 0);
          }
        } else {
          for (const worker of workers) feed(worker);
        }
      });
    },
    close() {
      for (const worker of workers.splice(0)) worker.terminate();
      if (url) URL.revokeObjectURL(url);
    },
  };
}
