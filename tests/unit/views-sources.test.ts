/** How lists name a source: by outlet, with the headline when the outlet has several articles. */
import { describe, expect, it } from 'vitest';
import { sourceNamer } from '../../src/corpus/views/sources';

const article = (outlet: string, headline: string) => ({ meta: { outlet }, headline });

describe('sourceNamer', () => {
  const articles = [article('Lantern News', 'Raids in the north'), article('Atlas Monitor', 'A year on'), article('Lantern News', 'The money trail')];
  const nameOf = sourceNamer(articles);

  it('should name a source by its outlet when the dossier has one article of it', () => {
    expect(nameOf(articles[1]!)).toBe('Atlas Monitor');
  });

  it('should add the headline when the outlet has several, so that no two names read alike', () => {
    expect(articles.map(nameOf)).toEqual(['Lantern News: Raids in the north', 'Atlas Monitor', 'Lantern News: The money trail']);
    expect(new Set(articles.map(nameOf)).size).toBe(articles.length);
  });

  it('should add the date when articles of an outlet share their headline (a live page saved each day)', () => {
    const published = (value: string | null) => ({ value, precision: 'day' as const, status: value ? ('verified' as const) : ('unknown' as const) });
    const live = (value: string | null) => ({ meta: { outlet: 'Lantern News', published: published(value) }, headline: 'Live: the siege' });
    const saved = [live('2021-02-20'), live('2021-02-21'), live(null), { meta: { outlet: 'Lantern News', published: published('2021-02-22') }, headline: 'The money trail' }];
    expect(saved.map(sourceNamer(saved))).toEqual([
      'Lantern News: Live: the siege (20 February 2021)',
      'Lantern News: Live: the siege (21 February 2021)',
      'Lantern News: Live: the siege (Date unknown)',
      'Lantern News: The money trail',
    ]);
  });
});
