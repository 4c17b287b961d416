/**
 * The toast: what an action did ("Link copied", "Note saved"), shown at the bottom of the
 * viewport for a few seconds and said once through the page's polite live region (#status).
 * The toast itself is no live region, so a screen reader hears each message once.
 *
 * It is a manual popover: the top layer keeps it above the header, menus and dialogs without
 * a z-index, and it never light-dismisses the popover the reader has open. It stays while the
 * pointer is on it or focus is in it, and moves to the top of the viewport when the selection
 * toolbar is where it would be.
 *
 * Navigation narration (j / k, "Comparing …") stays in the live region only: `announce`.
 */
import { el } from './dom/build';
import { announce } from './status';

/** How long a message stays, once the reader is neither pointing at it nor in it. */
export const TOAST_MS = 5000;

export interface ToastAction {
  label: string;
  run(): void;
}

export interface ToastOptions {
  /** A button beside the message (Undo); pressing it closes the toast. */
  action?: ToastAction;
  /** A class for the message's row, for what is shown in it (`annotation-undo`). */
  class?: string;
  /** How long it stays (TOAST_MS unless given). */
  ms?: number;
  /** What the live region says, when it must say more than the toast shows. */
  said?: string;
}

let toast: HTMLElement | null = null;
let timer = 0;
let hideAfter = TOAST_MS;
/** Where focus was before the toast took it (the link field), to give it back. */
let returnFocus: HTMLElement | null = null;

const held = () => Boolean(toast && (toast.matches(':hover') || toast.contains(document.activeElement)));

function schedule() {
  clearTimeout(timer);
  if (hideAfter > 0) timer = window.setTimeout(() => (held() ? undefined : hideToast()), hideAfter);
}

function element(): HTMLElement {
  if (toast?.isConnected) return toast;
  const box = el('div', { class: 'toast', attrs: { popover: 'manual', 'data-pagefind-ignore': '' } });
  // Hovered or focused, it stays; when the reader leaves it, it gets its full time again.
  box.addEventListener('pointerenter', () => clearTimeout(timer));
  box.addEventListener('focusin', () => clearTimeout(timer));
  box.addEventListener('pointerleave', () => held() || schedule());
  box.addEventListener('focusout', (e) => box.contains(e.relatedTarget as Node | null) || held() || schedule());
  box.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    hideToast();
  });
  document.body.append(box);
  toast = box;
  return box;
}

/** Closes the toast; focus it held goes back where it was. */
export function hideToast(): void {
  clearTimeout(timer);
  if (!toast) return;
  const hadFocus = toast.contains(document.activeElement);
  // Its content stays until the next message, so that it fades out whole.
  if (toast.matches(':popover-open')) toast.hidePopover();
  if (hadFocus && returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
  returnFocus = null;
}

/**
 * Moves the toast to the top of the viewport when it would cover what the reader is at: the
 * selection toolbar, the element in focus (a highlight just saved) and that highlight's note
 * card; or back to the bottom.
 */
export function keepToastClear(): void {
  if (!toast?.matches(':popover-open')) return;
  toast.classList.remove('toast-top');
  const focused = document.activeElement instanceof HTMLElement && document.activeElement !== document.body && !toast.contains(document.activeElement) ? document.activeElement : null;
  const annotation = focused?.dataset.annotationId;
  const inTheWay = [
    document.querySelector('.selection-toolbar'),
    focused,
    annotation ? document.querySelector(`.annotation-card[data-annotation-id="${CSS.escape(annotation)}"]`) : null,
  ];
  const box = toast.getBoundingClientRect();
  const covers = (r: DOMRect) => r.height > 0 && r.bottom > box.top && r.top < box.bottom && r.right > box.left && r.left < box.right;
  if (inTheWay.some((el) => el && covers(el.getBoundingClientRect()))) toast.classList.add('toast-top');
}

function show(children: Node[], ms: number) {
  const box = element();
  clearTimeout(timer);
  const hadFocus = box.contains(document.activeElement);
  box.replaceChildren(...children);
  if (hadFocus && returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
  box.classList.remove('toast-top');
  // Shown again, the popover moves to the top of the top layer, above one opened since.
  if (box.matches(':popover-open')) box.hidePopover();
  box.showPopover();
  keepToastClear();
  hideAfter = ms;
  if (!held()) schedule();
}

/** Shows `message` in the toast and says it in the live region. */
export function notify(message: string, options: ToastOptions = {}): void {
  const { action } = options;
  const button = action && el('button', { class: 'toast-action', text: action.label, attrs: { type: 'button' } });
  button?.addEventListener('click', () => {
    hideToast();
    action!.run();
  });
  const row = el('div', { class: ['toast-row', options.class].filter(Boolean).join(' ') }, el('p', { class: 'toast-message', text: message }), button);
  show([row], options.ms ?? TOAST_MS);
  announce(options.said ?? message);
}

/** How long an Undo is offered after a delete, once the reader is neither pointing at it nor in it. */
const UNDO_MS = 10_000;

/** "Annotation deleted." with Undo, on the article page and in the notebook alike. */
export function offerUndoDelete(undo: () => void): void {
  notify('Annotation deleted.', {
    class: 'annotation-undo',
    ms: UNDO_MS,
    said: `Annotation deleted. Undo is available for ${UNDO_MS / 1000} seconds.`,
    action: { label: 'Undo', run: undo },
  });
}

/**
 * When the clipboard refused a link: the link in a read-only field, focused and selected so
 * that Ctrl+C (⌘C) copies it, with a Close button. It stays until closed (Escape, Close).
 */
export function offerLink(url: string): void {
  const message = 'Could not copy the link. It is selected below: press Ctrl+C (⌘C) to copy it.';
  const field = el('input', { class: 'toast-link', attrs: { type: 'text', readonly: '', 'aria-label': 'Link', spellcheck: 'false' } });
  field.value = url;
  field.addEventListener('focus', () => field.select());
  const close = el('button', { class: 'toast-close', text: 'Close', attrs: { type: 'button' } });
  close.addEventListener('click', hideToast);
  const active = document.activeElement;
  returnFocus = active instanceof HTMLElement && active !== document.body && !toast?.contains(active) ? active : null;
  show([el('p', { class: 'toast-message', text: message }), el('div', { class: 'toast-row' }, field, close)], 0);
  field.focus();
  field.select();
  announce(message);
}
