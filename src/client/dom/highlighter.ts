/**
 * Draws highlights as <mark> elements around the text nodes of a Range, and
 * removes them again. Text is never changed, only wrapped, so offsets counted on
 * textContent stay valid.
 */

export interface HighlightOptions {
  className: string;
  /** data-* attributes to set on every mark (keys without the data- prefix). */
  data?: Record<string, string>;
}

/** Wraps every non-empty text segment of `range` in a <mark>; returns the marks in document order. */
export function highlightRange(range: Range, options: HighlightOptions): HTMLElement[] {
  const root = range.commonAncestorContainer;
  const texts: Text[] = [];
  if (root.nodeType === Node.TEXT_NODE) texts.push(root as Text);
  else {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (range.intersectsNode(node)) texts.push(node as Text);
    }
  }
  const marks: HTMLElement[] = [];
  for (let text of texts) {
    const from = text === range.startContainer ? range.startOffset : 0;
    const to = text === range.endContainer ? range.endOffset : text.data.length;
    if (to <= from || !text.data.slice(from, to).trim()) continue;
    if (to < text.data.length) text.splitText(to);
    if (from > 0) text = text.splitText(from);
    const mark = document.createElement('mark');
    mark.className = options.className;
    for (const [key, value] of Object.entries(options.data ?? {})) mark.dataset[key] = value;
    text.replaceWith(mark);
    mark.append(text);
    marks.push(mark);
  }
  return marks;
}

/** Unwraps marks, merging the text nodes back together. */
export function removeHighlights(marks: Iterable<Element>): void {
  const parents = new Set<Node>();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(...mark.childNodes);
    parents.add(parent);
  }
  for (const parent of parents) parent.normalize();
}
