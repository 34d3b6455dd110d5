// One file of a batch through the binding's batch_row, as the workers and,
// where no worker can start, the page's own thread call it: a file read
// (`{ file, text, encoding, previous?: { file, text } }`) or not (`{ file, error }`).

export function batchRow(nb, { file, text, encoding, error, previous }) {
  if (error != null) return nb.batch_row(file, error, "", []);
  return nb.batch_row(file, text, encoding, previous ? [previous.file, previous.text] : []);
}
