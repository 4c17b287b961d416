/**
 * Telling real hits from loose ones. Pagefind has no typo tolerance, and a word it does not
 * know is split into smaller words it does know: "Afganistan" finds every passage with an
 * "a" in it. So a query word only counts as found when some word Pagefind marked in the
 * results starts like it (stemming and prefixes still count: "fighting" finds "fight",
 * "Tuni" finds "Tunisia"). Words are compared folded as the index folds them (fold.ts).
 * Pure string work, for dossier-search.ts.
 */
import { foldText, searchWords } from './fold';

/** A word folded to its letters and digits only: "Qur’anic" → "quranic", "al-Qaeda" → "alqaeda". */
const squash = (word: string) => foldText(word).replace(/[^\p{L}\p{N}]/gu, '');

/** The words of a query worth checking: three letters or more, folded, split at dashes. */
export function queryWords(query: string): string[] {
  return [...new Set(searchWords(query))].filter((w) => w.length > 2);
}

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/** Whether a marked word is a real hit for `word`: they share most of the word's start. */
export function hitsWord(word: string, marked: string): boolean {
  const needed = Math.min(word.length, Math.max(3, Math.ceil(word.length * 0.6)));
  return commonPrefix(squash(word), squash(marked)) >= needed;
}

/** The query words that none of the marked words is a real hit for. */
export function unfoundWords(query: string, marked: Iterable<string>): string[] {
  // "al-Baghdadi" is a hit for "Baghdadi" and for "alBaghdadi": count the parts and the whole
  const words = new Set([...marked].flatMap((m) => [squash(m), ...searchWords(m)]).filter(Boolean));
  return queryWords(query).filter((q) => ![...words].some((m) => hitsWord(q, m)));
}

/** The words Pagefind marked in one result: its content's words at the hit locations. */
export function markedWords(result: { locations?: number[]; raw_content?: string; content?: string }): string[] {
  const words = (result.raw_content ?? result.content ?? '').split(/[^\S\uFEFF]+/);
  return (result.locations ?? []).map((i) => words[i] ?? '').filter(Boolean);
}
