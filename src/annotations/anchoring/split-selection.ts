/**
 * A selection that runs over several passages, cut into one range per passage: an
 * annotation belongs to one passage (its FragmentSelector), so a reader who highlights
 * across passages gets one annotation in each. Pure: offsets only, no DOM.
 */
import { trimRange } from './selectors';
import type { PassageText } from './types';

export interface PassagePoint {
  /** Index in the passages given. */
  index: number;
  /** Character offset in that passage's text. */
  offset: number;
}

export interface PassageRange {
  passageId: string;
  start: number;
  end: number;
}

/**
 * The part of each passage from `from` to `to` (in reading order), each trimmed of white
 * space at its ends; passages where only white space is selected are left out.
 */
export function splitAcrossPassages(passages: readonly PassageText[], from: PassagePoint, to: PassagePoint): PassageRange[] {
  const [first, last] = from.index < to.index || (from.index === to.index && from.offset <= to.offset) ? [from, to] : [to, from];
  const parts: PassageRange[] = [];
  for (let i = Math.max(0, first.index); i <= Math.min(last.index, passages.length - 1); i++) {
    const { id, text } = passages[i]!;
    const start = i === first.index ? first.offset : 0;
    const end = i === last.index ? last.offset : text.length;
    const range = trimRange(text, start, end);
    if (range.end > range.start) parts.push({ passageId: id, ...range });
  }
  return parts;
}
