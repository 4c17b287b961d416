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
 * Not quadratic: an inverted index (stem → passages) finds candidates, and only stems held by
 * at most `maxPostings` passages are used to find and score them. Very common stems carry
 * little IDF weight anyway, so leaving them out changes scores slightly and saves most of the work.
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
}

export interface RelatedLink {
  id: string;
  /** cosine + themeWeight × Jaccard of themes, rounded to 3 decimals. */
  score: number;
  /** Lexical part of the score (cosine), rounded to 3 decimals. */
  similarity: number;
  sharedThemes: string[];
}

export const RELATED_DEFAULTS = { max: 3, threshold: 0.2, minSimilarity: 0.1, themeWeight: 0.15 } as const;

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
  const n = passages.length;
  const maxPostings = options.maxPostings ?? Math.max(50, Math.ceil(n * 0.02));

  // Stem ids and counts per passage.
  const stemIds = new Map<string, number>();
  const docTerms: Map<number, number>[] = passages.map((p) => {
    const counts = new Map<number, number>();
    for (const s of contentStems(p.text)) {
      let id = stemIds.get(s);
      if (id === undefined) stemIds.set(s, (id = stemIds.size));
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  });

  const df = new Uint32Array(stemIds.size);
  for (const terms of docTerms) for (const id of terms.keys()) df[id]!++;

  // Normalised TF-IDF vectors, keeping only the usable (rare enough) stems.
  const vectors: { id: number; weight: number }[][] = [];
  const postingCount = new Uint32Array(stemIds.size);
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
    const vector = weights.filter(([id]) => df[id]! <= maxPostings).map(([id, w]) => ({ id, weight: w / norm }));
    for (const { id } of vector) postingCount[id]!++;
    vectors.push(vector);
  }

  // Inverted index in flat typed arrays: the postings of stem i are at [offset[i], offset[i + 1]).
  const offset = new Uint32Array(stemIds.size + 1);
  for (let i = 0; i < stemIds.size; i++) offset[i + 1] = offset[i]! + postingCount[i]!;
  const postingDoc = new Uint32Array(offset[stemIds.size]!);
  const postingWeight = new Float64Array(offset[stemIds.size]!);
  const fill = offset.slice(0, stemIds.size);
  for (let d = 0; d < n; d++) {
    for (const { id, weight } of vectors[d]!) {
      const at = fill[id]!++;
      postingDoc[at] = d;
      postingWeight[at] = weight;
    }
  }

  const articleIndex = new Map<string, number>();
  const articleOf = Int32Array.from(passages, (p) => {
    let a = articleIndex.get(p.article);
    if (a === undefined) articleIndex.set(p.article, (a = articleIndex.size));
    return a;
  });
  const themesOf = passages.map((p) => themesById.get(p.id) ?? []);
  const acc = new Float64Array(n);
  const result = new Map<string, RelatedLink[]>();

  for (let d = 0; d < n; d++) {
    const touched: number[] = [];
    const ownArticle = articleOf[d];
    for (const own of vectors[d]!) {
      for (let at = offset[own.id]!, end = offset[own.id + 1]!; at < end; at++) {
        const doc = postingDoc[at]!;
        if (articleOf[doc] === ownArticle) continue;
        if (acc[doc] === 0) touched.push(doc);
        acc[doc]! += own.weight * postingWeight[at]!;
      }
    }
    const links: RelatedLink[] = [];
    for (const other of touched) {
      const cosine = acc[other]!;
      acc[other] = 0;
      // The theme share adds at most themeWeight: skip what cannot reach the threshold.
      if (cosine < minSimilarity || cosine + themeWeight < threshold) continue;
      const shared = themesOf[d]!.filter((t) => themesOf[other]!.includes(t));
      const union = new Set([...themesOf[d]!, ...themesOf[other]!]).size;
      const score = cosine + (union ? (themeWeight * shared.length) / union : 0);
      if (score >= threshold) {
        links.push({ id: passages[other]!.id, score: round3(score), similarity: round3(cosine), sharedThemes: shared });
      }
    }
    links.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    result.set(passages[d]!.id, links.slice(0, max));
  }
  return result;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
