/**
 * Draws the reader's annotations: highlights inline (<mark>), a bar in the
 * margin beside the highlighted lines, and note cards beside (under) the passage.
 * Every string goes in through textContent.
 */
import type { Placement } from '../../annotations/anchoring/types';
import { el } from '../dom/build';
import { removeHighlights, textHighlighter } from '../dom/highlighter';
import { colourOf, noteOf, quoteOf, tagsOf, type Annotation } from '../../annotations/model';
import { passageById, textElementOf } from './page';

export interface Placed {
  annotation: Annotation;
  placement: Placement;
}

const MARK = 'annotation-highlight';

export function clearDrawn(): void {
  removeHighlights(document.querySelectorAll(`mark.${MARK}`));
  document.querySelectorAll('.annotation-notes, .annotation-margins').forEach((n) => n.remove());
}

export const marksOf = (id: string) => [...document.querySelectorAll<HTMLElement>(`mark.${MARK}[data-annotation-id="${CSS.escape(id)}"]`)];

/**
 * Shows the focus ring on every piece of the highlight in keyboard focus (a highlight through a
 * link is drawn as several marks; only one takes focus), and takes it off the last one's.
 */
export function ringFocusedHighlight(focused: EventTarget | null): void {
  for (const piece of document.querySelectorAll(`mark.${MARK}.has-focus`)) piece.classList.remove('has-focus');
  if (!(focused instanceof HTMLElement) || !focused.matches(`mark.${MARK}:focus-visible`)) return;
  for (const piece of marksOf(focused.dataset.annotationId ?? '')) piece.classList.add('has-focus');
}

/** The one mark of an annotation that takes focus (see drawAnnotations). */
export const focusableMarkOf = (id: string) => marksOf(id).find((m) => m.tabIndex === 0);

export function notesContainer(passage: HTMLElement): HTMLElement {
  let box = passage.querySelector<HTMLElement>(':scope > .annotation-notes');
  if (!box) {
    box = el('div', { class: 'annotation-notes', attrs: { 'data-pagefind-ignore': '' } });
    passage.append(box);
  }
  return box;
}

const shorten = (text: string, max = 80) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** Draws these annotations (adding to what is drawn; `clearDrawn` first to start over). Margin bars: `positionMarginBars`. */
export function drawAnnotations(placed: readonly Placed[]): void {
  const byPassage = Map.groupBy(placed, (p) => p.placement.passageId);

  for (const [passageId, list] of byPassage) {
    const passage = passageById(passageId);
    if (!passage) continue;
    const highlight = textHighlighter(textElementOf(passage));
    list.sort((a, b) => a.placement.start - b.placement.start);
    for (const { annotation, placement } of list) {
      const colour = colourOf(annotation);
      const marks = highlight(placement.start, placement.end, {
        className: `${MARK} highlight-${colour}`,
        data: { annotationId: annotation.id },
      });
      // One focusable stop per annotation (Enter opens it), on a piece outside the passage's links
      // where there is one: a button inside a link would be a control inside a control.
      const first = marks.find((m) => !m.closest('a')) ?? marks[0];
      if (!first) continue;
      first.tabIndex = 0;
      first.setAttribute('role', 'button');
      const note = noteOf(annotation);
      first.setAttribute('aria-label', `Your ${colour} highlight${note ? ' with a note' : ''}: “${shorten(quoteOf(annotation), 60)}”. Press Enter to open.`);
    }
    const cards = list.filter(({ annotation }) => noteOf(annotation).trim() || tagsOf(annotation).length);
    if (cards.length) {
      const box = notesContainer(passage);
      for (const { annotation } of cards) box.append(noteCard(annotation));
    }
  }
}

function noteCard(annotation: Annotation): HTMLElement {
  const tags = tagsOf(annotation);
  return el(
    'aside',
    { class: `annotation-card highlight-${colourOf(annotation)}`, data: { annotationId: annotation.id }, attrs: { 'aria-label': 'Your note' } },
    el('p', { class: 'annotation-card-quote', text: `“${shorten(quoteOf(annotation))}”` }),
    noteOf(annotation).trim() && el('p', { class: 'annotation-card-note', text: noteOf(annotation) }),
    tags.length > 0 && el('ul', { class: 'annotation-tags', attrs: { 'aria-label': 'Tags' } }, ...tags.map((t) => el('li', { text: t }))),
    el('button', { class: 'annotation-card-edit icon-button', text: 'Edit', attrs: { type: 'button', 'aria-label': 'Edit this note' } }),
  );
}

/**
 * A bar in the margin beside each highlight's lines (recomputed when the layout changes).
 * Each passage's bars sit in one `display: contents` box, replaced whole: one removal per
 * passage, not one per bar, which is what made a page with thousands of highlights crawl.
 */
export function positionMarginBars(): void {
  // All reads first, then all writes: one layout, however many highlights.
  const byId = Map.groupBy(document.querySelectorAll<HTMLElement>(`mark.${MARK}`), (mark) => mark.dataset.annotationId!);
  const bars: { passage: HTMLElement; top: number; height: number; colour: string }[] = [];
  for (const marks of byId.values()) {
    const passage = marks[0]!.closest<HTMLElement>('.passage');
    if (!passage) continue;
    const base = passage.getBoundingClientRect().top;
    const rects = marks.map((m) => m.getBoundingClientRect());
    const top = Math.min(...rects.map((r) => r.top)) - base;
    const bottom = Math.max(...rects.map((r) => r.bottom)) - base;
    bars.push({ passage, top, height: Math.max(4, bottom - top), colour: [...marks[0]!.classList].find((c) => c.startsWith('highlight-')) ?? '' });
  }
  const byPassage = Map.groupBy(bars, (b) => b.passage);
  for (const old of document.querySelectorAll<HTMLElement>('.annotation-margins')) {
    if (!byPassage.has(old.parentElement!)) old.remove();
  }
  for (const [passage, list] of byPassage) {
    const box = passage.querySelector<HTMLElement>(':scope > .annotation-margins') ?? passage.appendChild(el('span', { class: 'annotation-margins', attrs: { 'aria-hidden': 'true' } }));
    box.replaceChildren(
      ...list.map((b) => {
        const bar = el('span', { class: `annotation-margin ${b.colour}`, attrs: { 'aria-hidden': 'true' } });
        bar.style.top = `${b.top}px`;
        bar.style.height = `${b.height}px`;
        return bar;
      }),
    );
  }
}
