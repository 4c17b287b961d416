import { describe, expect, it } from 'vitest';
import { mergeEdit } from '../../src/annotations/merge';
import { editAnnotation } from '../../src/annotations/model';
import { makeAnnotation } from './annotation-helpers';

describe('mergeEdit', () => {
  const base = makeAnnotation('remain and expand', { note: 'n', tags: ['a'], colour: 'yellow' });
  const later = (content: Parameters<typeof editAnnotation>[1]) => editAnnotation(base, content, new Date('2027-01-01T00:00:00Z'));

  it('should take every field from this editor when nothing else changed', () => {
    expect(mergeEdit(base, { colour: 'pink', note: 'm', tags: ['b'] }, base)).toEqual({ content: { colour: 'pink', note: 'm', tags: ['b'] }, keptFromOthers: [] });
  });

  it('should keep the fields another tab changed and this editor did not', () => {
    const stored = later({ colour: 'blue', note: 'n', tags: ['a', 'z'] });
    expect(mergeEdit(base, { colour: 'yellow', note: 'mine', tags: ['a'] }, stored)).toEqual({
      content: { colour: 'blue', note: 'mine', tags: ['a', 'z'] },
      keptFromOthers: ['colour', 'tags'],
    });
  });

  it('should let this editor win a field both changed', () => {
    const stored = later({ colour: 'blue', note: 'theirs', tags: ['a'] });
    expect(mergeEdit(base, { colour: 'green', note: 'mine', tags: ['a'] }, stored).content).toEqual({ colour: 'green', note: 'mine', tags: ['a'] });
  });
});
