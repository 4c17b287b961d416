import { describe, expect, it } from 'vitest';
import { defaultSelection, formatSelection, initialColumn, isAvailable, parseSelection, toggleSource } from '../../src/client/compare/selection';

const all = ['d1', 'cnn', 'ft', 'bbc', 'io'];

describe('defaultSelection', () => {
  it('should show every source on wide screens', () => {
    expect(defaultSelection(all, false)).toEqual(all);
  });

  it('should show the earliest and the latest on narrow screens', () => {
    expect(defaultSelection(all, true)).toEqual(['d1', 'io']);
  });

  it('should show both sources of a pair page on any screen', () => {
    expect(defaultSelection(['cnn', 'bbc'], true)).toEqual(['cnn', 'bbc']);
  });
});

describe('initialColumn', () => {
  it('should draw the first source as the tab shown and the others off-tab', () => {
    expect(all.map((slug) => initialColumn(slug, all).offTab)).toEqual([false, true, true, true, true]);
  });

  it('should leave out of a narrow screen exactly the sources the narrow default leaves out', () => {
    expect(all.filter((slug) => !initialColumn(slug, all).narrowOff)).toEqual(defaultSelection(all, true));
    expect(['cnn', 'bbc'].map((slug) => initialColumn(slug, ['cnn', 'bbc']).narrowOff)).toEqual([false, false]);
  });
});

describe('parseSelection', () => {
  it('should read the sources in corpus order, whatever the URL’s order', () => {
    expect(parseSelection('io,cnn,d1', all)).toEqual(['d1', 'cnn', 'io']);
  });

  it('should drop unknown and repeated slugs', () => {
    expect(parseSelection('cnn,nope,cnn,bbc', all)).toEqual(['cnn', 'bbc']);
  });

  it('should refuse fewer than two known sources', () => {
    expect(parseSelection('cnn', all)).toBeNull();
    expect(parseSelection('cnn,nope', all)).toBeNull();
    expect(parseSelection('', all)).toBeNull();
    expect(parseSelection(null, all)).toBeNull();
  });

  it('should round-trip through formatSelection', () => {
    const chosen = ['cnn', 'ft', 'io'];
    expect(parseSelection(formatSelection(chosen), all)).toEqual(chosen);
  });
});

describe('toggleSource', () => {
  it('should add and remove sources, keeping corpus order', () => {
    expect(toggleSource(['cnn', 'io'], all, 'd1', true)).toEqual({ ok: true, selected: ['d1', 'cnn', 'io'] });
    expect(toggleSource(['d1', 'cnn', 'io'], all, 'cnn', false)).toEqual({ ok: true, selected: ['d1', 'io'] });
  });

  it('should refuse to go below two sources, saying why', () => {
    const result = toggleSource(['cnn', 'io'], all, 'io', false);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/at least 2/);
  });

  it('should refuse an unknown source', () => {
    expect(toggleSource(['cnn', 'io'], all, 'nope', true).ok).toBe(false);
  });
});

describe('isAvailable', () => {
  it('should tell whether a page holds every chosen source', () => {
    expect(isAvailable(['cnn', 'bbc'], ['cnn', 'bbc'])).toBe(true);
    expect(isAvailable(['cnn', 'ft'], ['cnn', 'bbc'])).toBe(false);
  });
});
