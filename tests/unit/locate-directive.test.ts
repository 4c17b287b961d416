import { describe, expect, it } from 'vitest';
import approximate from 'approx-string-match';
import { locateDirective } from '../../src/annotations/anchoring/locate-directive';
import type { TextDirective } from '../../src/annotations/anchoring/text-fragment';

const PASSAGE =
  'The port authority said the new cranes would arrive in March. Dock workers said the cranes ' +
  'would arrive late, as they always had, and that the night shift would pay for the delay.';

/** The text a located range covers, or null. */
function quoted(text: string, directive: TextDirective, withApproximate = true): string | null {
  const found = locateDirective(text, directive, withApproximate ? approximate : undefined);
  return found ? text.slice(found.start, found.end) : null;
}

describe('locateDirective', () => {
  it('should find a plain quote at its offsets', () => {
    const found = locateDirective(PASSAGE, { textStart: 'night shift' });
    const at = PASSAGE.indexOf('night shift');
    expect(found).toEqual({ start: at, end: at + 'night shift'.length });
  });

  it('should ignore case and runs of white space, as the spec does', () => {
    expect(quoted(PASSAGE, { textStart: 'DOCK   workers\nsaid' }, false)).toBe('Dock workers said');
  });

  it('should let the prefix and suffix choose between repeated words', () => {
    const second = PASSAGE.lastIndexOf('the cranes would arrive');
    expect(locateDirective(PASSAGE, { prefix: 'workers said', textStart: 'the cranes would arrive' })?.start).toBe(second);
    expect(locateDirective(PASSAGE, { textStart: 'the cranes would arrive', suffix: 'late' })?.start).toBe(second);
    expect(locateDirective(PASSAGE, { textStart: 'cranes would arrive', suffix: 'in March' })?.start).toBe(
      PASSAGE.indexOf('cranes would arrive'),
    );
  });

  it('should still find the quote when its surroundings were edited', () => {
    expect(quoted(PASSAGE, { prefix: 'harbour workers said', textStart: 'the cranes would arrive late' }, false)).toBe(
      'the cranes would arrive late',
    );
  });

  it('should cover everything from the start term to the end term of a long quote', () => {
    expect(quoted(PASSAGE, { textStart: 'Dock workers', textEnd: 'pay for the delay' }, false)).toBe(
      'Dock workers said the cranes would arrive late, as they always had, and that the night shift would pay for the delay',
    );
  });

  it('should find a quote whose words changed slightly since the link was made, with the approximate matcher', () => {
    const edited = PASSAGE.replace('would pay for the delay', 'would pay for that delay');
    expect(quoted(edited, { textStart: 'the night shift would pay for the delay' })).toBe('the night shift would pay for that delay');
  });

  it('should find only exact matches without the approximate matcher', () => {
    const edited = PASSAGE.replace('would pay for the delay', 'would pay for that delay');
    expect(locateDirective(edited, { textStart: 'the night shift would pay for the delay' })).toBeNull();
  });

  it('should prefer the approximate match whose context agrees', () => {
    const text = 'In the north, the pumps failed twice in May. In the south, the pumps failed twice in June.';
    const found = locateDirective(text, { prefix: 'In the south,', textStart: 'the pump failed twice' }, approximate);
    expect(found?.start).toBe(text.lastIndexOf('the pumps failed'));
  });

  it('should find an edited end term after the start term', () => {
    const edited = PASSAGE.replace('would pay for the delay', 'would pay for this delay');
    expect(quoted(edited, { textStart: 'Dock workers', textEnd: 'would pay for the delay' })).toBe(
      'Dock workers said the cranes would arrive late, as they always had, and that the night shift would pay for this delay',
    );
  });

  it('should return null when the passage no longer holds the quote', () => {
    expect(locateDirective(PASSAGE, { textStart: 'the minister resigned on Tuesday evening' }, approximate)).toBeNull();
  });

  it('should return null when the end term of a long quote is gone', () => {
    expect(locateDirective(PASSAGE, { textStart: 'Dock workers', textEnd: 'ministers were consulted in advance' }, approximate)).toBeNull();
  });
});
