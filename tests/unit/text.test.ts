import { describe, expect, it } from 'vitest';
import { foldSpelling, normalizeWord, stem, tokenize } from '../../src/corpus/text';

describe('stem (Porter)', () => {
  it.each([
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['hopping', 'hop'],
    ['relational', 'relat'],
    ['generalizations', 'gener'],
    ['fighters', 'fighter'],
    ['returning', 'return'],
  ])('should stem %s to %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('normalizeWord', () => {
  it('should fold British -ise spellings, possessives, accents and case', () => {
    expect(stem(normalizeWord('radicalised'))).toBe(stem(normalizeWord('radicalized')));
    expect(foldSpelling('deradicalisation')).toBe('deradicalization');
    expect(foldSpelling('promise')).toBe('promise');
    expect(normalizeWord('ISIS’')).toBe('isis');
    expect(normalizeWord('group’s')).toBe('group');
    expect(normalizeWord('Défense')).toBe('defense');
  });
});

describe('tokenize', () => {
  it('should give exact offsets and split hyphenated words', () => {
    const text = 'Lone-wolf attacks, the group’s “caliphate”.';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.raw)).toEqual(['Lone', 'wolf', 'attacks', 'the', 'group’s', 'caliphate']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.raw);
  });
});
