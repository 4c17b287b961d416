import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mentionPageOf, themePageOf } from '../../src/contract/routes';
import { pageOf, pageSize, paginate } from '../../src/corpus/paging';
import { yearStarts } from '../../src/corpus/views/sources';

describe('paginate', () => {
  it('should cut a list into pages of the size, the last one shorter, every item once and in order', () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    const pages = paginate(items, 10);
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 3]);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    expect(pages.map((p) => [p.page, p.pages, p.first, p.total])).toEqual([
      [1, 3, 0, 23],
      [2, 3, 10, 23],
      [3, 3, 20, 23],
    ]);
    for (const [i, item] of items.entries()) expect(pages[pageOf(i, 10) - 1]!.items).toContain(item);
  });

  it('should give an empty list one empty page, and refuse a page size that is not a whole number ≥ 1', () => {
    expect(paginate([], 5)).toEqual([{ page: 1, pages: 1, items: [], first: 0, total: 0, size: 5 }]);
    expect(() => paginate([1], 0)).toThrow(/at least 1/);
    expect(() => paginate([1], 2.5)).toThrow(/at least 1/);
  });
});

describe('pageSize', () => {
  it('should take DOSSIER_PAGE_SIZE over the default when set, and name it when it is not a page size', () => {
    expect(pageSize(100, {})).toBe(100);
    expect(pageSize(100, { DOSSIER_PAGE_SIZE: '' })).toBe(100);
    expect(pageSize(100, { DOSSIER_PAGE_SIZE: '3' })).toBe(3);
    expect(() => pageSize(100, { DOSSIER_PAGE_SIZE: 'ten' })).toThrow(/DOSSIER_PAGE_SIZE.*"ten"/);
    expect(() => pageSize(100, { DOSSIER_PAGE_SIZE: '0' })).toThrow(/DOSSIER_PAGE_SIZE/);
  });
});

describe('themePageOf', () => {
  it('should find every source on the page that shows it: its column among the columns, or the last page', () => {
    const layouts = fc
      .record({ sources: fc.integer({ min: 1, max: 60 }), perPage: fc.integer({ min: 1, max: 12 }), seed: fc.array(fc.boolean(), { maxLength: 60 }) })
      .map(({ sources, perPage, seed }) => ({
        sources,
        perPage,
        apart: Array.from({ length: sources }, (_, i) => i).filter((i) => seed[i]),
      }));
    fc.assert(
      fc.property(layouts, (layout) => {
        // the pages as themePages cuts them: the columns a page at a time, the rest after the last page's
        const columns = Array.from({ length: layout.sources }, (_, i) => i).filter((i) => !layout.apart.includes(i));
        const pages = paginate(columns, layout.perPage);
        for (let i = 0; i < layout.sources; i++) {
          const shown = layout.apart.includes(i) ? pages.length : pages.findIndex((p) => p.items.includes(i)) + 1;
          expect(themePageOf(i, layout)).toBe(shown);
        }
      }),
    );
  });
});

describe('yearStarts', () => {
  const source = (slug: string, value: string | null, status = 'verified') => ({ slug, meta: { published: { value, precision: 'day', status } as never } });
  it('should give each year its first source, the page it starts on and the last page that holds it; an estimate counts in its year, the undated last', () => {
    const sources = [
      source('a', '2016-01-02'),
      source('b', '2016-05'),
      source('c', '2017', 'estimate'),
      source('d', '2017-03-01'),
      source('e', '2017-09-09'),
      source('f', '2019-01-01'),
      source('g', null),
    ];
    expect(yearStarts(sources, 2)).toEqual([
      { year: '2016', slug: 'a', page: 1, lastPage: 1 },
      { year: '2017', slug: 'c', page: 2, lastPage: 3 },
      { year: '2019', slug: 'f', page: 3, lastPage: 3 },
      { year: 'Undated', slug: 'g', page: 4, lastPage: 4 },
    ]);
    expect(yearStarts([], 2)).toEqual([]);
  });
});

describe('mentionPageOf', () => {
  it('should find the page where each naming source’s mentions begin, and null for the others', () => {
    // a dossier's sources, each naming the entity some times (0: not at all), cut into pages of `size` mentions
    const dossiers = fc.record({ mentions: fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 80 }), size: fc.integer({ min: 1, max: 7 }) });
    fc.assert(
      fc.property(dossiers, ({ mentions, size }) => {
        const lines = mentions.flatMap((n, source) => Array.from({ length: n }, () => source));
        const pages = paginate(lines, size);
        const naming = mentions.flatMap((n, source) => (n > 0 ? [source] : []));
        const starts = pages.map((p) => p.items.filter((source, i) => lines[p.first + i - 1] !== source).length);
        const places = { naming, starts };
        mentions.forEach((n, source) => {
          const first = pages.find((p) => p.items.includes(source));
          expect(mentionPageOf(source, places)).toBe(n > 0 ? first!.page : null);
        });
      }),
    );
  });
});
