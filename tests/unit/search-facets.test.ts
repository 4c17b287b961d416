/**
 * src/client/search/facets.ts: which filters a search passes, the counts each facet shows
 * (OR within a facet, AND across facets), and the sentence above the results. Pagefind is
 * replaced by a small fake that follows its documented semantics for `filters` counts:
 * "the number of results if a given filter were applied in addition to the current filters".
 */
import { describe, expect, it } from 'vitest';
import {
  describeResults,
  describeSelection,
  emptySelection,
  facetCounts,
  hasSelection,
  pagefindFilters,
  type Selection,
} from '../../src/client/search/facets';

type Doc = Record<'source' | 'theme' | 'entity', string[]>;
const docs: Doc[] = [
  { source: ['CNN'], theme: ['Foreign fighters'], entity: ['Syria', 'Tunisia'] },
  { source: ['CNN'], theme: ['Territorial collapse'], entity: ['Mosul'] },
  { source: ['BBC News'], theme: ['Foreign fighters', 'Returnees and Europe'], entity: ['Tunisia'] },
  { source: ['BBC News'], theme: ['Returnees and Europe'], entity: [] },
  { source: ['Defense One'], theme: ['Foreign fighters'], entity: ['Syria'] },
];

function fakeSearch(filters: Record<string, { any: string[] }>) {
  const matches = docs.filter((d) =>
    Object.entries(filters).every(([facet, { any }]) => d[facet as keyof Doc].some((v) => any.includes(v))),
  );
  const counts: Record<string, Record<string, number>> = { source: {}, theme: {}, entity: {} };
  for (const d of docs) {
    for (const facet of ['source', 'theme', 'entity'] as const) {
      for (const v of d[facet]) counts[facet]![v] = matches.filter((m) => m[facet].includes(v)).length;
    }
  }
  return Promise.resolve({ results: matches, filters: counts });
}

const select = (partial: Partial<Selection>): Selection => ({ ...emptySelection(), ...partial });

describe('pagefindFilters', () => {
  it('should pass only facets with a selection, each as "any of"', () => {
    expect(pagefindFilters(emptySelection())).toEqual({});
    expect(pagefindFilters(select({ source: ['CNN', 'BBC News'], theme: ['Foreign fighters'] }))).toEqual({
      source: { any: ['CNN', 'BBC News'] },
      theme: { any: ['Foreign fighters'] },
    });
  });

  it('should leave out the facet whose counts are being taken', () => {
    expect(pagefindFilters(select({ source: ['CNN'], theme: ['Foreign fighters'] }), 'source')).toEqual({
      theme: { any: ['Foreign fighters'] },
    });
  });

  it('should know when anything is selected', () => {
    expect(hasSelection(emptySelection())).toBe(false);
    expect(hasSelection(select({ entity: ['Tunisia'] }))).toBe(true);
  });
});

describe('facetCounts', () => {
  it('should count a ticked facet’s other values as if they were ticked too (OR within a facet)', async () => {
    const selection = select({ source: ['CNN'] });
    const main = await fakeSearch(pagefindFilters(selection));
    const counts = await facetCounts(selection, main, fakeSearch);
    // ticking CNN must not zero BBC News: it would add its 2 passages
    expect(counts.source).toMatchObject({ CNN: 2, 'BBC News': 2, 'Defense One': 1 });
    // other facets count within the CNN results
    expect(counts.theme).toMatchObject({ 'Foreign fighters': 1, 'Territorial collapse': 1, 'Returnees and Europe': 0 });
  });

  it('should narrow each facet by the selections of the others (AND across facets)', async () => {
    const selection = select({ source: ['BBC News'], theme: ['Foreign fighters'] });
    const main = await fakeSearch(pagefindFilters(selection));
    const counts = await facetCounts(selection, main, fakeSearch);
    expect(main.results).toHaveLength(1);
    // sources: counted on Foreign fighters only
    expect(counts.source).toMatchObject({ CNN: 1, 'BBC News': 1, 'Defense One': 1 });
    // themes: counted in BBC News only
    expect(counts.theme).toMatchObject({ 'Foreign fighters': 1, 'Returnees and Europe': 2, 'Territorial collapse': 0 });
    // entities: counted in the results
    expect(counts.entity).toMatchObject({ Tunisia: 1, Syria: 0 });
  });

  it('should run no extra search when nothing is selected', async () => {
    let calls = 0;
    const main = await fakeSearch({});
    await facetCounts(emptySelection(), main, (f) => {
      calls++;
      return fakeSearch(f);
    });
    expect(calls).toBe(0);
  });
});

describe('describing a search', () => {
  it('should say where the results come from', () => {
    expect(describeSelection(select({ source: ['CNN', 'BBC News', 'FT'], theme: ['Foreign fighters'], entity: ['Tunisia'] }))).toBe(
      'in CNN, BBC News or FT, on Foreign fighters, naming Tunisia',
    );
  });

  it('should count results, say when only some are shown, and mind the singular', () => {
    expect(describeResults(1, 'Raqqa', emptySelection(), 1)).toBe('1 passage matches “Raqqa”.');
    expect(describeResults(31, 'fighters', select({ source: ['CNN'] }), 20)).toBe(
      '31 passages match “fighters” in CNN (showing 20).',
    );
    expect(describeResults(16, '', select({ theme: ['Foreign fighters'] }), 16)).toBe('16 passages on Foreign fighters.');
  });

  it('should teach what to try when nothing matches', () => {
    expect(describeResults(0, 'Tunesia', emptySelection(), 0)).toMatch(/No passage matches “Tunesia”\. Try .*another spelling/);
    expect(describeResults(0, 'Raqqa', select({ source: ['FT'] }), 0)).toMatch(/fewer filters/);
  });
});
