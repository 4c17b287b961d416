/**
 * The article page's script (the page imports this one module). Passage tools
 * load at once; the annotation code only when it has something to do: the
 * reader has stored annotations, selects text in a passage, or another tab
 * writes one. Published notes' inline marks load when the page has any.
 */
import './elements/passage-tools';
import { selectByDraggingLinks } from './dom/link-drag';
import { SELECTORS } from '../contract/dom';
import { isMenuKey, isTypingTarget } from './keyboard';
import { ARTICLE_INDEX, CHANNEL_NAME, DB_NAME, STORE_NAME } from './store/names';
import { ANNOTATION_MARKS, mark } from './timing';

let started: Promise<typeof import('./reader/annotator')> | undefined;
/** Set once the annotator listens for itself. */
let ready = false;
const annotator = () => {
  started ??= import('./reader/annotator').then(async (m) => {
    await m.startAnnotator();
    ready = true;
    return m;
  });
  return started;
};

/**
 * True if this browser holds an annotation of this page (of any page, in a store
 * older than the article index), checked without creating or upgrading the database.
 */
function hasStoredAnnotations(): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const request = indexedDB.open(DB_NAME);
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onerror = () => resolve(false);
      request.onsuccess = () => {
        const db = request.result;
        try {
          const store = db.transaction(STORE_NAME).objectStore(STORE_NAME);
          const count = store.indexNames.contains(ARTICLE_INDEX) ? store.index(ARTICLE_INDEX).count(location.pathname) : store.count();
          count.onsuccess = () => resolve(count.result > 0);
          count.onerror = () => resolve(false);
        } catch {
          resolve(false);
        } finally {
          db.close();
        }
      };
    } catch {
      resolve(false);
    }
  });
}

/** True when the selection starts or ends in a passage (it may run over several). */
const inPassage = () => {
  const selection = getSelection();
  if (!selection || selection.isCollapsed) return false;
  return [selection.anchorNode, selection.focusNode].some((node) => Boolean((node instanceof Element ? node : node?.parentElement)?.closest('.passage')));
};

function onFirstSelection() {
  if (!inPassage()) return;
  document.removeEventListener('selectionchange', onFirstSelection);
  void annotator().then((m) => m.offerToolbar(false));
}

/**
 * Annotating without a mouse (or without dragging): the passage's whole text is selected,
 * unless the reader has already selected words in it, and the selection toolbar opens with
 * focus on its first button (Copy link to quote, Highlight, Note).
 */
function annotatePassage(passage: HTMLElement) {
  const text = passage.querySelector(SELECTORS.passageText);
  const selection = getSelection();
  if (!text || !selection) return;
  const current = selection.rangeCount && !selection.isCollapsed ? selection.getRangeAt(0) : null;
  if (!current || !text.contains(current.commonAncestorContainer)) {
    const range = document.createRange();
    range.selectNodeContents(text);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  void annotator().then((m) => m.offerToolbar(true));
}

/**
 * The menu key (or Shift+F10): on a selection before the annotator is listening, load it and
 * focus its toolbar; with nothing selected, on the passage in focus (`j`/`k`, or one of its
 * tools), annotate the whole passage.
 */
function onMenuKey(event: KeyboardEvent) {
  if (!isMenuKey(event) || event.defaultPrevented) return;
  if (inPassage()) {
    if (ready) return; // the annotator's own listener opens the toolbar
    event.preventDefault();
    void annotator().then((m) => m.offerToolbar(true));
    return;
  }
  const passage = (event.target as Element | null)?.closest?.<HTMLElement>(SELECTORS.passage);
  if (!passage || isTypingTarget(event.target)) return;
  event.preventDefault();
  annotatePassage(passage);
}

document.addEventListener('selectionchange', onFirstSelection);
document.addEventListener('keydown', onMenuKey);
selectByDraggingLinks();
document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest?.(SELECTORS.annotate);
  const passage = button?.closest<HTMLElement>(SELECTORS.passage);
  if (passage) annotatePassage(passage);
});
if (typeof BroadcastChannel === 'function') {
  new BroadcastChannel(CHANNEL_NAME).addEventListener('message', () => void annotator(), { once: true });
}
// At once, not when the page is first idle (up to 1.5 s later on a busy page): the reader's own
// highlights are part of the page they read, and the check is one asynchronous count.
void hasStoredAnnotations().then((yes) => {
  if (!yes) return;
  mark(ANNOTATION_MARKS.found);
  void annotator();
});

if (document.querySelector('[data-published-note]')) void import('./reader/published-marks').then((m) => m.markPublishedNotes());
