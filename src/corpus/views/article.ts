/** The article page's views: its rails (nearby sources, themes elsewhere) and its passages' links. */
import { summarize, type Article, type Corpus, type Passage, type PassageSummary, type ThemeInfo } from '../model';
import { lookups, passagesOnTheme } from '../lookups';
import { pageOf, pageSize } from '../paging';
import { HOME_SOURCES_PER_PAGE, RAIL_PASSAGES_PER_THEME, SOURCE_NAV_SIZE } from '../site';
import { compareRowId, compareUrl } from '../../contract/routes';
import { MAX_SOURCES } from '../../client/compare/selection';
import { comparableArticles } from '../compare';

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
  /** The compare view on this article and the first sources it holds that speak to the theme, at the theme's row; null when there is none. */
  compare: string | null;
}

/** The themes an article touches, in taxonomy order, with where else each is discussed. */
export function themesInArticle(corpus: Corpus, article: Article): ThemeInArticle[] {
  return corpus.themes.flatMap((theme) => {
    const count = passagesOnTheme(corpus, theme.id, article).length;
    if (count === 0) return [];
    // Only the sources that speak to the theme, and of them only as many as can give a pick:
    // each gives at most one a round, so the first RAIL_PASSAGES_PER_THEME (after this one)
    // fill the rail. Looking further would cost every article page a scan of the dossier.
    const bySource: Passage[][] = [];
    for (const [slug, list] of lookups(corpus).themePassages.get(theme.id)!) {
      if (bySource.length === RAIL_PASSAGES_PER_THEME) break;
      if (slug !== article.slug) bySource.push(list);
    }
    const picked = takeInTurn(bySource, RAIL_PASSAGES_PER_THEME);
    const elsewhere = picked.map((p) => summarize(corpus, p.id, 12));
    const elsewhereTotal = lookups(corpus).themeTotals.get(theme.id)! - count;
    return [{ theme, count, elsewhere, elsewhereTotal, compare: compareOnTheme(corpus, article, theme.id) }];
  });
}

/**
 * The compare view on `article` and the first sources the view holds that speak to the theme
 * (up to MAX_SOURCES in all, in publication order: the order of its pages), at the theme's row;
 * null when the view does not hold the article (a big dossier compares its most recent sources)
 * or no other source it holds speaks to the theme.
 */
function compareOnTheme(corpus: Corpus, article: Article, themeId: string): string | null {
  const held = comparableArticles(corpus.articles);
  if (!held.includes(article)) return null;
  const speaking = lookups(corpus).themePassages.get(themeId)!;
  const others = held.filter((a) => a !== article && (speaking.get(a.slug)?.length ?? 0) > 0).slice(0, MAX_SOURCES - 1);
  if (!others.length) return null;
  const chosen = held.filter((a) => a === article || others.includes(a)).map((a) => a.slug);
  return `${compareUrl(chosen)}#${compareRowId(themeId)}`;
}

/**
 * The article rail's sources: `size` around the current one in publication order, how many
 * there are in all, and the home page's page that lists the current one (the rail's "All sources").
 */
export function nearbySources(articles: readonly Article[], current: Article, size = SOURCE_NAV_SIZE) {
  const at = articles.indexOf(current);
  const start = Math.max(0, Math.min(at - Math.floor(size / 2), articles.length - size));
  return { shown: articles.slice(start, start + size), total: articles.length, homePage: pageOf(at, pageSize(HOME_SOURCES_PER_PAGE)) };
}

/**
 * Up to `max` items, one from each list in turn (first items first), returned list by list:
 * each list's picks are a prefix of it, so this is the lists' prefixes joined.
 */
function takeInTurn<T>(lists: readonly T[][], max: number): T[] {
  const taken = lists.map(() => 0);
  let count = 0;
  for (let round = 0, more = true; count < max && more; round++) {
    more = false;
    for (let i = 0; i < lists.length && count < max; i++) {
      if (lists[i]!.length > round) {
        taken[i]!++;
        count++;
        more = true;
      }
    }
  }
  return lists.flatMap((list, i) => list.slice(0, taken[i]));
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
