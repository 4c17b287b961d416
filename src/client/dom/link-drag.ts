/**
 * A drag that starts on a link in a passage's words selects words, as a drag anywhere else in
 * the passage does. Browsers never start a selection on a link (Chromium drags the link, or,
 * headless, does nothing), so a reader could not highlight a sentence that opens with a linked
 * name. A press and release without moving stays a click on the link; Alt, Shift and the other
 * modifiers keep the browser's own behaviour, and so does touch (a long press selects).
 */
import { SELECTORS } from '../../contract/dom';

/** How far, in CSS pixels, the pointer moves before a press on a link becomes a selection. */
const DRAG_DISTANCE = 4;

interface Caret {
  node: Node;
  offset: number;
}

function caretAt(x: number, y: number): Caret | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** Ends the drag under way, if any (its release may have been lost outside the window). */
let endDrag: (() => void) | null = null;

function onPress(down: PointerEvent) {
  endDrag?.();
  if (down.pointerType !== 'mouse' || down.button !== 0 || down.altKey || down.shiftKey || down.ctrlKey || down.metaKey) return;
  const link = (down.target as Element | null)?.closest?.('a[href]');
  if (!link?.closest(SELECTORS.passageText)) return;
  const start = caretAt(down.clientX, down.clientY);
  if (!start) return;
  let selecting = false;

  const move = (event: PointerEvent) => {
    if (!(event.buttons & 1)) return end();
    if (!selecting && Math.hypot(event.clientX - down.clientX, event.clientY - down.clientY) < DRAG_DISTANCE) return;
    const to = caretAt(event.clientX, event.clientY);
    if (!to) return;
    selecting = true;
    getSelection()?.setBaseAndExtent(start.node, start.offset, to.node, to.offset);
  };
  const noLinkDrag = (event: DragEvent) => event.preventDefault();
  // The release after a selection is not a click on the link it began (or ended) on.
  const noClick = (event: MouseEvent) => {
    if (!selecting) return;
    event.preventDefault();
    event.stopPropagation();
  };
  const end = () => {
    endDrag = null;
    document.removeEventListener('pointermove', move);
    document.removeEventListener('pointerup', end);
    document.removeEventListener('pointercancel', end);
    document.removeEventListener('dragstart', noLinkDrag);
    setTimeout(() => document.removeEventListener('click', noClick, true));
  };
  endDrag = end;
  document.addEventListener('pointermove', move);
  document.addEventListener('pointerup', end);
  document.addEventListener('pointercancel', end);
  document.addEventListener('dragstart', noLinkDrag);
  document.addEventListener('click', noClick, true);
}

export function selectByDraggingLinks(): void {
  document.addEventListener('pointerdown', onPress);
}
