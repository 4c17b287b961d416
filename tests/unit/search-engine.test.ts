/**
 * src/client/search/engine.ts: forms of a query searched together and merged, editors' notes
 * apart from passages, and facet counts (OR within a facet, AND across facets) that count a
 * passage once however many forms found it. Pagefind is replaced by a small fake that follows
 * its documented semantics: words are ANDed, a dashed word is indexed joined and in parts, a
 * query in double quotes is an exact phrase, and `filters` counts are "the number of results
 * if a given filter were applied in addition to the current filters".
 */
import { describe, expect, it } from 'vitest';
import { facetTableOf } from '../../src/contract/facet-table';
import { countFacets, countInTable, findHits, hitKind, mergeResults, splitKinds } from '../../src/client/search/engine';
import { emptySelection, type Selection } from '../../src/client/search/facets';
import type { Pagefind, PagefindSearch } from '../../src/client/search/pagefind';

interface Doc {
  id: string;
  text: string;
  filters: Record<string, string[]>;
}
const passage = (id: string, text: string, source: string, theme: string[] = [], entity: string[] = []): Doc => ({
  id,
  text,
  filters: { kind: ['passage'], source: [source], theme, entity },
});
const docs: Doc[] = [
  passage('p1', 'Fighters loyal to al-Qaeda crossed into Syria.', 'cnn', ['Foreign fighters'], ['Syria']),
  passage('p2', 'The group known as al Qaeda in Yemen grew.', 'bbc', ['Affiliates'], ['Yemen']),
  passage('p3', 'Both al Qaeda and al-Qaeda are written here.', 'bbc', ['Affiliates'], []),
  passage('p4', 'Al-Nusra, not Qaeda, held Idlib.', 'ft', ['Affiliates'], ['Idlib']),
  passage('p5', 'Returnees went home to Tunisia.', 'cnn', ['Returnees'], ['Tunisia']),
  { id: 'n1', text: 'Editors: this is al-Qaeda’s affiliate.', filters: { kind: ['note'] } },
];

const words = (text: string) => {
  const tokens = text.toLowerCase().replace(/[’']/g, '').match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  return new Set(tokens.flatMap((t) => [t.replace(/-/g, ''), ...t.split('-')]));
};
const matches = (doc: Doc, term: string | null) => {
  if (term === null) return true;
  const phrase = /^"(.*)"$/.exec(term);
  if (phrase) return ` ${doc.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `.includes(` ${phrase[1]!.toLowerCase()} `);
  const have = words(doc.text);
  return term.toLowerCase().replace(/-/g, '').split(' ').every((w) => have.has(w));
};
const passes = (doc: Doc, filters: Record<string, { any: string[] }>) =>
  Object.entries(filters).every(([key, { any }]) => (doc.filters[key] ?? []).some((v) => any.includes(v)));

function fakePagefind(calls: string[] = []): Pagefind {
  return {
    async search(term, options = {}) {
      const filters = (options.filters ?? {}) as Record<string, { any: string[] }>;
      calls.push(`${term} ${JSON.stringify(filters)}`);
      const found = docs.filter((d) => matches(d, term) && passes(d, filters));
      const counts: Record<string, Record<string, number>> = {};
      for (const d of docs) {
        for (const [key, values] of Object.entries(d.filters)) {
          for (const v of values) {
            counts[key] ??= {};
            counts[key][v] = found.filter((m) => (m.filters[key] ?? []).includes(v)).length;
          }
        }
      }
      const results = found.map((d, i) => ({
        id: d.id,
        score: 1 - i / 10,
        data: async () => ({ url: `/#${d.id}`, excerpt: d.text, content: d.text, meta: {}, filters: d.filters, locations: [] }),
      }));
      return { results, filters: counts, totalFilters: counts, unfilteredResultCount: results.length } satisfies PagefindSearch;
    },
    options: async () => {},
    init: async () => {},
    preload: async () => {},
    filters: async () => ({}),
  };
}

const select = (partial: Partial<Selection>): Selection => ({ ...emptySelection(), ...partial });
/** The facet table the build would write for `docs`. */
const table = facetTableOf(docs);
const ids = (hits: { result: { id: string } }[]) => hits.map((h) => h.result.id).sort();

describe('mergeResults', () => {
  it('should keep each id once, with its best score, best first', () => {
    const merged = mergeResults([
      [{ id: 'a', score: 0.5 }, { id: 'b', score: 0.4 }],
      [{ id: 'b', score: 0.9 }, { id: 'c', score: 0.1 }],
    ]);
    expect(merged).toEqual([{ id: 'b', score: 0.9 }, { id: 'a', score: 0.5 }, { id: 'c', score: 0.1 }]);
  });
});

describe('findHits', () => {
  it('should find a dashed compound written with a space too, but not its words apart', async () => {
    const found = await findHits(fakePagefind(), 'al-Qaeda', emptySelection());
    expect(ids(found.hits.filter((h) => h.kind === 'passage'))).toEqual(['p1', 'p2', 'p3']);
    expect(found.passages).toBe(3);
  });

  it('should list editors’ notes apart from passages, and only when no facet narrows the search', async () => {
    const found = await findHits(fakePagefind(), 'al-Qaeda', emptySelection());
    expect(found.hits.filter((h) => h.kind === 'note').map((h) => h.result.id)).toEqual(['n1']);
    expect(found.notes).toBe(1);
    const narrowed = await findHits(fakePagefind(), 'al-Qaeda', select({ source: ['bbc'] }));
    expect(ids(narrowed.hits)).toEqual(['p2', 'p3']);
    expect(narrowed.notes).toBe(0);
  });

  it('should find passages and notes with one unfiltered search for a query of one form, and tell them apart by the facet counts', async () => {
    const calls: string[] = [];
    const both = await findHits(fakePagefind(calls), 'al', emptySelection());
    expect(calls).toEqual(['al {}']);
    expect(both).toMatchObject({ passages: 5, notes: 0, mixed: true });
    expect(splitKinds(both, await countFacets(fakePagefind(), 'al', emptySelection(), table))).toEqual({ hits: both.hits, passages: 4, notes: 1 });
    const kinds = await Promise.all(both.hits.map(async (h) => [h.result.id, hitKind(h, await h.result.data())]));
    expect(Object.fromEntries(kinds)).toEqual({ p1: 'passage', p2: 'passage', p3: 'passage', p4: 'passage', n1: 'note' });
    const note = await findHits(fakePagefind(), 'affiliate', emptySelection());
    expect(splitKinds(note, await countFacets(fakePagefind(), 'affiliate', emptySelection(), table))).toMatchObject({ passages: 0, notes: 1 });
  });

  it('should take every hit for a passage when the index holds no note, or a facet narrows the search', async () => {
    const found = await findHits(fakePagefind(), 'Tunisia', emptySelection(), false);
    expect(found).toEqual({ hits: [expect.objectContaining({ kind: 'passage' })], passages: 1, notes: 0 });
    const calls: string[] = [];
    const narrowed = await findHits(fakePagefind(calls), 'al', select({ source: ['bbc'] }));
    expect(calls).toEqual(['al {"source":{"any":["bbc"]}}']);
    expect(narrowed).toEqual({ hits: expect.any(Array), passages: 2, notes: 0 });
    expect(narrowed.hits.every((h) => h.kind === 'passage')).toBe(true);
  });

  it('should list every passage under a selection when there are no words', async () => {
    const calls: string[] = [];
    const found = await findHits(fakePagefind(calls), '', select({ theme: ['Affiliates'] }));
    expect(ids(found.hits)).toEqual(['p2', 'p3', 'p4']);
    expect(calls).toHaveLength(1);
  });
});

describe('countFacets', () => {
  it('should count a passage found by two forms of the query once', async () => {
    const counts = await countFacets(fakePagefind(), 'al-Qaeda', emptySelection(), table);
    // p3 writes both spellings: both forms find it
    expect(counts.source).toMatchObject({ cnn: 1, bbc: 2 });
    expect(counts.theme).toMatchObject({ Affiliates: 2, 'Foreign fighters': 1 });
    expect(counts.source.ft ?? 0).toBe(0);
  });

  it('should count a ticked facet’s other values as if they were ticked too (OR within a facet)', async () => {
    const counts = await countFacets(fakePagefind(), 'al-Qaeda', select({ source: ['cnn'] }), table);
    expect(counts.source).toMatchObject({ cnn: 1, bbc: 2 });
    expect(counts.theme).toMatchObject({ 'Foreign fighters': 1, Affiliates: 0 });
  });

  it('should narrow each facet by the selections of the others (AND across facets)', async () => {
    const counts = await countFacets(fakePagefind(), '', select({ source: ['bbc'], theme: ['Affiliates'] }), table);
    expect(counts.source).toMatchObject({ bbc: 2, ft: 1, cnn: 0 });
    expect(counts.theme).toMatchObject({ Affiliates: 2, 'Foreign fighters': 0 });
    expect(counts.entity).toMatchObject({ Yemen: 1, Idlib: 0 });
  });

  it('should never count editors’ notes', async () => {
    const counts = await countFacets(fakePagefind(), 'affiliate', emptySelection(), table);
    expect(Object.values(counts.source).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('should search once per form when nothing is selected', async () => {
    const calls: string[] = [];
    await countFacets(fakePagefind(calls), 'Tunisia', emptySelection(), table);
    expect(calls).toHaveLength(1);
  });
});

describe('the facet table', () => {
  it('should hold every passage with its values, and no editors’ note', () => {
    expect(Object.keys(table.pages).sort()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(table.values.source).toEqual(['cnn', 'bbc', 'ft']);
    const [source, theme, entity] = table.pages.p4!;
    expect([table.values.source[source[0]!], theme.map((i) => table.values.theme[i]), entity.map((i) => table.values.entity[i])]).toEqual([
      'ft',
      ['Affiliates'],
      ['Idlib'],
    ]);
  });

  it('should count every passage when there are no hits to count from, and ignore ids it does not hold', () => {
    const all = countInTable(table, null, emptySelection());
    expect(all.source).toEqual({ cnn: 2, bbc: 2, ft: 1 });
    expect(all.theme).toEqual({ 'Foreign fighters': 1, Affiliates: 3, Returnees: 1 });
    expect(countInTable(table, ['p5', 'n1', 'unknown', 'p5'], emptySelection()).source).toEqual({ cnn: 2, bbc: 0, ft: 0 });
  });
});
