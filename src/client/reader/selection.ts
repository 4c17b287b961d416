/**
 * Watches text selections inside passages and says when the selection toolbar
 * should show (and take focus: the context-menu key or Shift+F10) or hide.
 * The toolbar itself (./toolbar) loads on the first selection.
 */
import { offsetsInElement } from '../dom/text-range';
import { textElementOf } from './page';

export interface SelectionInfo {
  passage: HTMLElement;
  passageId: string;
  start: number;
  end: number;
}

export type ToolbarAction = 'link' | 'highlight' | 'note';

/** The selection, clipped to the passage where it starts; null if it is not in a passage's text. */
export function selectionInPassage(): SelectionInfo | null {
  const selection = getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const passage = start?.closest<HTMLElement>('.passage[data-passage-id]');
  if (!passage) return null;
  const text = textElementOf(passage);
  const offsets = offsetsInElement(text, range);
  if (!offsets || !(text.textContent ?? '').slice(offsets.start, offsets.end).trim()) return null;
  return { passage, passageId: passage.dataset.passageId!, ...offsets };
}

export interface SelectionHandlers {
  show(info: SelectionInfo, focus: boolean): void;
  hide(): void;
  /** True while focus is in the toolbar (then a collapsed selection must not hide it). */
  holdsFocus(): boolean;
}

export function watchSelection(handlers: SelectionHandlers): void {
  let timer = 0;
  const update = () => {
    const info = selectionInPassage();
    if (info) handlers.show(info, false);
    else if (!handlers.holdsFocus()) handlers.hide();
  };
  document.addEventListener('selectionchange', () => {
    clearTimeout(timer);
    timer = window.setTimeout(update, 150);
  });
  const openFromKeyboard = (event: Event) => {
    const info = selectionInPassage();
    if (!info) return;
    event.preventDefault();
    handlers.show(info, true);
  };
  document.addEventListener('keydown', (e) => {
    if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) openFromKeyboard(e);
  });
  // The context-menu key also fires `contextmenu` (with no pointer position) in some browsers.
  document.addEventListener('contextmenu', (e) => {
    if (e.button === 0 && !e.clientX && !e.clientY) openFromKeyboard(e);
  });
}
