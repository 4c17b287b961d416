import { describe, expect, it } from 'vitest';
import type { CompareSourceJson } from '../../src/contract/endpoints';
import { findSources, SOURCE_NOUN, sourceTitle } from '../../src/client/compare/find-source';
import { findByName, foldedOnce, foundSentence, type Found, type Noun } from '../../src/client/search/find-names';

const source = (slug: string, outlet: string, headline: string): CompareSourceJson => ({ slug, outlet, headline, name: outlet, year: '2024' });
const catalogue = [
  source('a', 'Lantern News', 'Raids in the north'),
  source('b', 'The Tunis Review', 'Returning fighters'),
  source('c', 'Al-Ḥayāt', 'Tunisia’s returnees'),
  source('d', 'Northern Wire', 'Rationing begins'),
  source('e', 'Courrier', 'Opportunities abroad'),
];
const slugs = (found: { shown: CompareSourceJson[] }) => found.shown.map((s) => s.slug);

describe('findSources', () => {
  it('should match outlet or headline, folded (case, accents, dashes), word starts first, then in order', () => {
    // "Tunis", "Tunisia" begin a word; "Opportunities" only holds it
    expect(slugs(findSources(catalogue, 'TUN', new Set(), 10))).toEqual(['b', 'c', 'e']);
    expect(slugs(findSources(catalogue, 'hayat', new Set(), 10))).toEqual(['c']);
    expect(slugs(findSources(catalogue, 'al hayat', new Set(), 10))).toEqual(['c']);
    expect(slugs(findSources(catalogue, 'nor', new Set(), 10))).toEqual(['a', 'd']);
    // only inside words: publication order
    expect(slugs(findSources(catalogue, 'ur', new Set(), 10))).toEqual(['b', 'c', 'e']);
  });

  it('should leave out the sources already listed, cut the list at max and count every match', () => {
    expect(slugs(findSources(catalogue, 'n', new Set(['a']), 2))).toEqual(['d', 'b']);
    expect(findSources(catalogue, 'n', new Set(['a']), 2).total).toBe(4);
    expect(findSources(catalogue, '   ', new Set(), 10)).toEqual({ shown: [], total: 0 });
  });
});

describe('findByName', () => {
  const names = [{ label: 'Tunisia' }, { label: 'Abu Bakr al-Baghdadi' }, { label: 'Free Syrian Army' }, { label: 'Baghdad' }];
  const folded = foldedOnce((item: { label: string }) => item.label);

  it('should list names that begin a word with the term before those holding it, each in the list’s order', () => {
    expect(findByName(names, folded, 'bagh', 10).shown.map((n) => n.label)).toEqual(['Abu Bakr al-Baghdadi', 'Baghdad']);
    expect(findByName(names, folded, 'IA', 10).shown.map((n) => n.label)).toEqual(['Tunisia', 'Free Syrian Army']);
    expect(findByName(names, folded, 'al baghdadi', 10).total).toBe(1);
    expect(findByName(names, folded, 'a', 2)).toEqual({ shown: [names[1], names[2]], total: 4 });
  });

  it('should fold each name once, however often the field is typed into', () => {
    let calls = 0;
    const counted = foldedOnce((item: { label: string }) => (calls++, item.label));
    for (const typed of ['t', 'tu', 'tun', 'x']) findByName(names, counted, typed, 10);
    expect(calls).toBe(names.length);
  });
});

describe('foundSentence', () => {
  const NAME = { one: 'name', many: 'names' };
  const said = (found: Found<unknown>, typed: string, noun: Noun, other = false) => foundSentence(found.total, found.shown.length, typed, noun, { other });
  it('should say how many match and how many are listed', () => {
    expect(said(findSources(catalogue, 'tun', new Set(), 10), 'tun', SOURCE_NOUN)).toBe('3 sources');
    expect(said(findSources(catalogue, 'hayat', new Set(), 10), 'hayat', SOURCE_NOUN)).toBe('1 source');
    expect(said(findSources(catalogue, 'n', new Set(), 2), 'n', SOURCE_NOUN)).toBe('5 sources match; the first 2 are listed');
    expect(said({ shown: [], total: 0 }, ' reuters ', NAME)).toBe('No name matches “reuters”');
    expect(said({ shown: [], total: 0 }, 'reuters', SOURCE_NOUN, true)).toBe('No other source matches “reuters”');
    expect(foundSentence(0, 0, 'reuters', NAME, { where: ' in these results' })).toBe('No name matches “reuters” in these results');
  });
  it('should write a count of thousands as a reader reads it', () => {
    expect(foundSentence(21610, 12, 'is', NAME)).toBe('21,610 names match; the first 12 are listed');
    expect(foundSentence(1001, 1001, 'a', SOURCE_NOUN)).toBe('1,001 sources');
  });
});

describe('sourceTitle', () => {
  it('should give the headline, with the date the name adds to one of several alike', () => {
    expect(sourceTitle(source('a', 'Lantern News', 'Raids in the north'))).toBe('Raids in the north');
    expect(sourceTitle({ ...source('a', 'Lantern News', 'Live: the siege'), name: 'Lantern News: Live: the siege' })).toBe('Live: the siege');
    expect(sourceTitle({ ...source('a', 'Lantern News', 'Live: the siege'), name: 'Lantern News: Live: the siege (3 March 2017)' })).toBe(
      'Live: the siege (3 March 2017)',
    );
  });
});
