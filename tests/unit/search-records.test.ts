/**
 * src/corpus/search-records.ts, src/corpus/views/search.ts's facets and
 * src/client/search/hit-place.ts on a corpus where one outlet has two articles: every passage
 * is indexed under its own article, and a hit is placed by its passage id's prefix, never by
 * the outlet's name.
 */
import { describe, expect, it } from 'vitest';
import { hitPlace } from '../../src/client/search/hit-place';
import type { Corpus } from '../../src/corpus/model';
import { searchRecords } from '../../src/corpus/search-records';
import { searchFacets } from '../../src/corpus/views/search';

const article = (slug: string, idPrefix: string, outlet: string, headline: string, texts: string[]) => ({
  slug,
  url: `/articles/${slug}/`,
  meta: { idPrefix, outlet, headline: { value: headline } },
  headline,
  headings: [],
  passages: texts.map((text, i) => ({
    id: `${idPrefix}-${String(i).padStart(6, 'a')}`,
    article: slug,
    text,
    themes: i === 0 ? ['water'] : [],
    section: i === 1 ? { title: 'Leaks' } : undefined,
  })),
});
const articles = [
  article('wire-rationing', 'nw', 'Northern Wire', 'Rationing plans drawn up', ['Homes may be rationed.', 'Old pipes leak.']),
  article('wire-farmers', 'nwf', 'Northern Wire', 'Farmers lose their licences', ['Irrigation licences were suspended.']),
  article('gazette-drought', 'hg', 'Harbour Gazette', 'Reservoir at record low', ['The reservoir stood at 31 per cent.']),
];
const passages = articles.flatMap((a) => a.passages);
const corpus = {
  articles,
  articlesBySlug: new Map(articles.map((a) => [a.slug, a])),
  passagesById: new Map(passages.map((p) => [p.id, p])),
  themes: [{ id: 'water', label: 'Water supply' }],
  themesById: new Map([['water', { id: 'water', label: 'Water supply' }]]),
  entities: [{ id: 'ashby', name: 'Ashby', kind: 'place', mentions: [{ passageId: 'nwf-aaaaa0' }] }],
} as unknown as Corpus;

describe('searchRecords', () => {
  const records = searchRecords(corpus, [{ id: 'urn:uuid:1', passageId: 'nwf-aaaaa0', note: 'Compare the gazette.', tags: ['farming'] }]);

  it('should index each passage at its own anchor, under its own article’s prefix', () => {
    const farmers = records.find((r) => r.content === 'Irrigation licences were suspended.')!;
    expect(farmers.url).toBe('/articles/wire-farmers/#nwf-aaaaa0');
    expect(farmers.filters).toMatchObject({ kind: ['passage'], source: ['nwf'], entity: ['Ashby'] });
    const rationing = records.find((r) => r.content === 'Homes may be rationed.')!;
    expect(rationing.filters).toMatchObject({ source: ['nw'], theme: ['Water supply'] });
    expect(records.find((r) => r.content === 'Old pipes leak.')!.filters.section).toEqual(['Leaks']);
  });

  it('should index an editors’ note apart, with no facet to count it', () => {
    const note = records.find((r) => r.filters.kind[0] === 'note')!;
    expect(note.content).toBe('Compare the gazette.\nfarming');
    expect(Object.keys(note.filters)).toEqual(['kind']);
    expect(note.url).toMatch(/^\/articles\/wire-farmers\/\?note=.*#nwf-aaaaa0$/);
  });
});

describe('searchFacets', () => {
  it('should list each article of an outlet as a source of its own, named so they can be told apart', () => {
    const { source } = searchFacets(corpus);
    expect(source.map((o) => o.value)).toEqual(['nw', 'nwf', 'hg']);
    expect(source.map((o) => o.param)).toEqual(['wire-rationing', 'wire-farmers', 'gazette-drought']);
    expect(source.map((o) => o.label)).toEqual([
      'Northern Wire: Rationing plans drawn up',
      'Northern Wire: Farmers lose their licences',
      'Harbour Gazette',
    ]);
  });
});

describe('hitPlace', () => {
  const records = searchRecords(corpus, [{ id: 'urn:uuid:1', passageId: 'nwf-aaaaa0', note: 'Compare the gazette.', tags: ['farming'] }]);
  const place = (content: string) => {
    const record = records.find((r) => r.content === content)!;
    return hitPlace(record.url, { ...record.meta });
  };

  it('should place a hit in its own article, with that article’s headline, even when the outlet has two', () => {
    expect(place('Irrigation licences were suspended.')).toEqual({
      passageId: 'nwf-aaaaa0',
      article: { url: '/articles/wire-farmers/', headline: 'Farmers lose their licences', outlet: 'Northern Wire' },
      url: '/articles/wire-farmers/#nwf-aaaaa0',
    });
    expect(place('Old pipes leak.')!.article.headline).toBe('Rationing plans drawn up');
  });

  it('should place an editors’ note hit at its passage', () => {
    expect(place('Compare the gazette.\nfarming')!.url).toBe('/articles/wire-farmers/#nwf-aaaaa0');
    expect(place('Compare the gazette.\nfarming')!.article.headline).toBe('Farmers lose their licences');
  });

  it('should refuse a record with no id, or no article', () => {
    expect(hitPlace('/articles/x/', { headline: 'X', outlet: 'Y' })).toBeNull();
    expect(hitPlace('/articles/x/#zz-aaaaaa', { headline: '', outlet: 'Y' })).toBeNull();
  });
});
