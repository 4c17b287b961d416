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
});
