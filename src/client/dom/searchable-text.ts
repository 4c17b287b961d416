/**
 * The page's text as a browser searches it for a text fragment: everything in the body,
 * in document order, navigation and rails included, closed `<details>` and visually
 * hidden text too; a line break wherever layout starts a new block, so words of two
 * blocks never run together. Errs towards more text (text that is not rendered counts
 * too): a quote found once in this text is found once by the browser.
 */

/** Never searched: not text a reader sees. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'SELECT']);

export interface SearchableText {
  text: string;
  /** Where `within`'s own text starts in `text` (its textContent, unchanged). */
  offset: number;
}

/** The body's searchable text, and where `within` (an element whose textContent must stay whole) starts in it. */
export function searchableText(within: Element): SearchableText {
  const parts: string[] = [];
  let length = 0;
  let offset = -1;
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const visit = (node: Node) => {
    if (node === within) {
      offset = length;
      push(within.textContent ?? '');
      return;
    }
    if (node.nodeType === Node.TEXT_NODE) {
      push((node as Text).data);
      return;
    }
    if (!(node instanceof Element) || SKIP.has(node.tagName)) return;
    const display = getComputedStyle(node).display;
    // Inline text flows on; anything else (blocks, blockified absolute boxes, inline-blocks,
    // table cells, line breaks, hidden elements) is a boundary.
    const flows = display === 'inline' || display === 'contents';
    if (!flows || node.tagName === 'BR') push('\n');
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    if (!flows) push('\n');
  };
  visit(document.body);
  return { text: parts.join(''), offset };
}
