/**
 * Range ↔ character offsets within one element's textContent (a passage's
 * `.passage-text`). The only place where selections meet offsets.
 */

/** Offsets of the part of `range` inside `container`, or null if they do not overlap. */
export function offsetsInElement(container: Element, range: Range): { start: number; end: number } | null {
  if (!range.intersectsNode(container)) return null;
  const inner = range.cloneRange();
  const whole = document.createRange();
  whole.selectNodeContents(container);
  // Clip the range to the container.
  if (inner.compareBoundaryPoints(Range.START_TO_START, whole) < 0) inner.setStart(whole.startContainer, whole.startOffset);
  if (inner.compareBoundaryPoints(Range.END_TO_END, whole) > 0) inner.setEnd(whole.endContainer, whole.endOffset);
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(inner.startContainer, inner.startOffset);
  const start = before.toString().length;
  return { start, end: start + inner.toString().length };
}

/** A Range over characters [start, end) of `container`'s text. */
export function rangeFromOffsets(container: Element, start: number, end: number): Range {
  const range = document.createRange();
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let seen = 0;
  let startSet = false;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    if (!startSet && start <= seen + length) {
      range.setStart(node, start - seen);
      startSet = true;
    }
    if (startSet && end <= seen + length) {
      range.setEnd(node, end - seen);
      return range;
    }
    seen += length;
    last = node;
  }
  if (!startSet) range.setStart(container, container.childNodes.length);
  if (last) range.setEnd(last, last.data.length);
  return range;
}
