/**
 * The selection toolbar: appears beside text selected inside a passage, with
 * Copy link to quote, Highlight and Note; arrow keys move between its buttons,
 * Escape closes it. Loaded on the first selection (see ./selection).
 */
import { el } from '../dom/build';
import { keepToastClear } from '../toast';
import type { SelectionInfo, ToolbarAction } from './selection';

let toolbar: HTMLElement | null = null;
let current: SelectionInfo | null = null;

export function hideToolbar(): void {
  toolbar?.remove();
  toolbar = null;
  current = null;
}

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
  keepToastClear();
  if (focus) toolbar.querySelector('button')?.focus();
}

/** True while focus is inside the toolbar (the selection may then look collapsed). */
export const toolbarHasFocus = () => Boolean(toolbar?.contains(document.activeElement));
