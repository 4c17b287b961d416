import { describe, expect, it } from 'vitest';
import { segmentText } from '../../src/corpus/segments';

describe('segmentText', () => {
  const text = 'Fighters left Tunisia for Syria via Turkey.';
  const at = (word: string, entityId: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length, entityId });

  it('should keep the text whole, in order, with links where mentions are', () => {
    const segments = segmentText(text, [at('Turkey', 'turkey'), at('Tunisia', 'tunisia')]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.entityId).map((s) => [s.text, s.entityId])).toEqual([
      ['Tunisia', 'tunisia'],
      ['Turkey', 'turkey'],
    ]);
  });

  it('should return one plain segment when there are no mentions', () => {
    expect(segmentText(text, [])).toEqual([{ text }]);
  });

  it('should skip overlapping and out-of-range mentions rather than duplicate text', () => {
    const segments = segmentText(text, [
      at('Tunisia', 'tunisia'),
      { start: text.indexOf('Tunisia') + 2, end: text.indexOf('Tunisia') + 9, entityId: 'x' },
      { start: 40, end: 99, entityId: 'y' },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.entityId)).toHaveLength(1);
  });
});
