import { describe, expect, it } from 'vitest';
import { pairSlug } from '../../src/contract/routes';
import { articlePairs, compareRows, sourceYear, stepTarget } from '../../src/corpus/compare';
import type { Article, Passage, ThemeInfo } from '../../src/corpus/model';

const theme = (id: string): ThemeInfo => ({ id, label: id.toUpperCase(), description: '', color: '#d85250', colorDark: '#d85250' });
const passage = (article: string, order: number, themes: string[]): Passage => ({
  id: `${article}-${String(order).padStart(6, '0')}`,
  article,
  order,
  section: null,
  text: `${article} ${order}`,
  themes,
  related: [],
  mentions: [],
});
const article = (slug: string, passages: Passage[]) => ({ slug, passages }) as unknown as Article;

const themes = [theme('alpha'), theme('beta'), theme('gamma')];
const a = article('a', [passage('a', 0, ['alpha']), passage('a', 1, []), passage('a', 2, ['alpha', 'beta'])]);
const b = article('b', [passage('b', 0, ['beta']), passage('b', 1, [])]);

describe('compareRows', () => {
  const rows = compareRows([a, b], themes);

  it('should give one row per theme in taxonomy order, then the row of passages on no theme', () => {
    expect(rows.map((r) => r.theme?.id ?? null)).toEqual(['alpha', 'beta', 'gamma', null]);
  });

  it('should put each source’s passages on the theme in its cell, in reading order', () => {
    const alpha = rows[0]!;
    expect(alpha.cells.map((c) => c.article)).toEqual(['a', 'b']);
    expect(alpha.cells[0]!.passages.map((p) => p.order)).toEqual([0, 2]);
    expect(alpha.cells[1]!.passages).toEqual([]);
    expect(alpha.voices).toBe(1);
  });

  it('should leave a cell empty (silent) when the source has no passage on the theme', () => {
    const gamma = rows[2]!;
    expect(gamma.cells.every((c) => c.passages.length === 0)).toBe(true);
    expect(gamma.voices).toBe(0);
  });

  it('should hold every passage at least once across the rows', () => {
    const seen = new Set(rows.flatMap((r) => r.cells.flatMap((c) => c.passages.map((p) => p.id))));
    expect(seen).toEqual(new Set([...a.passages, ...b.passages].map((p) => p.id)));
  });
});

describe('articlePairs', () => {
  it('should list every unordered pair once, keeping the given order inside each pair', () => {
    expect(articlePairs(['a', 'b', 'c'])).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
    ]);
    expect(articlePairs([1, 2, 3, 4, 5])).toHaveLength(10);
  });

  it('should join a pair’s slugs with a separator that slugs cannot contain', () => {
    expect(pairSlug('cnn-isis-2-0', 'ft-global')).toBe('cnn-isis-2-0--ft-global');
  });
});

describe('stepTarget', () => {
  const other = [
    { id: 'x-1', themes: ['gamma'] },
    { id: 'x-2', themes: ['beta'] },
    { id: 'x-3', themes: ['alpha', 'beta'] },
  ];

  it('should bring a column to its first passage on the theme followed', () => {
    expect(stepTarget(['beta'], other)).toEqual({ passageId: 'x-2', theme: 'beta' });
  });

  it('should try the followed passage’s themes in order, skipping those the column is silent on', () => {
    expect(stepTarget(['delta', 'alpha'], other)).toEqual({ passageId: 'x-3', theme: 'alpha' });
  });

  it('should return null when the column is silent on every theme followed', () => {
    expect(stepTarget(['delta'], other)).toBeNull();
    expect(stepTarget([], other)).toBeNull();
  });
});

describe('sourceYear', () => {
  it('should give the year, marking estimates and unknown dates', () => {
    expect(sourceYear({ value: '2017-03-22', precision: 'day', status: 'verified' })).toBe('2017');
    expect(sourceYear({ value: '2020-11', precision: 'month', status: 'estimate' })).toBe('c. 2020');
    expect(sourceYear({ value: null, precision: 'year', status: 'unknown' })).toBe('n.d.');
  });
});
