/**
 * Text fragments (https://wicg.github.io/scroll-to-text-fragment/): a matcher
 * that follows the spec's rules closely enough to check that a directive finds
 * what we meant, and the choice of a directive for a range. Encoding and
 * parsing are part of the site's contract (src/contract/text-fragment.ts).
 *
 * Pure string work, no DOM.
 */
import { collapseSpace, normalizeText, toOriginalRange } from './normalize';

import type { TextDirective } from '../../contract/text-fragment';

export { encodeTerm, encodeTextDirective, parseFragment, passageFragment, type ParsedFragment, type TextDirective } from '../../contract/text-fragment';

/** Quotes longer than this are linked as `textStart,textEnd` to keep URLs short. */
export const LONG_QUOTE = 80;
/** Words put in textStart / textEnd of a long quote, at first. */
const EDGE_WORDS = 4;
/** Most words of prefix or suffix tried to make a directive unambiguous. */
const MAX_CONTEXT_WORDS = 6;

/* ---------- matching ---------- */

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR.test(ch);
/** A word boundary: not between two word characters. */
const isBoundary = (text: string, at: number) => !(isWordChar(text[at - 1]) && isWordChar(text[at]));

/** Search view: white space collapsed and case folded, as the spec's matching ignores both. */
interface View {
  text: string;
  map: number[];
}

/** Browsers match text fragments on base characters: case and accents ignored. */
const FOLD = { baseCharacters: true } as const;
const fold = (term: string) => normalizeText(collapseSpace(term), FOLD).text;

/** The last text searched and its view: a directive is checked many times against one page's text. */
let lastView: { text: string; view: View } | undefined;
function searchView(text: string): View {
  if (lastView?.text !== text) lastView = { text, view: normalizeText(text, FOLD) };
  return lastView.view;
}

function occurrences(view: View, term: string, from: number): number[] {
  const out: number[] = [];
  for (let at = view.text.indexOf(term, from); at !== -1; at = view.text.indexOf(term, at + 1)) {
    // The spec only matches at word boundaries.
    if (isBoundary(view.text, at) && isBoundary(view.text, at + term.length)) out.push(at);
  }
  return out;
}

/** Skips one collapsed space in the view. */
const skipSpace = (view: View, at: number) => (view.text[at] === ' ' ? at + 1 : at);
const skipSpaceBack = (view: View, at: number) => (view.text[at - 1] === ' ' ? at - 1 : at);

/**
 * The first range of `text` the directive selects, or null. Follows the
 * spec's order (prefix, start, end, suffix; first match wins), comparing base
 * characters (case and accents ignored) with white space collapsed. Matches may
 * cross block boundaries here, where a browser's may not: a directive found first
 * here is found first by the browser too.
 */
export function findTextDirective(text: string, directive: TextDirective): { start: number; end: number } | null {
  const view = searchView(text);
  const start = fold(directive.textStart);
  const end = directive.textEnd ? fold(directive.textEnd) : undefined;
  const prefix = directive.prefix ? fold(directive.prefix) : undefined;
  const suffix = directive.suffix ? fold(directive.suffix) : undefined;
  if (!start) return null;

  for (const s of occurrences(view, start, 0)) {
    if (prefix) {
      const before = skipSpaceBack(view, s);
      if (!view.text.slice(0, before).endsWith(prefix) || !isBoundary(view.text, before - prefix.length)) continue;
    }
    const ends = end ? occurrences(view, end, s + start.length).map((e) => e + end.length) : [s + start.length];
    for (const e of ends) {
      if (suffix) {
        const after = skipSpace(view, e);
        if (!view.text.startsWith(suffix, after) || !isBoundary(view.text, after + suffix.length)) {
          if (end) continue;
          break;
        }
      }
      const found = toOriginalRange(view, s, e);
      // Combining marks after the last letter were dropped from the view; they belong to the match.
      while (found.end < text.length && /\p{M}/u.test(text[found.end]!)) found.end++;
      return found;
    }
  }
  return null;
}

/* ---------- choosing a directive ---------- */

export interface DirectiveScope {
  /** The text the browser will search (e.g. every passage of the article, joined). */
  text: string;
  /** Where the passage starts in it. */
  offset: number;
}

/** Expands a range to whole words and trims white space at its ends. */
export function wordRange(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  if (s === e) return { start: s, end: e };
  while (s > 0 && isWordChar(text[s - 1]) && isWordChar(text[s])) s--;
  while (e < text.length && isWordChar(text[e]) && isWordChar(text[e - 1])) e++;
  return { start: s, end: e };
}

/** The words of a string with their offsets. */
function words(text: string): { start: number; end: number }[] {
  return [...text.matchAll(/\S+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * A directive that selects `passageText.slice(start, end)` (widened to whole
 * words) as the first match in `scope`: a plain quote, or start/end terms for a
 * long one, with as few words of prefix and suffix as make it unambiguous.
 * Context is taken from the passage only. When nothing disambiguates it (the
 * same words repeat with the same surroundings), the most specific directive is
 * returned: the passage id in the same link still puts the reader in the right place.
 */
export function textDirectiveFor(passageText: string, start: number, end: number, scope?: DirectiveScope): TextDirective {
  const range = wordRange(passageText, start, end);
  if (range.start === range.end) throw new RangeError('Cannot link to an empty quote');
  const within = scope ?? { text: passageText, offset: 0 };
  const target = { start: within.offset + range.start, end: within.offset + range.end };
  const quote = passageText.slice(range.start, range.end);
  const quoteWords = words(quote);
  const before = words(passageText.slice(0, range.start));
  const after = words(passageText.slice(range.end)).map((w) => ({ start: w.start + range.end, end: w.end + range.end }));

  const bodies: Pick<TextDirective, 'textStart' | 'textEnd'>[] = [];
  if (collapseSpace(quote).length <= LONG_QUOTE || quoteWords.length < EDGE_WORDS * 2 + 1) {
    bodies.push({ textStart: collapseSpace(quote) });
  } else {
    const half = Math.floor(quoteWords.length / 2);
    for (let n = EDGE_WORDS; n <= half; n += 2) {
      bodies.push({
        textStart: collapseSpace(quote.slice(0, quoteWords[n - 1]!.end)),
        textEnd: collapseSpace(quote.slice(quoteWords[quoteWords.length - n]!.start)),
      });
    }
  }

  let fallback: TextDirective | undefined;
  for (const body of bodies) {
    for (let extra = 0; extra <= MAX_CONTEXT_WORDS * 2; extra++) {
      // Alternate: suffix first (reads naturally), then prefix, growing both.
      const suffixWords = Math.min(after.length, Math.ceil(extra / 2));
      const prefixWords = Math.min(before.length, Math.floor(extra / 2));
      const directive: TextDirective = { ...body };
      if (prefixWords) directive.prefix = collapseSpace(passageText.slice(before[before.length - prefixWords]!.start, range.start));
      if (suffixWords) directive.suffix = collapseSpace(passageText.slice(range.end, after[suffixWords - 1]!.end));
      const found = findTextDirective(within.text, directive);
      if (found && found.start === target.start && found.end === target.end) return directive;
      fallback = directive;
    }
  }
  return fallback ?? { textStart: collapseSpace(quote) };
}

/**
 * Locates a directive inside one passage's text: exact (per the spec's rules)
 * when possible. Returns null when the passage no longer holds the quote; the
 * caller then tries approximate matching.
 */
export function findInPassage(passageText: string, directive: TextDirective): { start: number; end: number } | null {
  return findTextDirective(passageText, directive) ?? findTextDirective(passageText, { textStart: directive.textStart, ...(directive.textEnd ? { textEnd: directive.textEnd } : {}) });
}
