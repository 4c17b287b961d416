/**
 * Stable passage ids. Ids are a public API (permalinks, search deep links, annotation
 * anchors), so the previous output is the memory:
 *
 * 1. a paragraph whose text is unchanged keeps its id (hash map, in order);
 * 2. a leftover paragraph close to a leftover old one (a small edit) keeps that id;
 *    only old passages near its position are compared (a window), so the work stays
 *    linear in the article's size;
 * 3. any other paragraph gets a fresh id from a hash of its text, made longer on a
 *    collision; an id that ever existed in the article is never given to another text;
 * 4. an old id left over is retired and mapped to the passage now standing where it
 *    stood (the one after its nearest surviving predecessor); earlier retired ids are
 *    kept, re-pointed if their target has just retired.
 *
 * Pure: no files, no DOM.
 */
import { createHash } from 'node:crypto';
import type { IdReport, PassageRecord, PreviousArticle } from './types.ts';

/** Similarity (0–1) from which an edited paragraph keeps its old id. */
export const SIMILARITY_THRESHOLD = 0.75;
/** How far (in passages) from its expected place an edited paragraph is looked for. */
export const MATCH_WINDOW = 8;
/** Hex digits of a fresh id before collisions lengthen it. */
export const ID_HEX_DIGITS = 6;

export interface AssignInput {
  /** the article's idPrefix */
  prefix: string;
  /** the new paragraphs' texts, in order */
  texts: readonly string[];
  previous: PreviousArticle | null;
}

export interface AssignResult {
  ids: string[];
  retiredIds: Record<string, string>;
  report: IdReport;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The id a text gets when nothing is remembered: prefix + the shortest free hash prefix. */
export function freshId(prefix: string, text: string, taken: ReadonlySet<string>): string {
  for (let round = 0; ; round++) {
    const digest = sha256(round === 0 ? text : `${text}\n${round}`);
    for (let length = ID_HEX_DIGITS; length <= digest.length; length++) {
      const id = `${prefix}-${digest.slice(0, length)}`;
      if (!taken.has(id)) return id;
    }
  }
}

/** Character trigrams of a text, counted (lower-cased, so case-only edits count as small). */
function trigrams(text: string): Map<string, number> {
  const padded = `  ${text.toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const gram = padded.slice(i, i + 3);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Dice coefficient of two texts' trigram multisets: 1 for equal texts, 0 for nothing shared. */
export function similarity(a: string, b: string): number {
  return diceOf(trigrams(a), trigrams(b));
}

function diceOf(a: Map<string, number>, b: Map<string, number>): number {
  let sizeA = 0;
  let sizeB = 0;
  let shared = 0;
  for (const n of a.values()) sizeA += n;
  for (const [gram, n] of b) {
    sizeB += n;
    shared += Math.min(n, a.get(gram) ?? 0);
  }
  return sizeA + sizeB === 0 ? 1 : (2 * shared) / (sizeA + sizeB);
}

export function assignPassageIds({ prefix, texts, previous }: AssignInput): AssignResult {
  const old: readonly PassageRecord[] = previous?.passages ?? [];
  const oldRetired = previous?.retiredIds ?? {};
  if (texts.length === 0 && (old.length > 0 || Object.keys(oldRetired).length > 0)) {
    throw new Error('assignPassageIds: an article needs at least one passage to map retired ids to');
  }
  const newToOld: (number | undefined)[] = new Array(texts.length);
  const oldToNew: (number | undefined)[] = new Array(old.length);
  let exact = 0;
  let similar = 0;

  // 1. Unchanged text: first unused old passage with the same text.
  const byText = new Map<string, number[]>();
  old.forEach((passage, j) => {
    const list = byText.get(passage.text);
    if (list) list.push(j);
    else byText.set(passage.text, [j]);
  });
  const nextOfText = new Map<string, number>();
  texts.forEach((text, i) => {
    const list = byText.get(text);
    if (!list) return;
    const k = nextOfText.get(text) ?? 0;
    if (k >= list.length) return;
    nextOfText.set(text, k + 1);
    newToOld[i] = list[k];
    oldToNew[list[k]!] = i;
    exact++;
  });

  // 2. Small edits: compare each leftover with leftover old passages near its expected place.
  const leftovers = texts.map((_, i) => i).filter((i) => newToOld[i] === undefined);
  if (leftovers.length > 0 && oldToNew.length > exact) {
    const anchorBefore = new Array<{ newIndex: number; oldIndex: number }>(texts.length);
    let anchor = { newIndex: -1, oldIndex: -1 };
    texts.forEach((_, i) => {
      const j = newToOld[i];
      if (j !== undefined) anchor = { newIndex: i, oldIndex: j };
      anchorBefore[i] = anchor;
    });
    const oldGrams = new Map<number, Map<string, number>>();
    const gramsOfOld = (j: number) => {
      let grams = oldGrams.get(j);
      if (!grams) oldGrams.set(j, (grams = trigrams(old[j]!.text)));
      return grams;
    };
    const pairs: { i: number; j: number; score: number }[] = [];
    for (const i of leftovers) {
      const { newIndex, oldIndex } = anchorBefore[i]!;
      const expected = oldIndex + (i - newIndex);
      const grams = trigrams(texts[i]!);
      const length = texts[i]!.length;
      for (let j = Math.max(0, expected - MATCH_WINDOW); j <= Math.min(old.length - 1, expected + MATCH_WINDOW); j++) {
        if (oldToNew[j] !== undefined) continue;
        const oldLength = old[j]!.text.length;
        // Dice can't reach the threshold when one text is much shorter than the other.
        if ((2 * Math.min(length, oldLength)) / (length + oldLength) < SIMILARITY_THRESHOLD) continue;
        const score = diceOf(gramsOfOld(j), grams);
        if (score >= SIMILARITY_THRESHOLD) pairs.push({ i, j, score });
      }
    }
    pairs.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
    for (const { i, j } of pairs) {
      if (newToOld[i] !== undefined || oldToNew[j] !== undefined) continue;
      newToOld[i] = j;
      oldToNew[j] = i;
      similar++;
    }
  }

  // 3. Fresh ids for the rest; never reuse an id the article has ever had.
  const taken = new Set<string>([...old.map((p) => p.id), ...Object.keys(oldRetired)]);
  const ids = texts.map((text, i) => {
    const j = newToOld[i];
    if (j !== undefined) return old[j]!.id;
    const id = freshId(prefix, text, taken);
    taken.add(id);
    return id;
  });

  // 4. Retire the old ids left over, pointing each at the passage now in its place.
  const retiredIds: Record<string, string> = {};
  const retiredNow: string[] = [];
  let lastSurvivor = -1; // new index of the nearest surviving predecessor
  old.forEach((passage, j) => {
    const i = oldToNew[j];
    if (i !== undefined) {
      lastSurvivor = i;
      return;
    }
    retiredIds[passage.id] = ids[Math.min(lastSurvivor + 1, ids.length - 1)]!;
    retiredNow.push(passage.id);
  });
  const live = new Set(ids);
  for (const [id, target] of Object.entries(oldRetired)) {
    if (live.has(id)) continue;
    retiredIds[id] = live.has(target) ? target : (retiredIds[target] ?? ids[0]!);
  }

  const sorted: Record<string, string> = {};
  for (const id of Object.keys(retiredIds).sort()) sorted[id] = retiredIds[id]!;
  return {
    ids,
    retiredIds: sorted,
    report: { exact, similar, fresh: texts.length - exact - similar, retired: retiredNow },
  };
}
