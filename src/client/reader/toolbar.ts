/**
 * The selection toolbar: appears beside text selected inside a passage, with
 * Copy link to quote, Highlight and Note. Keyboard: after selecting (e.g. with
 * caret browsing), the context-menu key or Shift+F10 moves focus into it;
 * arrow keys move between its buttons; Escape closes it.
 */
import { el } from '../dom/build';
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

let toolbar: HTMLElement | null = null;
let current: SelectionInfo | null = null;

export function hideToolbar(): void {
  toolbar?.remove();
  toolbar = null;
  current = null;
}

export const toolbarSelection = () => current;

function build(onAction: (action: ToolbarAction, info: SelectionInfo) => void): HTMLElement {
  const button = (action: ToolbarAction, label: string) =>
    el('button', { class: `selection-toolbar-${action}`, text: label, attrs: { type: 'button' }, data: { action } });
  const bar = el(
    'div',
    { class: 'selection-toolbar', attrs: { role: 'toolbar', 'aria-label': 'Selected text', 'data-pagefind-ignore': '' } },
    button('link', 'Copy link to quote'),
    button('highlight', 'Highlight'),
    button('note', 'Note'),
  );
  // Keep the selection when the toolbar is clicked.
  bar.addEventListener('mousedown', (e) => e.preventDefault());
  bar.addEventListener('click', (e) => {
    const action = (e.target as Element).closest<HTMLElement>('[data-action]')?.dataset.action as ToolbarAction | undefined;
    if (action && current) {
      const info = current;
      hideToolbar();
      onAction(action, info);
    }
  });
  bar.addEventListener('keydown', (e) => {
    const buttons = [...bar.querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      const passage = current?.passage;
      hideToolbar();
      passage?.focus();
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      buttons[(at + (e.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
    }
  });
  return bar;
}

export function showToolbar(info: SelectionInfo, onAction: (action: ToolbarAction, info: SelectionInfo) => void, focus = false): void {
  if (!toolbar) toolbar = build(onAction);
  current = info;
  // Inside the passage, so Tab from the selection reaches it next.
  if (toolbar.parentElement !== info.passage) info.passage.append(toolbar);
  const range = getSelection()?.rangeCount ? getSelection()!.getRangeAt(0) : null;
  const rect = range?.getBoundingClientRect();
  const base = info.passage.getBoundingClientRect();
  if (rect && rect.height) {
    const width = toolbar.offsetWidth;
    const left = Math.min(Math.max(0, rect.left - base.left + rect.width / 2 - width / 2), Math.max(0, base.width - width));
    toolbar.style.left = `${left}px`;
    toolbar.style.top = `${rect.bottom - base.top + 6}px`;
  }
  if (!info.passage.hasAttribute('tabindex')) info.passage.tabIndex = -1;
  if (focus) toolbar.querySelector('button')?.focus();
}

/** Wires selection events; `onAction` runs a chosen action. */
export function watchSelection(onAction: (action: ToolbarAction, info: SelectionInfo) => void): void {
  let timer = 0;
  const update = () => {
    const info = selectionInPassage();
    if (info) showToolbar(info, onAction);
    else if (!toolbar?.contains(document.activeElement)) hideToolbar();
  };
  document.addEventListener('selectionchange', () => {
    clearTimeout(timer);
    timer = window.setTimeout(update, 150);
  });
  document.addEventListener('keydown', (e) => {
    const menuKey = e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey);
    if (!menuKey) return;
    const info = selectionInPassage();
    if (!info) return;
    e.preventDefault();
    showToolbar(info, onAction, true);
  });
  // The context-menu key also fires `contextmenu` (with no pointer position) in some browsers.
  document.addEventListener('contextmenu', (e) => {
    if (e.button !== 0 || e.clientX || e.clientY) return;
    const info = selectionInPassage();
    if (!info) return;
    e.preventDefault();
    showToolbar(info, onAction, true);
  });
}
