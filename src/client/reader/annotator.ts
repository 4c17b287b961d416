/**
 * The reader's annotations on an article page: loads them from the store,
 * re-anchors them on the current text and draws them; watches selections for
 * the toolbar; redraws when another tab changes the store. The actions
 * themselves (./actions) load on first use.
 */
import { anchor } from '../../annotations/anchoring/anchor';
import type { ApproximateSearch } from '../../annotations/anchoring/match-quote';
import { targetFromSelectors } from '../../annotations/anchoring/selectors';
import { loadRetiredIds } from '../retired-ids';
import { el } from '../dom/build';
import { passageIdOf, selectorsOf, type Annotation } from '../../annotations/model';
import { openAnnotationStore, type AnnotationStore } from '../store/db';
import type { AnnotatorContext } from './actions';
import { drawAnnotations, positionMarginBars, type Placed } from './draw';
import { passageById, passageTexts } from './page';
import { selectionInPassage, watchSelection, type SelectionInfo, type ToolbarAction } from './selection';

let store: AnnotationStore;
let placed: Placed[] = [];
let orphans: Annotation[] = [];

async function refresh(): Promise<void> {
  const annotations = await store.listForPath(location.pathname);
  const passages = passageTexts();
  const present = new Set(passages.map((p) => p.id));
  const retiredIds = annotations.some((a) => !present.has(passageIdOf(a))) ? await loadRetiredIds() : {};
  const nextPlaced: Placed[] = [];
  let unplaced: Annotation[] = [];
  const place = (list: Annotation[], approximate?: ApproximateSearch) => {
    const left: Annotation[] = [];
    for (const annotation of list) {
      const placement = anchor(targetFromSelectors(selectorsOf(annotation)), passages, { retiredIds, ...(approximate ? { approximate } : {}) });
      if (placement) nextPlaced.push({ annotation, placement });
      else left.push(annotation);
    }
    return left;
  };
  unplaced = place(annotations);
  // Approximate matching only for what the text no longer holds exactly (it loads on demand).
  if (unplaced.length) unplaced = place(unplaced, (await import('approx-string-match')).default);
  placed = nextPlaced;
  orphans = unplaced;
  drawAnnotations(placed);
  showNotices();
}

function showNotices() {
  document.querySelector('.annotations-notice')?.remove();
  const messages: string[] = [];
  if (!store.persistent && store.problem) messages.push(store.problem);
  if (orphans.length) {
    const one = orphans.length === 1;
    messages.push(
      `${one ? 'One of your annotations' : `${orphans.length} of your annotations`} on this article could not be placed on the current text. ${one ? 'It is' : 'They are'} kept, with quote and note, in your notebook.`,
    );
  }
  if (!messages.length) return;
  const body = document.querySelector('.article-body') ?? document.querySelector('.article');
  body?.prepend(
    el(
      'div',
      { class: 'notice annotations-notice', attrs: { role: 'note', 'data-pagefind-ignore': '' } },
      ...messages.map((m) => el('p', { text: m })),
      orphans.length > 0 && el('p', {}, el('a', { text: 'See them in the notebook', attrs: { href: '/notebook/#orphans' } })),
    ),
  );
}

const context: AnnotatorContext = {
  get store() {
    return store;
  },
  refresh,
  passageOf: (id) => passageById(placed.find((p) => p.annotation.id === id)?.placement.passageId ?? ''),
};

const actions = () => import('./actions');
let toolbarUi: typeof import('./toolbar') | undefined;
async function showToolbar(info: SelectionInfo, focus: boolean) {
  toolbarUi ??= await import('./toolbar');
  toolbarUi.showToolbar(info, onToolbar, focus);
}
const onToolbar = (action: ToolbarAction, info: SelectionInfo) => void actions().then((m) => m.runToolbarAction(context, action, info));

function annotationFromEvent(event: Event): Annotation | undefined {
  const target = event.target as Element | null;
  const holder = target?.closest<HTMLElement>('mark.annotation-highlight, .annotation-card-edit');
  const id = holder?.closest<HTMLElement>('[data-annotation-id]')?.dataset.annotationId;
  return id ? placed.find((p) => p.annotation.id === id)?.annotation : undefined;
}

const edit = (annotation: Annotation) => void actions().then((m) => m.editAnnotationUi(context, annotation));

export async function startAnnotator(): Promise<void> {
  if (!document.querySelector('.passage[data-passage-id]')) return;
  store = await openAnnotationStore();
  await refresh();
  watchSelection({
    show: (info, focus) => void showToolbar(info, focus),
    hide: () => toolbarUi?.hideToolbar(),
    holdsFocus: () => toolbarUi?.toolbarHasFocus() ?? false,
  });
  document.addEventListener('click', (event) => {
    if (getSelection()?.isCollapsed === false) return;
    const annotation = annotationFromEvent(event);
    if (annotation) edit(annotation);
  });
  document.addEventListener('keydown', (event) => {
    if ((event.key !== 'Enter' && event.key !== ' ') || !(event.target as Element | null)?.matches?.('mark.annotation-highlight')) return;
    const annotation = annotationFromEvent(event);
    if (!annotation) return;
    event.preventDefault();
    edit(annotation);
  });
  // Another tab changed the store: redraw (an open editor keeps its draft).
  store.subscribe(() => void refresh());
  const body = document.querySelector('.article-body');
  if (body && 'ResizeObserver' in window) new ResizeObserver(() => positionMarginBars()).observe(body);
  document.documentElement.dataset.annotations = store.persistent ? 'ready' : 'memory';
}

/** Shows the toolbar for the current selection (when that selection is what loaded the annotator). */
export function offerToolbar(focus: boolean): void {
  const info = selectionInPassage();
  if (info) void showToolbar(info, focus);
}
