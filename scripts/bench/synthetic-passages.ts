/**
 * Made-up passages for timing the related-passages ranking (npm run bench:related) and for its
 * unit test on a corpus larger than the dossier. Bench and test code: the site never uses it.
 */
import type { PassageLike } from '../../src/corpus/analysis-types';

/**
 * A synthetic corpus for benchmarks: `count` passages of 40–120 pseudo-words drawn from a
 * Zipf-like vocabulary, spread over `articles` articles, each with 0–3 of 11 themes.
 * Deterministic for a given seed.
 */
export function syntheticCorpus(
  count: number,
  { seed = 1, articles = 50, vocabulary = 20000 }: { seed?: number; articles?: number; vocabulary?: number } = {},
): { passages: PassageLike[]; themesById: Map<string, string[]> } {
  let state = seed >>> 0;
  const random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const syllables = ['ka', 'lo', 'mi', 'ren', 'sto', 'vu', 'dra', 'pe', 'ni', 'tor', 'sa', 'gel', 'bri', 'fu', 'zan', 'o'];
  const words = Array.from({ length: vocabulary }, (_, i) => {
    let w = '';
    for (let x = i + 7; x > 0; x = Math.floor(x / syllables.length)) w += syllables[x % syllables.length];
    return w;
  });
  // Zipf: rank r drawn with probability ∝ 1/r, by inverting the harmonic CDF approximately.
  const zipf = () => Math.min(vocabulary - 1, Math.floor(Math.exp(random() * Math.log(vocabulary))) - 1);
  const themeIds = Array.from({ length: 11 }, (_, i) => `theme-${String.fromCharCode(97 + i)}`);
  const passages: PassageLike[] = [];
  const themesById = new Map<string, string[]>();
  for (let i = 0; i < count; i++) {
    const length = 40 + Math.floor(random() * 80);
    const text = Array.from({ length }, () => words[Math.max(0, zipf())]).join(' ');
    const id = `syn-${i.toString(16).padStart(6, '0')}`;
    passages.push({ id, article: `article-${i % articles}`, order: Math.floor(i / articles), section: null, text });
    themesById.set(
      id,
      themeIds.filter(() => random() < 0.12),
    );
  }
  return { passages, themesById };
}
