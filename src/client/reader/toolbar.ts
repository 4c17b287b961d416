/**
 * The selection toolbar: appears beside text selected inside a passage, with
 * Copy link to quote, Highlight and Note; arrow keys move between its buttons.
 * Loaded on the first selection (see ./selection).
 *
 * It is an auto popover: the browser closes it on Escape wherever focus is (after a
 * mouse selection focus is not in it) and on a click outside, and it sits in the top
 * layer, above the rails and the header. It stays inside the passage in the DOM, so Tab
 * from the selection reaches it next.
 */
import { el } from '../dom/build';
import { keepToastClear } from '../toast';
import type { SelectionInfo, ToolbarAction } from './selection';

let toolbar: HTMLElement | null = null;
let current: SelectionInfo | null = null;

export function hideToolbar(): void {
  const bar = toolbar;
  toolbar = null;
  current = null;
  if (bar?.matches(':popover-open')) bar.hidePopover();
  bar?.remove();
}

function build(onAction: (action: ToolbarAction, info: SelectionInfo) => void): HTMLElement {
  const button = (action: ToolbarAction, label: string) =>
    el('button', { class: `selection-toolbar-${action}`, text: label, attrs: { type: 'button' }, data: { action } });
  const bar = el(
    'div',
    { class: 'selection-toolbar', attrs: { role: 'toolbar', 'aria-label': 'Selected text', 'data-pagefind-ignore': '', popover: 'auto' } },
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
  // Closed by the browser (Escape, a click outside): forget it. Moved to another passage, it is
  // closed and shown again at once, and then still open when this runs.
  bar.addEventListener('toggle', () => {
    if (bar === toolbar && !bar.matches(':popover-open')) hideToolbar();
  });
  bar.addEventListener('keydown', (e) => {
    const buttons = [...bar.querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      // Focus in the toolbar goes back to the passage it was opened from.
      e.preventDefault();
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
  // Inside the passage, so Tab from the selection reaches it next (moving it closes it).
  if (toolbar.parentElement !== info.passage) info.passage.append(toolbar);
  if (!toolbar.matches(':popover-open')) toolbar.showPopover();
  const range = getSelection()?.rangeCount ? getSelection()!.getRangeAt(0) : null;
  const rect = range?.getBoundingClientRect();
  const base = info.passage.getBoundingClientRect();
  if (rect && rect.height) {
    // In the top layer, positioned against the document: centred under the selection, within the passage.
    const width = toolbar.offsetWidth;
    const left = Math.max(base.left, Math.min(rect.left + rect.width / 2 - width / 2, base.right - width));
    toolbar.style.left = `${left + scrollX}px`;
    toolbar.style.top = `${rect.bottom + scrollY + 6}px`;
  }
  if (!info.passage.hasAttribute('tabindex')) info.passage.tabIndex = -1;
  keepToastClear();
  if (focus) toolbar.querySelector('button')?.focus();
}

/** True while focus is inside the toolbar (the selection may then look collapsed). */
export const toolbarHasFocus = () => Boolean(toolbar?.contains(document.activeElement));
