/** The home page's pages: the sources as cards and their source × theme coverage matrix. */
import { lookups } from '../lookups';
import type { Article, Corpus, ThemeInfo } from '../model';
import { pageSize, paginate, type Paged } from '../paging';
import { HOME_SOURCES_PER_PAGE } from '../site';
import { themeSourceUrl } from './theme';
import { coverage, coverageLevel, sourceRef, yearStarts, type SourceRef, type YearStart } from './sources';

export interface CoverageMatrix {
  sources: SourceRef[];
  /** How many sources the dossier has: the totals column counts them all, not only the columns shown. */
  dossierSources: number;
  rows: {
    theme: ThemeInfo;
    /** Passages on the theme in the whole dossier (every source, not only the columns shown). */
    total: number;
    cells: { source: SourceRef; count: number; level: 0 | 1 | 2 | 3 | 4; href: string }[];
  }[];
  /** The largest cell of the whole dossier: what level 4 stands for (the same on every page). */
  max: number;
}

/**
 * The source × theme table for `articles` (by default every source): passages per cell, each
 * linking to the theme page's column. Shades are on the whole dossier's scale.
 */
export function coverageMatrix(corpus: Corpus, articles: readonly Article[] = corpus.articles, counts = coverage(corpus)): CoverageMatrix {
  let max = 0;
  for (const perTheme of counts.values()) for (const n of perTheme.values()) max = Math.max(max, n);
  const sources = articles.map(sourceRef);
  const { themeTotals } = lookups(corpus);
  return {
    sources,
    dossierSources: corpus.articles.length,
    max,
    rows: corpus.themes.map((theme) => ({
      theme,
      total: themeTotals.get(theme.id)!,
      cells: sources.map((source) => {
        const count = counts.get(source.slug)!.get(theme.id)!;
        return { source, count, level: coverageLevel(count, max), href: themeSourceUrl(corpus, theme.id, source.slug) };
      }),
    })),
  };
}

export interface HomePage {
  /** This page's sources, in publication order. */
  articles: Article[];
  /** The coverage matrix of this page's sources. */
  matrix: CoverageMatrix;
  /** Where each year's sources start. */
  years: YearStart[];
  paging: Omit<Paged<unknown>, 'items'>;
}

/**
 * /, /page/2/…: the sources, HOME_SOURCES_PER_PAGE a page, each page with its sources' cards and
 * their columns of the coverage matrix; a page weighs the same however big the dossier grows.
 */
export function homePages(corpus: Corpus): HomePage[] {
  const counts = coverage(corpus);
  const size = pageSize(HOME_SOURCES_PER_PAGE);
  const years = yearStarts(corpus.articles, size);
  return paginate(corpus.articles, size).map(({ items, ...paging }) => ({
    articles: items,
    matrix: coverageMatrix(corpus, items, counts),
    years,
    paging,
  }));
}
