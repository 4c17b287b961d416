/**
 * Range → character offsets within one element's textContent (a passage's
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
