/**
 * The compare view's model: the chosen articles lined up by theme, the pairs that get
 * their own pre-rendered page, and the passage a column follows when kept in step.
 * Pure: plain corpus objects in, plain data out (the browser code uses the same helpers).
 */
import type { Article, Passage, ThemeInfo } from './model';
import type { Published } from './schema';
import { pageSize } from './paging';

/** One source's share of a theme row: its passages on the theme, in reading order (empty: silent). */
export interface CompareCell {
  article: string;
  passages: Passage[];
}

/** One theme across the chosen sources. `theme` is null for the row of passages on no theme. */
export interface CompareRow {
  theme: ThemeInfo | null;
  cells: CompareCell[];
  /** How many of the chosen sources say something on the theme. */
  voices: number;
}

/**
 * One row per theme (taxonomy order), one cell per article (the order given), then a last row
 * for the passages that carry no theme, so that the rows together hold every passage.
 */
export function compareRows(articles: Article[], themes: ThemeInfo[]): CompareRow[] {
  const row = (theme: ThemeInfo | null, keep: (p: Passage) => boolean): CompareRow => {
    const cells = articles.map((a) => ({ article: a.slug, passages: a.passages.filter(keep) }));
    return { theme, cells, voices: cells.filter((c) => c.passages.length > 0).length };
  };
  return [
    ...themes.map((theme) => row(theme, (p) => p.themes.includes(theme.id))),
    row(null, (p) => p.themes.length === 0),
  ];
}

/**
 * The most sources the compare view holds in its pages. Every page of it lists, and
 * pre-renders a page for, each pair of the sources it holds, so beyond a handful the site
 * would grow with the square of the dossier; a larger dossier's view opens on its most recent
 * sources and fetches any other the reader picks, from a page of its own per source
 * (compareSourceUrl).
 */
export const COMPARE_LIMIT = 8;

/**
 * The sources the compare view holds: all of them, or the COMPARE_LIMIT most recent
 * (DOSSIER_PAGE_SIZE instead when the build sets it, as for every list: see paging.ts).
 */
export function comparableArticles<T>(articles: T[], limit = pageSize(COMPARE_LIMIT)): T[] {
  return articles.slice(-limit);
}

/** Every pair of articles, each in the order given (publication order, for the corpus). */
export function articlePairs<T>(articles: T[]): [T, T][] {
  return articles.flatMap((a, i) => articles.slice(i + 1).map((b): [T, T] => [a, b]));
}

/**
 * Keeping columns in step: given the themes of the passage a reader has scrolled to, the
 * passage another article should show — its first passage on the first of those themes it
 * speaks of at all. Null when it is silent on all of them.
 */
export function stepTarget(
  themes: readonly string[],
  passages: readonly Pick<Passage, 'id' | 'themes'>[],
): { passageId: string; theme: string } | null {
  for (const theme of themes) {
    const hit = passages.find((p) => p.themes.includes(theme));
    if (hit) return { passageId: hit.id, theme };
  }
  return null;
}

/** A source's year for tabs and pickers: "2017", "c. 2020" for an estimate, "n.d." when unknown. */
export function sourceYear(published: Published): string {
  const year = published.value?.slice(0, 4);
  if (!year) return 'n.d.';
  return published.status === 'estimate' ? `c. ${year}` : year;
}
