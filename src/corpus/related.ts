/**
 * Related passages: for each passage, up to `max` passages from OTHER articles that say
 * something close to it.
 *
 * Similarity, in plain words:
 *   1. Each passage becomes a bag of word stems, stop words and numbers removed.
 *   2. Each stem is weighted by TF-IDF: (1 + log count in the passage) × log(N / passages
 *      containing it), so words every passage uses count for little and distinctive ones a lot.
 *      Vectors are normalised to length 1.
 *   3. Lexical similarity is the cosine of two vectors (0 = no words in common, 1 = same words
 *      in the same proportions).
 *   4. score = cosine + themeWeight × (shared themes / themes of either), and a link is kept
 *      when score ≥ threshold and cosine ≥ minSimilarity: weak matches stay hidden, and
 *      sharing a theme is not enough on its own.
 * The score is symmetric, so if A lists B, B's candidates include A with the same score (B may
 * still show three better ones).
 *
 * Linear in the number of passages: an inverted index (stem → passages) finds candidates,
 * and only stems held by at most `maxPostings` passages are used to find and score them (very
 * common stems carry little IDF weight anyway). That cap grows with the corpus (2 %), so each
 * posting list does too; to keep the work per passage bounded, a passage visits the posting
 * lists of its rarest stems first and stops before it would visit more than `maxVisits`
 * postings. The candidates it found are then scored on ALL their shared stems, so a link's
 * score never depends on the budget; only a pair that shares no stem rare enough to be
 * visited is not found (rare stems are what make two passages alike). A dossier of a few
 * hundred passages stays well under the budget and gets exactly the all-pairs result.
 */
import type { PassageLike } from './analysis-types';
import { STOP_WORDS, tokenize } from './text';

export interface RelatedOptions {
  /** Links per passage (default 3). */
  max?: number;
  /** Minimum score for a link (default 0.2). */
  threshold?: number;
  /** Minimum cosine for a link, whatever the themes (default 0.1): themes alone do not relate passages. */
  minSimilarity?: number;
  /** Weight of the shared-theme share (Jaccard) added to the cosine (default 0.15). */
  themeWeight?: number;
  /** Stems held by more passages than this are not used (default max(50, 2% of passages)). */
  maxPostings?: number;
  /** Postings one passage may visit to find its candidates, rarest stems first (default 1,000). */
  maxVisits?: number;
  /** The content stems of a text (default: contentStems; the build passes a cached one). */
  stemsOf?: (text: string) => readonly string[];
}

export interface RelatedLink {
  id: string;
  /** cosine + themeWeight × Jaccard of themes, rounded to 3 decimals. */
  score: number;
  /** Lexical part of the score (cosine), rounded to 3 decimals. */
  similarity: number;
  sharedThemes: string[];
}

export const RELATED_DEFAULTS = { max: 3, threshold: 0.2, minSimilarity: 0.1, themeWeight: 0.15, maxVisits: 1000 } as const;

/** The stems of a text that similarity compares: no stop words, no numbers, no single letters. */
export function contentStems(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.norm.length > 1 && !STOP_WORDS.has(t.norm) && !/^\d/.test(t.norm))
    .map((t) => t.stem);
}

export function relatedPassages(
  passages: readonly PassageLike[],
  themesById: ReadonlyMap<string, readonly string[]>,
  options: RelatedOptions = {},
): Map<string, RelatedLink[]> {
  const max = options.max ?? RELATED_DEFAULTS.max;
  const threshold = options.threshold ?? RELATED_DEFAULTS.threshold;
  const themeWeight = options.themeWeight ?? RELATED_DEFAULTS.themeWeight;
  const minSimilarity = options.minSimilarity ?? RELATED_DEFAULTS.minSimilarity;
  const maxVisits = options.maxVisits ?? RELATED_DEFAULTS.maxVisits;
  const stemsOf = options.stemsOf ?? contentStems;
  const n = passages.length;
  const maxPostings = options.maxPostings ?? Math.max(50, Math.ceil(n * 0.02));

  // Stem ids and counts per passage.
  const stemIds = new Map<string, number>();
  const docTerms: Map<number, number>[] = passages.map((p) => {
    const counts = new Map<number, number>();
    for (const s of stemsOf(p.text)) {
      let id = stemIds.get(s);
      if (id === undefined) stemIds.set(s, (id = stemIds.size));
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  });
  const stems = stemIds.size;

  const df = new Uint32Array(stems);
  for (const terms of docTerms) for (const id of terms.keys()) df[id]!++;

  // Normalised TF-IDF vectors, keeping only the usable (rare enough) stems, in text order, in
  // flat typed arrays: passage d's stems and weights are at [vectorStart[d], vectorStart[d + 1]).
  const vectorStart = new Uint32Array(n + 1);
  const vectorStems: number[] = [];
  const vectorWeights: number[] = [];
  const postingCount = new Uint32Array(stems);
  for (let d = 0; d < n; d++) {
    const weights: [number, number][] = [];
    let norm = 0;
    for (const [id, count] of docTerms[d]!) {
      const w = (1 + Math.log(count)) * Math.log(n / df[id]!);
      if (w > 0) {
        weights.push([id, w]);
        norm += w * w;
      }
    }
    norm = Math.sqrt(norm) || 1;
    for (const [id, w] of weights) {
      if (df[id]! > maxPostings) continue;
      vectorStems.push(id);
      vectorWeights.push(w / norm);
      postingCount[id]!++;
    }
    vectorStart[d + 1] = vectorStems.length;
  }
  const vectorStem = Uint32Array.from(vectorStems);
  const vectorWeight = Float64Array.from(vectorWeights);

  // Inverted index, flat too: the postings of stem i are at [offset[i], offset[i + 1]).
  const offset = new Uint32Array(stems + 1);
  for (let i = 0; i < stems; i++) offset[i + 1] = offset[i]! + postingCount[i]!;
  const postingDoc = new Uint32Array(offset[stems]!);
  const postingWeight = new Float64Array(offset[stems]!);
  const fill = offset.slice(0, stems);
  for (let d = 0; d < n; d++) {
    for (let v = vectorStart[d]!; v < vectorStart[d + 1]!; v++) {
      const at = fill[vectorStem[v]!]!++;
      postingDoc[at] = d;
      postingWeight[at] = vectorWeight[v]!;
    }
  }

  const articleIndex = new Map<string, number>();
  const articleOf = Int32Array.from(passages, (p) => {
    let a = articleIndex.get(p.article);
    if (a === undefined) articleIndex.set(p.article, (a = articleIndex.size));
    return a;
  });
  const themesOf = passages.map((p) => themesById.get(p.id) ?? []);
  const themeCodes = themeCodesOf(themesOf);
  const acc = new Float64Array(n);
  // The candidates of the passage being ranked: touched[0, touchedCount).
  const touched = new Uint32Array(n);
  // The weights of the stems a passage did not visit, by stem id (zero elsewhere).
  const unvisited = new Float64Array(stems);
  const result = new Map<string, RelatedLink[]>();

  for (let d = 0; d < n; d++) {
    const ownArticle = articleOf[d];
    const { visit, skip } = visitOrder(vectorStart[d]!, vectorStart[d + 1]!, vectorStem, postingCount, maxVisits);
    let touchedCount = 0;
    for (const v of visit) {
      const stem = vectorStem[v]!;
      const weight = vectorWeight[v]!;
      for (let at = offset[stem]!, end = offset[stem + 1]!; at < end; at++) {
        const doc = postingDoc[at]!;
        if (articleOf[doc] === ownArticle) continue;
        if (acc[doc] === 0) touched[touchedCount++] = doc;
        acc[doc]! += weight * postingWeight[at]!;
      }
    }
    // A candidate's score counts every shared stem, visited or not.
    for (const v of skip) unvisited[vectorStem[v]!] = vectorWeight[v]!;
    const best: Scored[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const other = touched[t]!;
      let cosine = acc[other]!;
      acc[other] = 0;
      if (skip.length > 0) {
        for (let v = vectorStart[other]!, end = vectorStart[other + 1]!; v < end; v++) cosine += unvisited[vectorStem[v]!]! * vectorWeight[v]!;
      }
      // The theme share adds at most themeWeight: skip what cannot reach the threshold.
      if (cosine < minSimilarity || cosine + themeWeight < threshold) continue;
      const shared = sharedCount(themeCodes[d]!, themeCodes[other]!);
      const union = themeCodes[d]!.length + themeCodes[other]!.length - shared;
      const score = cosine + (union ? (themeWeight * shared) / union : 0);
      if (score >= threshold) keepBest(best, { doc: other, id: passages[other]!.id, score: round3(score), cosine }, max);
    }
    for (const v of skip) unvisited[vectorStem[v]!] = 0;
    result.set(
      passages[d]!.id,
      best.map(({ doc, id, score, cosine }) => ({
        id,
        score,
        similarity: round3(cosine),
        sharedThemes: themesOf[d]!.filter((t) => themesOf[doc]!.includes(t)),
      })),
    );
  }
  return result;
}

/** Each passage's themes as sorted small integers, to count shared themes without allocating. */
function themeCodesOf(themesOf: readonly (readonly string[])[]): Uint32Array[] {
  const codes = new Map<string, number>();
  return themesOf.map((themes) => {
    const own = new Set<number>();
    for (const t of themes) {
      let code = codes.get(t);
      if (code === undefined) codes.set(t, (code = codes.size));
      own.add(code);
    }
    return Uint32Array.from(own).sort();
  });
}

function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! === b[j]!) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

/**
 * Which entries [from, to) of a passage's vector it visits the posting lists of: all of them, in
 * text order, when their postings fit in the budget; else its rarest stems, as many as fit.
 */
function visitOrder(
  from: number,
  to: number,
  vectorStem: Uint32Array,
  postingCount: Uint32Array,
  budget: number,
): { visit: number[]; skip: number[] } {
  const entries: number[] = [];
  let total = 0;
  for (let v = from; v < to; v++) {
    entries.push(v);
    total += postingCount[vectorStem[v]!]!;
  }
  if (total <= budget) return { visit: entries, skip: [] };
  const count = (v: number) => postingCount[vectorStem[v]!]!;
  const rarestFirst = entries.sort((a, b) => count(a) - count(b) || vectorStem[a]! - vectorStem[b]!);
  let visits = 0;
  let cut = 0;
  while (cut < rarestFirst.length && visits + count(rarestFirst[cut]!) <= budget) visits += count(rarestFirst[cut++]!);
  return { visit: rarestFirst.slice(0, cut), skip: rarestFirst.slice(cut) };
}

/** A candidate link while ranking: the passage's index, its rounded score and its exact cosine. */
interface Scored {
  doc: number;
  id: string;
  score: number;
  cosine: number;
}
const better = (a: Scored, b: Scored) => b.score - a.score || a.id.localeCompare(b.id);

/** Keeps the `max` best links (score, then id), best first, without sorting every candidate. */
function keepBest(best: Scored[], link: Scored, max: number): void {
  if (max <= 0) return;
  if (best.length === max && better(link, best[max - 1]!) >= 0) return;
  let at = best.length < max ? best.length : max - 1;
  best[at] = link;
  for (; at > 0 && better(best[at]!, best[at - 1]!) < 0; at--) [best[at - 1], best[at]] = [best[at]!, best[at - 1]!];
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
