/**
 * Marks the quote of a text fragment inside its passage, for browsers that do
 * not act on text fragments and for text that changed slightly since the link
 * was made. Finding it is pure string work (locateDirective); this module draws it.
 */
import approximate from 'approx-string-match';
import { locateDirective } from '../../annotations/anchoring/locate-directive';
import type { TextDirective } from '../../annotations/anchoring/text-fragment';
import { highlightOffsets, removeHighlights } from '../dom/highlighter';

/** Marks the first directive found in the passage; returns the first mark, or null if none was found. */
export function markQuote(passage: HTMLElement, directives: readonly TextDirective[]): HTMLElement | null {
  const container = passage.querySelector('.passage-text') ?? passage;
  removeHighlights(document.querySelectorAll('mark.quote-target'));
  for (const directive of directives) {
    const found = locateDirective(container.textContent ?? '', directive, approximate);
    if (!found) continue;
    const marks = highlightOffsets(container, found.start, found.end, { className: 'quote-target' });
    if (marks[0]) return marks[0];
  }
  return null;
}
