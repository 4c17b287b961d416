import { describe, expect, it } from 'vitest';
import {
  articleSlugOf,
  colourOf,
  editAnnotation,
  newAnnotationId,
  noteOf,
  parseTagInput,
  passageIdOf,
  quoteOf,
  tagsOf,
} from '../../src/annotations/model';
import { normalizeAnnotation } from '../../src/annotations/normalize';
import { makeAnnotation } from './annotation-helpers';

describe('newAnnotation', () => {
  it('should write a W3C annotation that reads back unchanged, the position refining the passage', () => {
    const a = makeAnnotation('remain and expand', { note: 'Their *motto*', tags: ['ideology'], colour: 'green' });
    expect(normalizeAnnotation(a)).toEqual({ ok: true, annotation: a });
    expect(a.motivation).toBe('commenting');
    expect(a.target.selector.map((s) => s.type)).toEqual(['FragmentSelector', 'TextQuoteSelector']);
    expect(a.stylesheet).toEqual({ type: 'CssStylesheet', value: expect.stringContaining('.highlight-green {') });
    expect([passageIdOf(a), quoteOf(a), noteOf(a), tagsOf(a), colourOf(a), articleSlugOf(a)]).toEqual([
      'cnn-4dd3d1',
      'remain and expand',
      'Their *motto*',
      ['ideology'],
      'green',
      'cnn-isis-2-0',
    ]);
  });

  it('should call an annotation without a note a highlight', () => {
    expect(makeAnnotation('remain and expand').motivation).toBe('highlighting');
  });
});

describe('editAnnotation', () => {
  it('should replace note, tags and colour and bump modified only', () => {
    const a = makeAnnotation('remain and expand', { note: 'old', tags: ['a'] });
    const b = editAnnotation(a, { note: '', tags: ['b', ' B ', 'c'], colour: 'pink' }, new Date('2026-02-01T00:00:00Z'));
    expect(b.created).toBe(a.created);
    expect(b.modified).toBe('2026-02-01T00:00:00.000Z');
    expect([noteOf(b), tagsOf(b), colourOf(b), b.motivation]).toEqual(['', ['b', 'c'], 'pink', 'highlighting']);
    expect(b.target.selector).toEqual(a.target.selector);
  });
});

describe('parseTagInput', () => {
  it('should split on commas, semicolons and lines, trimming and dropping duplicates', () => {
    expect(parseTagInput(' Raqqa, raqqa ;foreign  fighters\n\n,')).toEqual(['Raqqa', 'foreign fighters']);
  });
});

describe('newAnnotationId', () => {
  it('should make distinct urn:uuid ids the schema accepts', () => {
    const ids = new Set(Array.from({ length: 50 }, newAnnotationId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
