/**
 * Selectors from a character range of a passage, and back: the
 * `toSelector` / `fromSelector` halves of anchoring, with no DOM.
 */
import {
  FRAGMENT_CONFORMS_TO,
  type FragmentSelector,
  type PassageText,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './types';

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

export type PassageSelectors = [FragmentSelector, TextPositionSelector, TextQuoteSelector];

/** Shrinks a range so it neither starts nor ends with white space. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

/** The three selectors describing `passage.text.slice(start, end)`. Throws on an empty range. */
export function selectorsFor(passage: PassageText, start: number, end: number): PassageSelectors {
  const range = trimRange(passage.text, start, end);
  if (range.start === range.end) throw new RangeError(`Empty selection in passage ${passage.id}`);
  return [
    { type: 'FragmentSelector', value: passage.id, conformsTo: FRAGMENT_CONFORMS_TO },
    { type: 'TextPositionSelector', start: range.start, end: range.end },
    {
      type: 'TextQuoteSelector',
      exact: passage.text.slice(range.start, range.end),
      prefix: passage.text.slice(Math.max(0, range.start - CONTEXT_LENGTH), range.start),
      suffix: passage.text.slice(range.end, range.end + CONTEXT_LENGTH),
    },
  ];
}

/** What the selectors of a target say, each part optional. */
export interface AnchorTarget {
  passageId?: string;
  position?: { start: number; end: number };
  quote?: { exact: string; prefix?: string; suffix?: string };
}

export function targetFromSelectors(selectors: readonly Selector[]): AnchorTarget {
  const target: AnchorTarget = {};
  for (const selector of selectors) {
    if (selector.type === 'FragmentSelector') target.passageId = selector.value;
    else if (selector.type === 'TextPositionSelector') target.position = { start: selector.start, end: selector.end };
    else if (selector.type === 'TextQuoteSelector') {
      target.quote = { exact: selector.exact };
      if (selector.prefix !== undefined) target.quote.prefix = selector.prefix;
      if (selector.suffix !== undefined) target.quote.suffix = selector.suffix;
    }
  }
  return target;
}
