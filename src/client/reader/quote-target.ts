/**
 * Marks the quote of a text fragment inside its passage, for browsers that do
 * not act on text fragments and for text that changed slightly since the link
 * was made: the spec's exact match first, then an approximate one.
 */
import approximate from 'approx-string-match';
import { matchQuote } from '../../annotations/anchoring/match-quote';
import { findInPassage, type TextDirective } from '../../annotations/anchoring/text-fragment';
import { highlightRange, removeHighlights } from '../dom/highlighter';
import { rangeFromOffsets } from '../dom/text-range';

const FUZZY_RATE = 0.25;

/** Where a directive's quote is in `text`, or null. */
export function locateDirective(text: string, directive: TextDirective): { start: number; end: number } | null {
  const exact = findInPassage(text, directive);
  if (exact) return exact;
  const context = { prefix: directive.prefix, suffix: directive.suffix };
  const start = matchQuote(text, directive.textStart, context, { maxErrorRate: FUZZY_RATE, approximate })[0];
  if (!start) return null;
  if (!directive.textEnd) return { start: start.start, end: start.end };
  const rest = text.slice(start.end);
  const end = matchQuote(rest, directive.textEnd, { suffix: directive.suffix }, { maxErrorRate: FUZZY_RATE, approximate })[0];
  return end ? { start: start.start, end: start.end + end.end } : null;
}

/** Marks the first directive found in the passage; returns the first mark, or null if none was found. */
export function markQuote(passage: HTMLElement, directives: readonly TextDirective[]): HTMLElement | null {
  const container = passage.querySelector('.passage-text') ?? passage;
  removeHighlights(document.querySelectorAll('mark.quote-target'));
  for (const directive of directives) {
    const found = locateDirective(container.textContent ?? '', directive);
    if (!found) continue;
    const marks = highlightRange(rangeFromOffsets(container, found.start, found.end), { className: 'quote-target' });
    if (marks[0]) return marks[0];
  }
  return null;
}
