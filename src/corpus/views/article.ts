/** The article page's views: its rails (nearby sources, themes elsewhere) and its passages' links. */
import { summarize, type Article, type Corpus, type PassageSummary, type ThemeInfo } from '../model';
import { lookups, passagesOnTheme } from '../lookups';
import { RAIL_PASSAGES_PER_THEME, SOURCE_NAV_SIZE } from '../site';

export interface ThemeInArticle {
  theme: ThemeInfo;
  /** Passages of this article on the theme. */
  count: number;
  /**
   * Passages on the theme in the other sources, taken in turn from each source (so a
   * prolific one does not crowd out the rest), at most RAIL_PASSAGES_PER_THEME, and then
   * in publication order.
   */
  elsewhere: PassageSummary[];
  /** All passages on the theme in the other sources (the theme page lists them). */
  elsewhereTotal: number;
}

/** The themes an article touches, in taxonomy order, with where else each is discussed. */
export function themesInArticle(corpus: Corpus, article: Article): ThemeInArticle[] {
  return corpus.themes.flatMap((theme) => {
    const count = passagesOnTheme(corpus, theme.id, article).length;
    if (count === 0) return [];
    // Only the sources that speak to the theme: a silent one adds nothing to pick from.
    const bySource = [...lookups(corpus).themePassages.get(theme.id)!.entries()]
      .filter(([slug]) => slug !== article.slug)
      .map(([, list]) => list);
    const picked = takeInTurn(bySource, RAIL_PASSAGES_PER_THEME);
    const elsewhere = bySource.flatMap((list) => list.filter((p) => picked.has(p))).map((p) => summarize(corpus, p.id, 12));
    const elsewhereTotal = lookups(corpus).themeTotals.get(theme.id)! - count;
    return [{ theme, count, elsewhere, elsewhereTotal }];
  });
}

/** The article rail's sources: `size` around the current one in publication order, and how many there are in all. */
export function nearbySources(articles: readonly Article[], current: Article, size = SOURCE_NAV_SIZE) {
  const at = articles.indexOf(current);
  const start = Math.max(0, Math.min(at - Math.floor(size / 2), articles.length - size));
  return { shown: articles.slice(start, start + size), total: articles.length };
}

/** Up to `max` items, one from each list in turn (first items first). */
function takeInTurn<T>(lists: T[][], max: number): Set<T> {
  const picked = new Set<T>();
  for (let round = 0; picked.size < max && lists.some((l) => l.length > round); round++) {
    for (const list of lists) {
      const item = list[round];
      if (item !== undefined && picked.size < max) picked.add(item);
    }
  }
  return picked;
}

/** Per passage of an article: its themes as objects and its related passages as summaries. */
export function passageDetails(corpus: Corpus, article: Article) {
  return new Map(
    article.passages.map((p) => [
      p.id,
      {
        themes: p.themes.map((id) => corpus.themesById.get(id)!),
        related: p.related.map((r) => summarize(corpus, r.id, 14)),
      },
    ]),
  );
}
