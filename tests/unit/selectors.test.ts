import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, selectorsFor, targetFromSelectors, trimRange } from '../../src/annotations/anchoring/selectors';
import fixture from '../fixtures/anchoring/article.json';
import baseline from '../fixtures/anchoring/selectors-baseline.json';

const passage = fixture.passages.find((p) => p.id === 'cnn-4dd3d1')!;

describe('selectorsFor', () => {
  it('should describe a range with fragment, position and quote selectors', () => {
    const start = passage.text.indexOf('“Baqiya');
    const end = passage.text.indexOf('expand.”') + 'expand.”'.length;
    expect(selectorsFor(passage, start, end)).toEqual(baseline.baqiya);
  });

  it('should trim white space at the ends of the selection', () => {
    const start = passage.text.indexOf(' the caliphate');
    const [, position, quote] = selectorsFor(passage, start, start + ' the caliphate. '.length);
    expect(quote.exact).toBe('the caliphate.');
    expect(passage.text.slice(position.start, position.end)).toBe('the caliphate.');
  });

  it('should keep at most CONTEXT_LENGTH characters of context, and none past the passage edges', () => {
    const [, , first] = selectorsFor(passage, 0, 5);
    expect(first.prefix).toBe('');
    expect(first.suffix).toHaveLength(CONTEXT_LENGTH);
    const [, , last] = selectorsFor(passage, passage.text.length - 11, passage.text.length);
    expect(last.exact).toBe('resistance.');
    expect(last.suffix).toBe('');
  });

  it('should refuse an empty or blank selection', () => {
    expect(() => selectorsFor(passage, 5, 5)).toThrow(/Empty selection/);
    expect(() => selectorsFor({ id: 'x-000000', text: 'a   b' }, 1, 4)).toThrow(/Empty selection/);
  });
});

describe('trimRange', () => {
  it('should order reversed offsets and clamp them to the text', () => {
    expect(trimRange('abc', 5, -1)).toEqual({ start: 0, end: 3 });
  });
});

describe('targetFromSelectors', () => {
  it('should read back what selectorsFor wrote', () => {
    expect(targetFromSelectors(baseline.baqiya as never)).toEqual({
      passageId: 'cnn-4dd3d1',
      position: { start: baseline.baqiya[1]!.start, end: baseline.baqiya[1]!.end },
      quote: { exact: baseline.baqiya[2]!.exact, prefix: baseline.baqiya[2]!.prefix, suffix: baseline.baqiya[2]!.suffix },
    });
  });
});
