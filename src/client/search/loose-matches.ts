/**
 * Telling real hits from loose ones. Pagefind has no typo tolerance, and a word it does not
 * know is split into smaller words it does know: "Afganistan" finds every passage with an
 * "a" in it. So a query word only counts as found when some word Pagefind marked in the
 * results starts like it (stemming and prefixes still count: "fighting" finds "fight",
 * "Tuni" finds "Tunisia"). Pure string work, for dossier-search.ts.
 */

const fold = (word: string) =>
  word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** The words of a query worth checking: two letters or more, folded. */
export function queryWords(query: string): string[] {
  return [...new Set((query.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).map(fold))].filter((w) => w.length > 2);
}

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/** Whether a marked word is a real hit for `word`: they share most of the word's start. */
export function hitsWord(word: string, marked: string): boolean {
  const needed = Math.min(word.length, Math.max(3, Math.ceil(word.length * 0.6)));
  return commonPrefix(fold(word), fold(marked)) >= needed;
}

/** The query words that none of the marked words is a real hit for. */
export function unfoundWords(query: string, marked: Iterable<string>): string[] {
  // "al-Baghdadi" is a hit for "Baghdadi" too: count the parts of hyphenated words
  const parts = [...marked].flatMap((m) => [m, ...m.split(/[-‐‑'’]/)]);
  const words = [...new Set(parts.map(fold).filter(Boolean))];
  return queryWords(query).filter((q) => !words.some((m) => hitsWord(q, m)));
}

/** The words Pagefind marked in one result: its content's words at the hit locations. */
export function markedWords(result: { locations?: number[]; raw_content?: string; content?: string }): string[] {
  const words = (result.raw_content ?? result.content ?? '').split(/[^\S\uFEFF]+/);
  return (result.locations ?? []).map((i) => words[i] ?? '').filter(Boolean);
}
