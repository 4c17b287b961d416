/**
 * Draws highlights as <mark> elements around the text nodes of a character range, and
 * removes them again. Text is never changed, only wrapped, so offsets counted on
 * textContent stay valid.
 */

export interface HighlightOptions {
  className: string;
  /** data-* attributes to set on every mark (keys without the data- prefix). */
  data?: Record<string, string>;
}

/** Wraps characters [start, end) of a container's text in marks; returns the marks in document order. */
export type Highlight = (start: number, end: number, options: HighlightOptions) => HTMLElement[];

/**
 * A highlighter for one container: each call wraps characters [start, end) of its text in marks,
 * one per text node they cross (white-space-only pieces left out). Works on offsets, not a Range:
 * every live Range is updated on each later DOM change, so thousands of them (one per highlight)
 * made drawing a large notebook quadratic. The container's text nodes are listed once, with their
 * offsets, and kept current as highlights split them, so many highlights in one passage find their
 * text by binary search instead of each walking the passage again. Nothing else may change the
 * container's text nodes between calls.
 */
export function textHighlighter(container: Element): Highlight {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    nodes.push(node);
    starts.push(seen);
    seen += node.data.length;
  }
  /** The first node that ends after `offset`. */
  const firstEndingAfter = (offset: number) => {
    let low = 0;
    let high = nodes.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! + nodes[mid]!.data.length <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const insert = (index: number, node: Text, start: number) => {
    nodes.splice(index, 0, node);
    starts.splice(index, 0, start);
  };

  return (start, end, options) => {
    const marks: HTMLElement[] = [];
    for (let i = firstEndingAfter(start); i < nodes.length && starts[i]! < end; i++) {
      let text = nodes[i]!;
      const at = starts[i]!;
      const from = Math.max(0, start - at);
      const to = Math.min(text.data.length, end - at);
      if (to <= from || !/\S/.test(text.data.slice(from, to))) continue;
      if (to < text.data.length) insert(i + 1, text.splitText(to), at + to);
      if (from > 0) {
        text = text.splitText(from);
        insert(++i, text, at + from);
      }
      const mark = document.createElement('mark');
      mark.className = options.className;
      for (const [key, value] of Object.entries(options.data ?? {})) mark.dataset[key] = value;
      text.replaceWith(mark);
      mark.append(text);
      marks.push(mark);
    }
    return marks;
  };
}

/** One highlight: characters [start, end) of `container`'s text (see `textHighlighter` for many). */
export const highlightOffsets = (container: Element, start: number, end: number, options: HighlightOptions): HTMLElement[] =>
  textHighlighter(container)(start, end, options);

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
