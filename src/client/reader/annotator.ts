/**
 * The reader's annotations on an article page: loads them from the store,
 * re-anchors them on the current text and draws them; watches selections for
 * the toolbar; redraws when another tab changes the store. The actions
 * themselves (./actions) load on first use.
 */
import { anchorAnnotations } from '../../annotations/anchoring/anchor-all';
import type { PassageText } from '../../annotations/anchoring/types';
import { passageIdOf, type Annotation } from '../../annotations/model';
import { el } from '../dom/build';
import { loadRetiredIds } from '../retired-ids';
import { notify } from '../toast';
import { ANNOTATION_MARKS, mark } from '../timing';
import { openAnnotationStore, type AnnotationStore } from '../store/db';
import type { AnnotatorContext } from './actions';
import { clearDrawn, drawAnnotations, positionMarginBars, ringFocusedHighlight, type Placed } from './draw';
import { passageById, passageElements, passageTexts } from './page';
import { selectionInPassage, watchSelection, type SelectionInfo, type ToolbarAction } from './selection';

let store: AnnotationStore;
let placed: Placed[] = [];
let orphans: Annotation[] = [];
/** Bumped by each refresh, so an older one still drawing in idle time stops. */
let generation = 0;
/** True while a refresh draws in idle slices: margin bars wait for its end instead of being laid out on every resize. */
let drawingInSlices = false;

/** Time one idle slice may take before giving the page back (ms). */
const SLICE_MS = 8;
const idle = (): Promise<IdleDeadline | null> =>
  new Promise((resolve) => ('requestIdleCallback' in window ? requestIdleCallback(resolve, { timeout: 200 }) : setTimeout(() => resolve(null), 0)));

/**
 * Resolves once the browser has painted what the DOM holds now (the task after the next frame),
 * or after 100 ms when no frame comes (a hidden tab draws no frames).
 */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });

/** Passages on screen first, then those within a screen of it, then the rest, in reading order. */
function visibleFirst(): { order: string[]; onScreen: Set<string> } {
  const height = innerHeight;
  const on: string[] = [];
  const near: string[] = [];
  const off: string[] = [];
  for (const p of passageElements()) {
    const r = p.getBoundingClientRect();
    const id = p.dataset.passageId!;
    if (r.bottom > 0 && r.top < height) on.push(id);
    else if (r.bottom > -height && r.top < height * 2) near.push(id);
    else off.push(id);
  }
  return { order: [...on, ...near, ...off], onScreen: new Set(on) };
}

/**
 * Anchors and draws the page's annotations: those of the passages on screen
 * first (read apart, through the store's passage index), then the page paints
 * them, then the margin bars and the rest in idle slices, so a page with
 * thousands shows them and is usable at once. Resolves when everything is drawn.
 */
async function refresh(): Promise<void> {
  const mine = ++generation;
  const path = location.pathname;
  const passages = passageTexts();
  const all = () => passages as readonly PassageText[];
  const visible = visibleFirst();
  const early = await store.listForPassages(path, visible.onScreen);
  if (mine !== generation) return;

  const nextPlaced: Placed[] = [];
  const unplaced: Annotation[] = [];
  const place = (group: Annotation[], retiredIds: Record<string, string>) => {
    const done = anchorAnnotations(group, all, { retiredIds });
    const batch = done.filter((d): d is Placed => d.placement !== null);
    // one at a time: a page may hold more annotations than a call takes arguments
    for (const d of batch) nextPlaced.push(d);
    for (const d of done) if (!d.placement) unplaced.push(d.annotation);
    drawAnnotations(batch);
  };
  clearDrawn();
  placed = nextPlaced;
  drawingInSlices = true;
  // The passages on screen name themselves, so no retired ids are needed to place these.
  place(early, {});
  if (mine === 1) mark(ANNOTATION_MARKS.onScreen);
  await afterPaint();
  if (mine !== generation) return;
  positionMarginBars();
  document.documentElement.dataset.annotations = store.persistent ? 'ready' : 'memory';

  const drawnEarly = new Set(early.map((a) => a.id));
  const annotations = (await store.listForPath(path)).filter((a) => !drawnEarly.has(a.id));
  if (mine === 1) mark(ANNOTATION_MARKS.read);
  const present = new Set(passages.map((p) => p.id));
  const retiredIds = annotations.some((a) => !present.has(passageIdOf(a))) ? await loadRetiredIds() : {};
  if (mine !== generation) return;
  // Group by the passage each names, near the screen first; an annotation whose passage is gone goes last.
  const byPassage = Map.groupBy(annotations, (a) => (present.has(passageIdOf(a)) ? passageIdOf(a) : ''));
  let deadline = performance.now() + SLICE_MS;
  for (const id of [...visible.order, ''].filter((id) => byPassage.has(id))) {
    if (performance.now() > deadline) {
      const slice = await idle();
      if (mine !== generation) return;
      deadline = performance.now() + Math.max(2, Math.min(SLICE_MS, slice?.timeRemaining() ?? SLICE_MS));
    }
    place(byPassage.get(id)!, retiredIds);
  }
  // Approximate matching only for what the text no longer holds exactly (it loads on demand).
  let left = unplaced;
  if (left.length) {
    const approximate = (await import('approx-string-match')).default;
    if (mine !== generation) return;
    const done = anchorAnnotations(left, all, { retiredIds, approximate });
    const batch = done.filter((d): d is Placed => d.placement !== null);
    for (const d of batch) nextPlaced.push(d);
    drawAnnotations(batch);
    left = done.filter((d) => !d.placement).map((d) => d.annotation);
  }
  orphans = left;
  drawingInSlices = false;
  positionMarginBars();
  showNotices();
  document.documentElement.dataset.annotationsDrawn = String(nextPlaced.length);
  if (mine === 1) mark(ANNOTATION_MARKS.drawn);
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
  mark(ANNOTATION_MARKS.loaded);
  store = await openAnnotationStore();
  // Drawing goes on in idle time; the toolbar and editing work from now on.
  const drawing = refresh();
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
  document.addEventListener('focusin', (event) => ringFocusedHighlight(event.target));
  document.addEventListener('focusout', () => ringFocusedHighlight(null));
  document.addEventListener('keydown', (event) => {
    if ((event.key !== 'Enter' && event.key !== ' ') || !(event.target as Element | null)?.matches?.('mark.annotation-highlight')) return;
    const annotation = annotationFromEvent(event);
    if (!annotation) return;
    event.preventDefault();
    edit(annotation);
  });
  // Another tab changed the store: redraw (an open editor keeps its draft) and say so.
  store.subscribe((change) => {
    void refresh();
    notify('Your annotations were changed in another tab; this page now shows them.');
    if (change.deleted) {
      void import('./editor').then((m) =>
        change.ids.forEach((id) => m.tellEditor(`This annotation was deleted in another tab. ${m.KEEP_AS_NEW}`, id, true)),
      );
    }
  });
  const body = document.querySelector('.article-body');
  if (body && 'ResizeObserver' in window) {
    // At most once a frame, and not while drawing (which lays the bars out when it is done).
    let queued = false;
    new ResizeObserver(() => {
      if (queued || drawingInSlices) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        if (!drawingInSlices) positionMarginBars();
      });
    }).observe(body);
  }
  await drawing;
  document.documentElement.dataset.annotations = store.persistent ? 'ready' : 'memory';
}

/** Shows the toolbar for the current selection (when that selection is what loaded the annotator). */
export function offerToolbar(focus: boolean): void {
  const info = selectionInPassage();
  if (info) void showToolbar(info, focus);
}
