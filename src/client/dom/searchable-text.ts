/**
 * The page's text as a browser searches it for a text fragment: everything in the body,
 * in document order, navigation and rails included, closed `<details>` and visually
 * hidden text too; a line break wherever layout starts a new block, so words of two
 * blocks never run together. Errs towards more text (text that is not rendered counts
 * too): a quote found once in this text is found once by the browser.
 *
 * Works on any document with a window (this page, or an article loaded in a frame).
 */
import { textDirectiveFor, type TextDirective } from '../../annotations/anchoring/text-fragment';

/** Never searched: not text a reader sees. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'SELECT']);

export interface SearchableText {
  text: string;
  /** Where `within`'s own text starts in `text` (its textContent, unchanged). */
  offset: number;
}

/** A page's searchable text, and where each of some elements (kept whole) starts in it. */
export interface PageText {
  text: string;
  offsets: Map<Element, number>;
}

/**
 * The body's searchable text. Each of `whole` (elements whose textContent must stay whole, such
 * as passage texts that annotation offsets count in) goes in as its textContent, and its start is
 * recorded. One walk for any number of elements: the notebook checks many quotes on one page.
 */
export function searchablePageText(doc: Document, whole: Iterable<Element>): PageText {
  const view = doc.defaultView;
  if (!view) throw new Error('searchablePageText needs a rendered document (one with a window)');
  const kept = new Set(whole);
  const offsets = new Map<Element, number>();
  const parts: string[] = [];
  let length = 0;
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      push((node as Text).data);
      return;
    }
    // Not `instanceof Element`: a frame's nodes are instances of the frame's own classes.
    if (node.nodeType !== Node.ELEMENT_NODE || SKIP.has((node as Element).tagName)) return;
    const element = node as Element;
    if (kept.has(element)) {
      offsets.set(element, length);
      push(element.textContent ?? '');
      return;
    }
    const display = view.getComputedStyle(element).display;
    // Inline text flows on; anything else (blocks, blockified absolute boxes, inline-blocks,
    // table cells, line breaks, hidden elements) is a boundary.
    const flows = display === 'inline' || display === 'contents';
    if (!flows || element.tagName === 'BR') push('\n');
    for (let child = element.firstChild; child; child = child.nextSibling) visit(child);
    if (!flows) push('\n');
  };
  visit(doc.body);
  return { text: parts.join(''), offsets };
}

/** The body's searchable text, and where `within` (an element whose textContent must stay whole) starts in it. */
export function searchableText(within: Element): SearchableText {
  const { text, offsets } = searchablePageText(within.ownerDocument, [within]);
  return { text, offset: offsets.get(within) ?? -1 };
}

/**
 * The quote-link directive for `start`–`end` of `textElement`'s text, unambiguous in the whole
 * page that holds it, as the browser will search it. The one check behind every quote link
 * (the reader's Copy link to quote, the notebook's links). `page`: the page's text, measured
 * once for many quotes (it must keep `textElement` whole).
 */
export function pageTextDirective(textElement: Element, start: number, end: number, page?: PageText): TextDirective {
  const offset = page?.offsets.get(textElement);
  const scope = page && offset !== undefined ? { text: page.text, offset } : searchableText(textElement);
  return textDirectiveFor(textElement.textContent ?? '', start, end, scope);
}
