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

export interface NormalizeOptions {
  /** Lower-case each character (keeping lengths). */
  lowerCase?: boolean;
  /**
   * Compare base characters only, as a collator's primary level does and as browsers match
   * text fragments: case folded, accents and other marks dropped, compatibility forms
   * (ligatures, full-width letters) decomposed.
   */
  baseCharacters?: boolean;
}

/** Combining marks: dropped when comparing base characters. */
const MARK = /\p{M}/u;

/** Collapses runs of white space to a single space (and optionally folds case or compares base characters only). */
export function normalizeText(original: string, options: NormalizeOptions = {}): NormalizedText {
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
    if (options.baseCharacters) {
      for (const base of baseCharacters(ch)) {
        text += base;
        map.push(i);
      }
      continue;
    }
    text += options.lowerCase ? lowerCaseChar(ch) : ch;
    map.push(i);
  }
  map.push(original.length);
  return { text, map };
}

/** One UTF-16 unit's base characters: decomposed, marks dropped, lower-cased (may be empty or several). */
function baseCharacters(ch: string): string {
  if (ch < '\u00c0') return ch.toLowerCase();
  let out = '';
  for (const part of ch.normalize('NFKD')) if (!MARK.test(part)) out += part.toLowerCase();
  return out;
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
