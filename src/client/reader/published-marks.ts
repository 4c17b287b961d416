/**
 * Marks, in the text, the quotes that the editors' published notes are about
 * (the notes themselves are rendered at build time by PublishedNotes.astro,
 * each with `data-published-note data-start data-end`).
 */
import { highlightOffsets } from '../dom/highlighter';
import { textElementOf } from './page';

export function markPublishedNotes(): void {
  for (const note of document.querySelectorAll<HTMLElement>('[data-published-note][data-start][data-end]')) {
    const passage = note.closest<HTMLElement>('.passage');
    if (!passage) continue;
    const start = Number(note.dataset.start);
    const end = Number(note.dataset.end);
    if (!(end > start)) continue;
    const marks = highlightOffsets(textElementOf(passage), start, end, {
      className: 'published-highlight',
      data: { publishedNote: note.id },
    });
    marks[0]?.setAttribute('aria-describedby', note.id);
  }
}
