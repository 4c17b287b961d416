/**
 * Query understanding: text folded the way Pagefind 1.6 folds it, and the queries to run
 * for what a reader types. Pure string work (no DOM), shared by the search page, the hit
 * marks on the article page and the loose-match check.
 *
 * What Pagefind does (checked against its index, tests/unit/search-fold.test.ts):
 *   - diacritics are normalised on both sides ("al-Sham" finds "al-Shām");
 *   - apostrophes are dropped on both sides ("Qur'anic" finds "Qur’anic" and "Quranic");
 *   - a word written with a dash is indexed joined and in parts ("al-Qaeda" → alqaeda, al,
 *     qaeda), but a dash in the *query* only joins ("al-Qaeda" → alqaeda), so the query
 *     misses a text that writes "al Qaeda". Hence `queryForms`.
 */

/** Dashes of every kind (hyphen-minus, hyphen, non-breaking hyphen, en and em dash…). */
const DASH = /\p{Pd}/u;
/** Apostrophes and the marks people type for them. */
const APOSTROPHE = /['’‘ʼ`´]/u;

/** One character (or grapheme piece) folded: no diacritics, lower case, no apostrophe, a dash as a space. */
function foldChar(char: string): string {
  if (APOSTROPHE.test(char)) return '';
  if (DASH.test(char)) return ' ';
  return char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Text folded for matching: "Al-Shām’s" → "al shams". */
export function foldText(text: string): string {
  return Array.from(text, foldChar).join('');
}

/**
 * Where a term stands in a text, both folded: at the start of one of its words ("tu" in "Turkey"),
 * inside one ("tu" in "Institute"), or nowhere (null). The find fields list the first before the second.
 */
export function termPlace(folded: string, term: string): 'word' | 'within' | null {
  if (!folded.includes(term)) return null;
  return ` ${folded}`.includes(` ${term}`) ? 'word' : 'within';
}

/**
 * Text folded with, for every folded character, the offset of the original character it
 * came from (and one more entry: the text's length), so a match in the folded text can be
 * marked in the original.
 */
export function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  let index = 0;
  for (const char of text) {
    const out = foldChar(char);
    for (let i = 0; i < out.length; i++) offsets.push(index);
    folded += out;
    index += char.length;
  }
  offsets.push(text.length);
  return { folded, offsets };
}

/** The words search sees in a text or query: folded, split at spaces, dashes and punctuation. */
export function searchWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Whether the query is one exact phrase in double quotes (Pagefind's exact search). */
const isPhrase = (query: string) => /^\s*".+"\s*$/u.test(query);

/** A dash between two letters or digits: the compounds a dash can join or split. */
const INNER_DASH = /(?<=[\p{L}\p{N}])\p{Pd}(?=[\p{L}\p{N}])/u;

/**
 * The Pagefind queries to run for what the reader typed, whose results are merged (and
 * de-duplicated): the query itself, and for a word written with a dash the same words
 * apart — as an exact phrase when the query is that one compound ("al-Qaeda" also finds
 * "al Qaeda", not "al … Qaeda"), else as plain words. A query with spaces needs nothing
 * more: Pagefind indexes the parts of dashed words, so "al Qaeda" already finds "al-Qaeda".
 */
export function queryForms(query: string): string[] {
  const trimmed = query.trim().replace(/\s+/gu, ' ');
  if (!trimmed) return [];
  if (isPhrase(trimmed) || !INNER_DASH.test(trimmed)) return [trimmed];
  const apart = trimmed.replace(new RegExp(INNER_DASH.source, 'gu'), ' ');
  const single = !trimmed.includes(' ');
  return [trimmed, single ? `"${apart}"` : apart];
}
