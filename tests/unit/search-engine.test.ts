/**
 * src/client/search/engine.ts: forms of a query searched together and merged, narrowed by the
 * facet table (OR within a facet, AND across facets), editors' notes apart from passages, and
 * facet counts that count a passage once however many forms found it. Pagefind is replaced by
 * a small fake that follows its documented semantics: words are ANDed, a dashed word is indexed
 * joined and in parts, a query in double quotes is an exact phrase, a null term finds every
 * record.
 */
import { describe, expect, it } from 'vitest';
import { facetTableOf } from '../../src/contract/facet-table';
import { countInTable, findHits, hitKind, mergeResults, splitKinds } from '../../src/client/search/engine';
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
/** Pagefind over `docs`: words ANDed, every doc for a null term, options recorded (the engine passes none). */
function fakePagefind(calls: string[] = []): Pagefind {
  return {
    async search(term, options = {}) {
      calls.push(`${term} ${JSON.stringify(options)}`);
      // scores fall in the docs' order, so a narrowed list can be checked for keeping it
      const results = docs
        .filter((d) => matches(d, term))
        .map((d, i) => ({
          id: d.id,
          score: 1 - i / 10,
          data: async () => ({ url: `/#${d.id}`, excerpt: d.text, content: d.text, meta: {}, filters: d.filters, locations: [] }),
        }));
      return { results } satisfies PagefindSearch;
    },
    options: async () => {},
    init: async () => {},
  };
}

const select = (partial: Partial<Selection>): Selection => ({ ...emptySelection(), ...partial });
/** The facet table the build would write for `docs`, and a loader for it that counts its fetches. */
const table = facetTableOf(docs);
let tableFetches = 0;
const loadTable = async () => {
  tableFetches++;
  return table;
};
const ids = (hits: { result: { id: string } }[]) => hits.map((h) => h.result.id);
const find = (query: string, selection = emptySelection(), calls?: string[]) => findHits(fakePagefind(calls), query, selection, loadTable);
const countsOf = async (query: string, selection = emptySelection()) => countInTable(table, (await find(query, selection)).matched, selection);

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
    const found = await find('al-Qaeda');
    expect(ids(found.hits).sort()).toEqual(['n1', 'p1', 'p2', 'p3']);
    expect(splitKinds(found, countInTable(table, found.matched, emptySelection()))).toMatchObject({ passages: 3, notes: 1 });
  });

  it('should search each form of the query once and never hand Pagefind a filter, with or without a selection', async () => {
    const calls: string[] = [];
    await find('al', emptySelection(), calls);
    await find('al-Qaeda', select({ source: ['bbc'], theme: ['Affiliates'] }), calls);
    await find('', select({ theme: ['Affiliates'] }), calls);
    expect(calls).toEqual(['al {}', 'al-Qaeda {}', '"al Qaeda" {}', 'null {}']);
  });

  it('should find passages and notes together without a selection, and tell them apart by the facet counts', async () => {
    const both = await find('al');
    expect(both).toMatchObject({ passages: 5, notes: 0, mixed: true });
    expect(splitKinds(both, countInTable(table, both.matched, emptySelection()))).toMatchObject({ hits: both.hits, passages: 4, notes: 1 });
    const kinds = await Promise.all(both.hits.map(async (h) => [h.result.id, hitKind(h, await h.result.data())]));
    expect(Object.fromEntries(kinds)).toEqual({ p1: 'passage', p2: 'passage', p3: 'passage', p4: 'passage', n1: 'note' });
    const note = await find('affiliate');
    expect(splitKinds(note, countInTable(table, note.matched, emptySelection()))).toMatchObject({ passages: 0, notes: 1 });
  });

  it('should take every hit for a passage when the index holds no note', async () => {
    const found = await findHits(fakePagefind(), 'Tunisia', emptySelection(), loadTable, false);
    expect(found).toEqual({ hits: [expect.objectContaining({ kind: 'passage' })], passages: 1, notes: 0, matched: ['p5'] });
  });

  it('should narrow the hits by the facet table: values of a facet with OR, facets with AND, notes left out, order kept', async () => {
    const either = await find('al', select({ source: ['ft', 'bbc'] }));
    expect(ids(either.hits)).toEqual(['p2', 'p3', 'p4']);
    expect(either).toMatchObject({ passages: 3, notes: 0 });
    expect(either.hits.every((h) => h.kind === 'passage')).toBe(true);
    expect(ids((await find('al', select({ source: ['ft', 'bbc'], entity: ['Yemen'] }))).hits)).toEqual(['p2']);
    expect(ids((await find('al', select({ source: ['cnn'], theme: ['Affiliates'] }))).hits)).toEqual([]);
    // what the words found before the selection narrowed them, notes included
    expect(either.matched).toEqual(['p1', 'p2', 'p3', 'p4', 'n1']);
  });

  it('should list every passage under a selection when there are no words', async () => {
    const found = await find('', select({ theme: ['Affiliates'] }));
    expect(ids(found.hits)).toEqual(['p2', 'p3', 'p4']);
    expect(found.matched).toBeNull();
  });

  it('should fetch the facet table only when a facet is ticked', async () => {
    tableFetches = 0;
    await find('al-Qaeda');
    expect(tableFetches).toBe(0);
    await find('al-Qaeda', select({ entity: ['Syria'] }));
    expect(tableFetches).toBe(1);
  });
});

describe('countInTable', () => {
  it('should count a passage found by two forms of the query once', async () => {
    const counts = await countsOf('al-Qaeda');
    // p3 writes both spellings: both forms find it
    expect(counts.source).toMatchObject({ cnn: 1, bbc: 2 });
    expect(counts.theme).toMatchObject({ Affiliates: 2, 'Foreign fighters': 1 });
    expect(counts.source.ft ?? 0).toBe(0);
  });

  it('should count a ticked facet’s other values as if they were ticked too (OR within a facet)', async () => {
    const counts = await countsOf('al-Qaeda', select({ source: ['cnn'] }));
    expect(counts.source).toMatchObject({ cnn: 1, bbc: 2 });
    expect(counts.theme).toMatchObject({ 'Foreign fighters': 1, Affiliates: 0 });
  });

  it('should narrow each facet by the selections of the others (AND across facets)', async () => {
    const counts = await countsOf('', select({ source: ['bbc'], theme: ['Affiliates'] }));
    expect(counts.source).toMatchObject({ bbc: 2, ft: 1, cnn: 0 });
    expect(counts.theme).toMatchObject({ Affiliates: 2, 'Foreign fighters': 0 });
    expect(counts.entity).toMatchObject({ Yemen: 1, Idlib: 0 });
  });

  it('should show where the words are when the selection leaves no passage', async () => {
    const found = await find('Tunisia', select({ source: ['bbc'] }));
    expect(found.hits).toEqual([]);
    expect(countInTable(table, found.matched, select({ source: ['bbc'] })).source).toEqual({ cnn: 1, bbc: 0, ft: 0 });
  });

  it('should never count editors’ notes', async () => {
    const counts = await countsOf('affiliate');
    expect(Object.values(counts.source).reduce((a, b) => a + b, 0)).toBe(0);
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
