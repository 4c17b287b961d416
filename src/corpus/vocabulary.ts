/**
 * "Did you mean …?" for search: a small list of the dossier's words and entity names, and
 * a pure `suggest` that corrects each unknown word of a query to the closest known word by
 * Damerau–Levenshtein distance (optimal string alignment: insertions, deletions,
 * substitutions and swaps of neighbouring letters each cost 1).
 *
 * The list is shipped to the browser as JSON, so it is kept small: words of four or more
 * letters, no stop words, no numbers, most frequent first (that order breaks ties), each in
 * its most frequent spelling ("Tunisia", "returnees").
 */
import type { PassageLike } from './analysis-types';
import type { EntityIndex } from './entities';
import { STOP_WORDS } from './text';

export interface Vocabulary {
  /** Schema version of this JSON. */
  version: 1;
  /** Known words, most frequent first. */
  words: string[];
}

export const MIN_WORD_LENGTH = 4;
// Letters (with inner apostrophes or hyphens), as a reader would type them.
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

/** Build the vocabulary from passage texts and entity names (entity words rank first). */
export function buildVocabulary(passages: readonly PassageLike[], entities: EntityIndex): Vocabulary {
  const counts = new Map<string, { total: number; forms: Map<string, number> }>();
  const add = (form: string, weight: number) => {
    const clean = form.replace(/['’]s$/u, '');
    const key = clean.toLowerCase();
    if (key.length < MIN_WORD_LENGTH || STOP_WORDS.has(key)) return;
    const entry = counts.get(key) ?? { total: 0, forms: new Map() };
    entry.total += weight;
    entry.forms.set(clean, (entry.forms.get(clean) ?? 0) + weight);
    counts.set(key, entry);
  };
  for (const p of passages) for (const m of p.text.matchAll(WORD)) add(m[0], 1);
  // Entity names weigh more: they are what people search for. Only names as written in the
  // text count, so a suggestion always finds something.
  for (const e of entities.entities) {
    const written = new Set(e.mentions.map((m) => m.text));
    for (const name of written) for (const m of name.matchAll(WORD)) add(m[0], 2 + e.mentions.length);
  }
  const words = [...counts.entries()]
    .sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))
    .map(([, entry]) => mostFrequentForm(entry.forms));
  return { version: 1, words };
}

/** Prefer the most frequent spelling; on a tie, the capitalised one ("Tunisia" over "tunisia"). */
function mostFrequentForm(forms: Map<string, number>): string {
  return [...forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/** Optimal-string-alignment (restricted Damerau–Levenshtein) distance, stopping early past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prev2 = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = new Array<number>(cols);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[cols - 1]!;
}

/** How many edits a word of this length may need: 1 up to 5 letters, 2 up to 8, then 3. */
export const allowedEdits = (length: number) => (length <= 5 ? 1 : length <= 8 ? 2 : 3);

export interface Suggestion {
  /** The corrected query. */
  text: string;
  /** Total edits from the query. */
  distance: number;
}

/**
 * Suggest corrected queries: each word of the query that the vocabulary lacks is replaced by
 * its closest known word (ties go to the more frequent). Returns up to `max` suggestions, best
 * first — alternatives vary the first unknown word — or none when every word is known or
 * nothing is close enough.
 */
export function suggest(query: string, vocabulary: Vocabulary, { max = 3 } = {}): Suggestion[] {
  const known = new Set(vocabulary.words.map((w) => w.toLowerCase()));
  const parts = query.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return [];

  const options = parts.map((word) => {
    const lower = word.toLowerCase();
    if (known.has(lower) || lower.length < MIN_WORD_LENGTH || !/\p{L}/u.test(lower)) return [{ word, distance: 0 }];
    const limit = allowedEdits(lower.length);
    const found: { word: string; distance: number; rank: number }[] = [];
    vocabulary.words.forEach((candidate, rank) => {
      const d = editDistance(lower, candidate.toLowerCase(), limit);
      if (d <= limit) found.push({ word: candidate, distance: d, rank });
    });
    return found.sort((a, b) => a.distance - b.distance || a.rank - b.rank);
  });
  if (options.every((o, i) => o[0]?.distance === 0 && o[0].word === parts[i])) return [];
  if (options.some((o) => o.length === 0)) return [];

  const best = options.map((o) => o[0]!);
  const firstUnknown = options.findIndex((o) => o[0]!.distance > 0);
  const suggestions = options[firstUnknown]!.slice(0, max).map((alt) => {
    const words = best.map((b, i) => (i === firstUnknown ? alt : b));
    return { text: words.map((w) => w.word).join(' '), distance: words.reduce((n, w) => n + w.distance, 0) };
  });
  return suggestions.sort((a, b) => a.distance - b.distance);
}
