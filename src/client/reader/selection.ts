/**
 * Watches text selections inside passages and says when the selection toolbar
 * should show (and take focus: the context-menu key or Shift+F10) or hide.
 * The toolbar itself (./toolbar) loads on the first selection.
 */
import { splitAcrossPassages } from '../../annotations/anchoring/split-selection';
import { offsetsInElement } from '../dom/text-range';
import { SELECTORS } from '../../contract/dom';
import { passageElements, textElementOf } from './page';
import { isMenuKey } from '../keyboard';

/** The selected text of one passage. */
export interface SelectionPart {
  passage: HTMLElement;
  passageId: string;
  start: number;
  end: number;
}

/** A selection: its first passage's part (where the toolbar shows), and every passage's part in reading order. */
export interface SelectionInfo extends SelectionPart {
  parts: SelectionPart[];
  /** True when the selection also holds article text that belongs to no passage (a heading): it cannot be annotated. */
  leftOut: boolean;
}

export type ToolbarAction = 'link' | 'highlight' | 'note';

/** The selection, cut into one part per passage it covers; null if it holds no passage text. */
export function selectionInPassage(): SelectionInfo | null {
  const selection = getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const touched = passageElements()
    .map((passage) => ({ passage, text: textElementOf(passage) }))
    .filter(({ text }) => range.intersectsNode(text));
  if (!touched.length) return null;
  const first = offsetsInElement(touched[0]!.text, range);
  const last = offsetsInElement(touched[touched.length - 1]!.text, range);
  if (!first || !last) return null;
  const texts = touched.map(({ passage, text }) => ({ id: passage.dataset.passageId!, text: text.textContent ?? '' }));
  const parts = splitAcrossPassages(texts, { index: 0, offset: first.start }, { index: touched.length - 1, offset: last.end }).map((part) => ({
    ...part,
    passage: touched[texts.findIndex((t) => t.id === part.passageId)]!.passage,
  }));
  if (!parts.length) return null;
  return { ...parts[0]!, parts, leftOut: holdsTextOutsidePassages(range) };
}

/** Whether `range` covers words of the article that are in no passage (headings between passages), so the reader can be told. */
function holdsTextOutsidePassages(range: Range): boolean {
  const root = range.commonAncestorContainer;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = root.nodeType === Node.TEXT_NODE ? (root as Text) : (walker.nextNode() as Text | null); node; node = walker.nextNode() as Text | null) {
    if (!range.intersectsNode(node) || !node.data.trim()) continue;
    const parent = node.parentElement;
    if (!parent?.closest(SELECTORS.article) || parent.closest(`${SELECTORS.passage}, [data-pagefind-ignore]`)) continue;
    // Only the selected part of the first and last text nodes counts.
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    if (node.data.slice(from, to).trim()) return true;
  }
  return false;
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
    if (event.defaultPrevented) return; // the article page's script opened it (article.ts)
    const info = selectionInPassage();
    if (!info) return;
    event.preventDefault();
    handlers.show(info, true);
  };
  document.addEventListener('keydown', (e) => {
    if (isMenuKey(e)) openFromKeyboard(e);
  });
  // The context-menu key also fires `contextmenu` (with no pointer position) in some browsers.
  document.addEventListener('contextmenu', (e) => {
    if (e.button === 0 && !e.clientX && !e.clientY) openFromKeyboard(e);
  });
}
