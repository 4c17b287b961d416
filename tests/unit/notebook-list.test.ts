import { describe, expect, it } from 'vitest';
import { filterEntries, groupEntries, NO_TAGS, NO_THEME, sortByPlace, sourcesInUse, tagsInUse, type Entry } from '../../src/client/notebook/list';
import type { PassagesJson } from '../../src/contract/endpoints';
import { makeAnnotation, passages } from './annotation-helpers';

// A site of three articles; the annotations' slugs are what the notebook reads off their targets.
const index: PassagesJson = {
  articles: [
    { slug: 'first', url: '/articles/first/', outlet: 'Outlet A', headline: 'One' },
    { slug: 'second', url: '/articles/second/', outlet: 'Outlet A', headline: 'Two' },
    { slug: 'third', url: '/articles/third/', outlet: 'Outlet B', headline: 'Three' },
  ],
  themes: [
    { id: 't1', label: 'Theme one' },
    { id: 't2', label: 'Theme two' },
  ],
  passages: [
    { id: 'a-1', article: 'first', order: 0, text: '', themes: ['t2'] },
    { id: 'a-2', article: 'first', order: 1, text: '', themes: ['t1', 't2'] },
    { id: 'b-1', article: 'second', order: 0, text: '', themes: [] },
    { id: 'c-1', article: 'third', order: 0, text: '', themes: ['t1'] },
  ],
  retiredIds: {},
};

const quote = passages[0]!.text.split(' ').slice(0, 3).join(' ');
function entry(slug: string | null, passageId: string | null, options: { tags?: string[]; colour?: 'yellow' | 'pink'; start?: number } = {}): Entry {
  return {
    annotation: makeAnnotation(quote, { passageId: passages[0]!.id, tags: options.tags, colour: options.colour }),
    placement: passageId ? { passageId, start: options.start ?? 0, end: (options.start ?? 0) + 3, method: 'position' } : null,
    slug,
  };
}

describe('the notebook list', () => {
  it('offers as sources only the articles annotated, in the site’s order, unknown ones last', () => {
    const entries = [entry('third', 'c-1'), entry('zz-gone', null), entry('first', 'a-1'), entry('third', 'c-1'), entry(null, null)];
    expect(sourcesInUse(entries, index)).toEqual(['first', 'third', 'zz-gone']);
    expect(sourcesInUse([], index)).toEqual([]);
    // without the site's index, by slug
    expect(sourcesInUse(entries, null)).toEqual(['first', 'third', 'zz-gone']);
  });

  it('filters by source, colour and tag together', () => {
    const entries = [entry('first', 'a-1', { tags: ['x'] }), entry('first', 'a-2', { colour: 'pink', tags: ['x'] }), entry('third', 'c-1', { colour: 'pink' })];
    expect(filterEntries(entries, { source: 'first' })).toEqual(entries.slice(0, 2));
    expect(filterEntries(entries, { colour: 'pink', tag: 'x' })).toEqual([entries[1]]);
    expect(filterEntries(entries, {})).toEqual(entries);
    expect(tagsInUse(entries)).toEqual(['x']);
  });

  it('sorts placed entries in reading order: article, passage, position', () => {
    const late = entry('first', 'a-2', { start: 9 });
    const early = entry('first', 'a-2', { start: 1 });
    const third = entry('third', 'c-1');
    const first = entry('first', 'a-1');
    expect(sortByPlace([third, late, early, first], index)).toEqual([first, early, late, third]);
  });

  it('groups by source under outlet and headline, by theme in the site’s order, by tag alphabetically', () => {
    const a1 = entry('first', 'a-1', { tags: ['zeta'] });
    const a2 = entry('first', 'a-2', { tags: ['alpha', 'zeta'] });
    const b1 = entry('second', 'b-1');
    const titles = (groups: [string, Entry[]][]) => groups.map(([title, list]) => [title, list.length]);
    expect(titles(groupEntries([a1, a2, b1], 'source', index))).toEqual([
      ['Outlet A: One', 2],
      ['Outlet A: Two', 1],
    ]);
    // a passage with two themes is listed under each; one with none under "No theme", last
    expect(titles(groupEntries([b1, a1, a2], 'theme', index))).toEqual([
      ['Theme one', 1],
      ['Theme two', 2],
      [NO_THEME, 1],
    ]);
    expect(titles(groupEntries([b1, a1, a2], 'tag', index))).toEqual([
      ['Tag: alpha', 1],
      ['Tag: zeta', 2],
      [NO_TAGS, 1],
    ]);
  });
});
