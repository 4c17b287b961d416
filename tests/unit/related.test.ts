import { describe, expect, it } from 'vitest';
import type { PassageLike } from '../../src/corpus/analysis-types';
import { contentStems, relatedPassages, RELATED_DEFAULTS, type RelatedLink } from '../../src/corpus/related';
import { syntheticCorpus } from '../../scripts/bench/synthetic-passages';

const passage = (id: string, text: string): PassageLike => ({
  id,
  article: id.split('-')[0]!,
  order: 0,
  section: null,
  text,
});

// A small fixture: three sources, each a few passages.
const PASSAGES = [
  passage('cnn-000001', 'Returnees from Syria worry European security services, who struggle to track returning fighters.'),
  passage('cnn-000002', 'Returning fighters and returnees from Syria are tracked by European security services.'),
  passage('bbc-000001', 'European security services try to track returnees and returning fighters coming back from Syria.'),
  passage('bbc-000002', 'The group runs affiliates in Libya, Yemen and the Sinai, where fighters keep arriving.'),
  passage('ft-000001', 'Affiliates in Libya and Yemen grow as fighters arrive from Syria.'),
  passage('ft-000002', 'Ideologies are difficult to defeat with bombs alone.'),
  passage('io-000001', 'Security services in Europe also watch lone attackers.'),
];
const THEMES = new Map<string, string[]>([
  ['cnn-000001', ['returnees']],
  ['cnn-000002', ['returnees']],
  ['bbc-000001', ['returnees']],
  ['bbc-000002', ['affiliates']],
  ['ft-000001', ['affiliates']],
  ['io-000001', []],
]);

describe('contentStems', () => {
  it('should drop stop words and numbers and keep stems', () => {
    expect(contentStems('The 3,000 returnees were returning to Europe')).toEqual(['returne', 'return', 'europ']);
  });
});

describe('relatedPassages', () => {
  const related = relatedPassages(PASSAGES, THEMES, { max: 3, threshold: 0.2 });

  it('should only link passages of other sources', () => {
    for (const [id, links] of related) {
      for (const link of links) expect(link.id.split('-')[0]).not.toBe(id.split('-')[0]);
    }
    expect(related.get('cnn-000001')!.map((l) => l.id)).not.toContain('cnn-000002');
  });

  it('should rank the closest passage first and report shared themes', () => {
    const links = related.get('bbc-000001')!;
    expect(links[0]!.id).toMatch(/^cnn-/);
    expect(links[0]!.sharedThemes).toEqual(['returnees']);
    expect(links[0]!.score).toBeGreaterThan(links[0]!.similarity);
    expect(related.get('ft-000001')![0]!.id).toBe('bbc-000002');
  });

  it('should be symmetric: if A links B, B links A with the same score', () => {
    for (const [id, links] of related) {
      for (const link of links) {
        const back = related.get(link.id)!.find((l) => l.id === id);
        expect(back, `${link.id} → ${id}`).toBeDefined();
        expect(back!.score).toBe(link.score);
      }
    }
  });

  it('should hide matches below the threshold', () => {
    expect(related.get('ft-000002')).toEqual([]);
    const strict = relatedPassages(PASSAGES, THEMES, { threshold: 0.99 });
    expect([...strict.values()].every((l) => l.length === 0)).toBe(true);
  });

  it('should not relate passages on shared themes alone', () => {
    const onlyThemes = relatedPassages(
      [passage('a-000001', 'Alpha beta gamma.'), passage('b-000001', 'Delta epsilon zeta.')],
      new Map([
        ['a-000001', ['t']],
        ['b-000001', ['t']],
      ]),
    );
    expect(onlyThemes.get('a-000001')).toEqual([]);
  });

  it('should give at most `max` links', () => {
    const one = relatedPassages(PASSAGES, THEMES, { max: 1, threshold: 0.05, minSimilarity: 0.01 });
    expect(Math.max(...[...one.values()].map((l) => l.length))).toBe(1);
  });

  it('should handle a synthetic corpus deterministically, linking across articles only', () => {
    const { passages, themesById } = syntheticCorpus(1500, { seed: 7 });
    const a = relatedPassages(passages, themesById);
    const b = relatedPassages(passages, themesById);
    expect(a).toEqual(b);
    expect(a.size).toBe(1500);
    const article = new Map(passages.map((p) => [p.id, p.article]));
    for (const [id, links] of a) for (const l of links) expect(article.get(l.id)).not.toBe(article.get(id));
  });

  describe('against every pair compared (the definition, written the slow way)', () => {
    const { passages, themesById } = syntheticCorpus(600, { seed: 11, articles: 20, vocabulary: 300 });
    const expected = allPairs(passages, themesById);
    const linkCount = (m: Map<string, RelatedLink[]>) => [...m.values()].reduce((n, l) => n + l.length, 0);

    it('should find the same links when no passage runs out of postings to visit', () => {
      expect(linkCount(expected)).toBeGreaterThan(300);
      expect(relatedPassages(passages, themesById, { maxVisits: Infinity })).toEqual(expected);
    });

    it('should score every link it finds exactly, whatever the visiting budget', () => {
      const budgeted = relatedPassages(passages, themesById, { maxVisits: 100 });
      const candidates = allPairs(passages, themesById, { max: Infinity });
      let kept = 0;
      for (const [id, links] of budgeted) {
        for (const link of links) {
          expect(candidates.get(id)).toContainEqual(link);
          if (expected.get(id)!.some((l) => l.id === link.id)) kept++;
        }
        expect(links.map((l) => l.score)).toEqual([...links.map((l) => l.score)].sort((a, b) => b - a));
      }
      // A tight budget loses links found only through common stems, not the rest.
      expect(kept).toBeLessThan(linkCount(expected));
      expect(kept).toBeGreaterThan(linkCount(expected) / 2);
    });
  });
});

/**
 * The related links by comparing every pair of passages: TF-IDF cosine over the stems held by
 * at most max(50, 2 %) of the passages (vectors normalised over all stems), plus the theme share.
 */
function allPairs(
  passages: readonly PassageLike[],
  themesById: ReadonlyMap<string, readonly string[]>,
  { max = RELATED_DEFAULTS.max as number } = {},
): Map<string, RelatedLink[]> {
  const { threshold, minSimilarity, themeWeight } = RELATED_DEFAULTS;
  const n = passages.length;
  const counts = passages.map((p) => {
    const c = new Map<string, number>();
    for (const s of contentStems(p.text)) c.set(s, (c.get(s) ?? 0) + 1);
    return c;
  });
  const df = new Map<string, number>();
  for (const c of counts) for (const s of c.keys()) df.set(s, (df.get(s) ?? 0) + 1);
  const cap = Math.max(50, Math.ceil(n * 0.02));
  const vectors = counts.map((c) => {
    const w = [...c].map(([s, k]) => [s, (1 + Math.log(k)) * Math.log(n / df.get(s)!)] as const).filter(([, x]) => x > 0);
    const norm = Math.sqrt(w.reduce((sum, [, x]) => sum + x * x, 0)) || 1;
    return new Map(w.filter(([s]) => df.get(s)! <= cap).map(([s, x]) => [s, x / norm]));
  });
  const round3 = (x: number) => Math.round(x * 1000) / 1000;
  const result = new Map<string, RelatedLink[]>();
  passages.forEach((p, i) => {
    const links: RelatedLink[] = [];
    passages.forEach((q, j) => {
      if (q.article === p.article) return;
      let cosine = 0;
      for (const [s, x] of vectors[i]!) cosine += x * (vectors[j]!.get(s) ?? 0);
      const mine = themesById.get(p.id) ?? [];
      const theirs = themesById.get(q.id) ?? [];
      const shared = mine.filter((t) => theirs.includes(t));
      const union = new Set([...mine, ...theirs]).size;
      const score = cosine + (union ? (themeWeight * shared.length) / union : 0);
      if (cosine >= minSimilarity && score >= threshold) {
        links.push({ id: q.id, score: round3(score), similarity: round3(cosine), sharedThemes: shared });
      }
    });
    links.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    result.set(p.id, links.slice(0, max));
  });
  return result;
}

