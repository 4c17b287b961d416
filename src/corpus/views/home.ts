/** The home page's source × theme coverage matrix. */
import type { Corpus, ThemeInfo } from '../model';
import { themeSourceUrl } from './theme';
import { coverage, coverageLevel, sourceRef, type SourceRef } from './sources';

export interface CoverageMatrix {
  sources: SourceRef[];
  rows: {
    theme: ThemeInfo;
    total: number;
    cells: { source: SourceRef; count: number; level: 0 | 1 | 2 | 3 | 4; href: string }[];
  }[];
  /** The largest cell: what level 4 stands for. */
  max: number;
}

/** The home page's source × theme table: passages per cell, each linking to the theme page's column. */
export function coverageMatrix(corpus: Corpus): CoverageMatrix {
  const counts = coverage(corpus);
  const sources = corpus.articles.map(sourceRef);
  let max = 0;
  for (const perTheme of counts.values()) for (const n of perTheme.values()) max = Math.max(max, n);
  return {
    sources,
    max,
    rows: corpus.themes.map((theme) => {
      const cells = sources.map((source) => {
        const count = counts.get(source.slug)!.get(theme.id)!;
        return { source, count, level: coverageLevel(count, max), href: themeSourceUrl(corpus, theme.id, source.slug) };
      });
      return { theme, total: cells.reduce((n, c) => n + c.count, 0), cells };
    }),
  };
}
