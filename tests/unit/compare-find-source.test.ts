import { describe, expect, it } from 'vitest';
import type { CompareSourceJson } from '../../src/contract/endpoints';
import { findSources, foundSentence } from '../../src/client/compare/find-source';

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

  it('should say what it found', () => {
    expect(foundSentence(findSources(catalogue, 'tun', new Set(), 10), 'tun')).toBe('3 sources');
    expect(foundSentence(findSources(catalogue, 'hayat', new Set(), 10), 'hayat')).toBe('1 source');
    expect(foundSentence(findSources(catalogue, 'n', new Set(), 2), 'n')).toBe('5 sources match; the first 2 are listed');
    expect(foundSentence(findSources(catalogue, 'reuters', new Set(), 2), ' reuters ')).toBe('No other source matches “reuters”');
  });
});
