/** Small text helpers shared by the stages. Pure. */

/**
 * Collapses every run of whitespace (spaces, tabs, U+00A0 no-break spaces and the
 * other Unicode spaces `\s` knows) to one space and trims the ends.
 * This is the only change the normaliser makes to article text.
 */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The words of a text: whitespace-separated tokens with at least one letter or digit. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token));
}

/** Reading speed used for `readingMinutes`. */
export const WORDS_PER_MINUTE = 230;

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

/** "1 heading", "5 headings" */
export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
