import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readEntities } from '../../src/corpus/analysis-data';
import type { PassageLike } from '../../src/corpus/analysis-types';
import { extractEntities } from '../../src/corpus/entities';
import { readArticlesFromDisk } from '../../src/corpus/read-articles';
import { buildVocabulary, editDistance, suggest } from '../../src/corpus/vocabulary';

const passage = (id: string, text: string): PassageLike => ({ id, article: 'a', order: 0, section: null, text });

describe('editDistance', () => {
  it('should count insertions, deletions, substitutions and neighbour swaps as one edit each', () => {
    expect(editDistance('hofman', 'hoffman')).toBe(1);
    expect(editDistance('tunesia', 'tunisia')).toBe(1);
    expect(editDistance('sryia', 'syria')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('should stop early beyond the limit', () => {
    expect(editDistance('afghanistan', 'x', 2)).toBe(3);
  });
});

describe('buildVocabulary', () => {
  const passages = [
    passage('a-000001', 'Fighters returned to Tunisia. The returnees, the fighters and their families.'),
    passage('a-000002', 'Tunisia sent the most fighters per capita; it is a small country.'),
  ];
  const vocabulary = buildVocabulary(passages, { entities: [] });

  it('should keep words of four or more letters, no stop words, most frequent first', () => {
    expect(vocabulary.words[0]).toBe('fighters');
    expect(vocabulary.words).toContain('Tunisia');
    expect(vocabulary.words).not.toContain('the');
    expect(vocabulary.words).not.toContain('per');
  });

  it('should add entity names as written in the text', () => {
    const withEntities = buildVocabulary(passages, {
      entities: [
        {
          id: 'bruce-hoffman',
          name: 'Bruce Hoffman',
          kind: 'person',
          aliases: ['Prof. Hoffmann'],
          mentions: [{ passageId: 'x', start: 0, end: 13, text: 'Bruce Hoffman' }],
        },
      ],
    });
    expect(withEntities.words).toEqual(expect.arrayContaining(['Bruce', 'Hoffman']));
    expect(withEntities.words).not.toContain('Hoffmann');
  });
});

describe('suggest', () => {
  const articles = readArticlesFromDisk();
  const passages = articles.flatMap((a) => a.passages);
  const vocabulary = buildVocabulary(passages, extractEntities(passages, readEntities()));

  it.each([
    ['Tunesia', 'Tunisia'],
    ['Hofman', 'Hoffman'],
    ['Afganistan', 'Afghanistan'],
    ['Bruce Hofman', 'Bruce Hoffman'],
    ['returnes', 'returnees'],
    ['Bagdadi', 'Baghdadi'],
  ])('should suggest for "%s" the dossier’s "%s"', (query, expected) => {
    expect(suggest(query, vocabulary)[0]?.text).toBe(expected);
  });

  it('should suggest nothing when every word is known, whatever its case', () => {
    expect(suggest('foreign fighters', vocabulary)).toEqual([]);
    expect(suggest('TUNISIA', vocabulary)).toEqual([]);
  });

  it('should suggest nothing when no word is close enough', () => {
    expect(suggest('xylophone', vocabulary)).toEqual([]);
  });

  it('should stay small enough to ship: under 8 KB gzipped', () => {
    const bytes = gzipSync(JSON.stringify(vocabulary)).length;
    expect(bytes).toBeLessThan(8 * 1024);
  });
});
