/**
 * Where a quote link's text directive is in one passage's text: the spec's exact match
 * first, then, for text that changed slightly since the link was made, an approximate one.
 * Pure string work, no DOM: text and directive in, a `{start, end}` range out.
 */
import { matchQuote, type ApproximateSearch } from './match-quote';
import { findInPassage, type TextDirective } from './text-fragment';

/** Largest share of a directive's term that may differ from the passage's text. */
export const DIRECTIVE_ERROR_RATE = 0.25;

/**
 * The range of `text` the directive points at, or null when the passage no longer holds it.
 * Without `approximate` (approx-string-match's `search`, passed in so that pages load it
 * only with a quote link), only exact matches are found. For a `textStart,textEnd`
 * directive the end term is looked for after the start term, and both must be found.
 */
export function locateDirective(
  text: string,
  directive: TextDirective,
  approximate?: ApproximateSearch,
): { start: number; end: number } | null {
  const exact = findInPassage(text, directive);
  if (exact || !approximate) return exact;
  const options = { maxErrorRate: DIRECTIVE_ERROR_RATE, approximate };
  const start = matchQuote(text, directive.textStart, { prefix: directive.prefix, suffix: directive.suffix }, options)[0];
  if (!start) return null;
  if (!directive.textEnd) return { start: start.start, end: start.end };
  const end = matchQuote(text.slice(start.end), directive.textEnd, { suffix: directive.suffix }, options)[0];
  return end ? { start: start.start, end: start.end + end.end } : null;
}
