/**
 * Whitespace-insensitive views of a text that remember where each character
 * came from, so a match found in the view maps back to the original offsets.
 */

/** Any run of white space, including no-break spaces and line breaks. */
const SPACE = /\s/u;

export interface NormalizedText {
  /** The text with every run of white space collapsed to one space. */
  text: string;
  /** `map[i]` is the offset in the original of the view's character `i`; `map[text.length]` is the original length. */
  map: number[];
}

/** Collapses runs of white space to a single space (and optionally lower-cases, keeping lengths). */
export function normalizeText(original: string, options: { lowerCase?: boolean } = {}): NormalizedText {
  let text = '';
  const map: number[] = [];
  let inSpace = false;
  for (let i = 0; i < original.length; i++) {
    const ch = original[i]!;
    if (SPACE.test(ch)) {
      if (!inSpace) {
        text += ' ';
        map.push(i);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    text += options.lowerCase ? lowerCaseChar(ch) : ch;
    map.push(i);
  }
  map.push(original.length);
  return { text, map };
}

/** Lower-cases one UTF-16 unit, unless doing so would change the length (e.g. "İ"). */
function lowerCaseChar(ch: string): string {
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower : ch;
}

/** Collapses white space and trims: the canonical form of a quote. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Maps a range of a normalised view back to the original text. */
export function toOriginalRange(view: NormalizedText, start: number, end: number): { start: number; end: number } {
  const originalStart = view.map[start]!;
  const originalEnd = end > start ? view.map[end - 1]! + 1 : originalStart;
  return { start: originalStart, end: originalEnd };
}
