// The one DOM helper the page's modules share. Text taken from a report
// only ever enters the page through it, as text nodes, never as HTML.

/** An element with the given class and children; strings become text nodes. */
export function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}
