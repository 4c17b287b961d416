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
 * The compare view on `article` and up to MAX_SOURCES - 1 others that speak to the theme, in
 * publication order, at the theme's row; null when no other source does. An article the view
 * holds is compared with the first sources it holds that speak (the order of its pair pages);
 * one it does not hold (a large dossier) with those nearest it in time, which the view fetches.
 */
function compareOnTheme(corpus: Corpus, article: Article, themeId: string): string | null {
  const held = comparableArticles(corpus.articles);
  const speaking = lookups(corpus).themePassages.get(themeId)!;
  const speaks = (a: Article) => a !== article && (speaking.get(a.slug)?.length ?? 0) > 0;
  const isHeld = held.includes(article);
  const others = isHeld ? held.filter(speaks).slice(0, MAX_SOURCES - 1) : nearest(corpus.articles, article, speaks, MAX_SOURCES - 1);
  if (!others.length) return null;
  const chosen = corpus.articles.filter((a) => a === article || others.includes(a)).map((a) => a.slug);
  return `${compareUrl(chosen, isHeld)}#${compareRowId(themeId)}`;
}

/** Up to `max` items of `list` that pass `keep`, nearest `item` first (the earlier of two as near). */
export function nearest<T>(list: readonly T[], item: T, keep: (x: T) => boolean, max: number): T[] {
  const at = list.indexOf(item);
  const found: T[] = [];
  for (let step = 1; found.length < max && (at - step >= 0 || at + step < list.length); step++) {
    for (const i of [at - step, at + step]) if (i >= 0 && i < list.length && found.length < max && keep(list[i]!)) found.push(list[i]!);
  }
  return found;
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
