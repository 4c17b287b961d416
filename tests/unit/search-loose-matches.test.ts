/** src/client/search/loose-matches.ts: real hits versus the pieces Pagefind splits unknown words into. */
import { describe, expect, it } from 'vitest';
import { hitsWord, markedWords, queryWords, unfoundWords } from '../../src/client/search/loose-matches';

describe('hitsWord', () => {
  it('should accept stems, inflections and prefixes of the query word', () => {
    expect(hitsWord('fighting', 'fight')).toBe(true);
    expect(hitsWord('fighters', 'fighters,')).toBe(true);
    expect(hitsWord('returnee', 'returnees')).toBe(true);
    expect(hitsWord('jihadis', 'jihadists')).toBe(true);
    expect(hitsWord('Tuni', 'Tunisia')).toBe(true);
    expect(hitsWord('tunisia', 'Tunisians')).toBe(true);
  });

  it('should refuse the fragments of an unknown word', () => {
    expect(hitsWord('afganistan', 'a')).toBe(false);
    expect(hitsWord('insideover', 'in')).toBe(false);
    expect(hitsWord('tunesia', 'tunisia')).toBe(false);
  });
});

describe('unfoundWords', () => {
  it('should count a part of a hyphenated marked word as a hit', () => {
    expect(unfoundWords('Baghdadi', ['al-Baghdadi'])).toEqual([]);
    expect(unfoundWords('Qaeda', ['al-Qaeda’s'])).toEqual([]);
  });

  it('should name the query words no marked word is a hit for', () => {
    expect(unfoundWords('Afganistan', ['a', 'A'])).toEqual(['afganistan']);
    expect(unfoundWords('foreign fighters', ['foreign', 'fighters'])).toEqual([]);
    expect(unfoundWords('foreign fihgters', ['foreign', 'fi'])).toEqual(['fihgters']);
  });

  it('should ignore one- and two-letter words', () => {
    expect(queryWords('IS in Iraq')).toEqual(['iraq']);
    expect(unfoundWords('al Qaeda', ['Qaeda'])).toEqual([]);
  });
});

describe('markedWords', () => {
  it('should read the hit words from the content at the hit locations', () => {
    expect(markedWords({ content: 'Many went to  Tunisia, then home.', locations: [3] })).toEqual(['Tunisia,']);
    expect(markedWords({ raw_content: 'a b c', content: 'x', locations: [0, 2] })).toEqual(['a', 'c']);
    expect(markedWords({})).toEqual([]);
  });
});
