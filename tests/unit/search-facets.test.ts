/**
 * src/client/search/facets.ts: whether anything is selected, and the sentence above the
 * results. The narrowing and the counts themselves: search-engine.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  describeResults,
  describeSelection,
  emptySelection,
  hasSelection,
  type Selection,
} from '../../src/client/search/facets';

const select = (partial: Partial<Selection>): Selection => ({ ...emptySelection(), ...partial });

describe('a selection', () => {
  it('should know when anything is selected', () => {
    expect(hasSelection(emptySelection())).toBe(false);
    expect(hasSelection(select({ entity: ['Tunisia'] }))).toBe(true);
  });
});

describe('describing a search', () => {
  it('should say where the results come from', () => {
    expect(describeSelection(select({ source: ['CNN', 'BBC News', 'FT'], theme: ['Foreign fighters'], entity: ['Tunisia'] }))).toBe(
      'in CNN, BBC News or FT, on Foreign fighters, naming Tunisia',
    );
  });

  it('should count results, say when only some are shown, and mind the singular', () => {
    expect(describeResults(1, 'Raqqa', emptySelection(), 1)).toBe('1 passage matches “Raqqa”.');
    expect(describeResults(31, 'fighters', select({ source: ['CNN'] }), 20)).toBe(
      '31 passages match “fighters” in CNN (showing 20).',
    );
    expect(describeResults(16, '', select({ theme: ['Foreign fighters'] }), 16)).toBe('16 passages on Foreign fighters.');
    expect(describeResults(9076, 'fighters', emptySelection(), 20)).toBe('9,076 passages match “fighters” (showing 20).');
  });

  it('should speak of results while passages and notes are not told apart yet', () => {
    expect(describeResults(31, 'fighters', emptySelection(), 6, 0, true)).toBe('31 results match “fighters” (showing 6).');
    expect(describeResults(1, 'Raqqa', emptySelection(), 1, 0, true)).toBe('1 result matches “Raqqa”.');
  });

  it('should teach what to try when nothing matches', () => {
    expect(describeResults(0, 'Tunesia', emptySelection(), 0)).toMatch(/No passage matches “Tunesia”\. Try .*another spelling/);
    expect(describeResults(0, 'Raqqa', select({ source: ['FT'] }), 0)).toMatch(/fewer filters/);
  });

  it('should say how many results the words find without the filters, when the filters leave none', () => {
    expect(describeResults(0, 'Tunisia', select({ source: ['FT'] }), 0, 0, false, 3)).toBe(
      'No passage matches “Tunisia” in FT. Without the filters it finds 3 results.',
    );
    expect(describeResults(0, 'Tunisia', select({ source: ['FT'] }), 0, 0, false, 1)).toMatch(/finds 1 result\.$/);
    // without a selection the count is the search's own: nothing to add
    expect(describeResults(0, 'Tunesia', emptySelection(), 0, 0, false, 0)).toMatch(/another spelling/);
  });
});

describe('describing a search that also finds editors’ notes', () => {
  it('should name notes apart from passages', () => {
    expect(describeResults(9, 'Raqqa', emptySelection(), 6, 1)).toBe('9 passages and 1 editors’ note match “Raqqa” (showing 6).');
    expect(describeResults(0, 'rehabilitation', emptySelection(), 1, 1)).toBe('1 editors’ note matches “rehabilitation”; no passage does.');
    expect(describeResults(2, 'prison', emptySelection(), 4, 2)).toBe('2 passages and 2 editors’ notes match “prison”.');
  });
});
