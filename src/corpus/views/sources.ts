/** What several pages say about a source and about coverage (passages per source and theme). */
import { pageOf, sourceAnchor } from '../../contract/routes';
import type { Article, Corpus } from '../model';
import { passagesOnTheme } from '../lookups';
import { formatDate, isoDate } from '../format';
import type { Published } from '../schema';

/** The anchor of a source's column on a theme page: in the site's routes, re-exported for the views. */
export { sourceAnchor };

export interface SourceRef {
  slug: string;
  outlet: string;
  headline: string;
  url: string;
  /** `source-<slug>`: the source's column on a theme page. */
  anchor: string;
  /** The article's language when it is not the dossier's. */
  language?: string;
}

type Named = { meta: { outlet: string; published?: Published }; headline: string };
const namers = new WeakMap<readonly Named[], (article: Named) => string>();

/**
 * How a list names a source: by its outlet, or, when the dossier holds several articles of that
 * outlet, by outlet and headline ("Lantern News: Raids in the north"), and by its date too when
 * several share the headline (a live page saved each day), so that no two entries of a list read
 * alike. Counted over `articles`, the whole dossier.
 */
export function sourceNamer(articles: readonly Named[]): (article: Named) => string {
  // once per list: every page that names sources asks for the whole dossier's namer
  let namer = namers.get(articles);
  if (!namer) namers.set(articles, (namer = namerOf(articles)));
  return namer;
}

function namerOf(articles: readonly Named[]): (article: Named) => string {
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const perOutlet = new Map<string, number>();
  const perHeadline = new Map<string, number>();
  const headlineKey = (a: Named) => `${a.meta.outlet}\n${a.headline}`;
  for (const a of articles) {
    count(perOutlet, a.meta.outlet);
    count(perHeadline, headlineKey(a));
  }
  return (a) => {
    if ((perOutlet.get(a.meta.outlet) ?? 0) < 2) return a.meta.outlet;
    const named = `${a.meta.outlet}: ${a.headline}`;
    if ((perHeadline.get(headlineKey(a)) ?? 0) < 2) return named;
    return `${named} (${a.meta.published ? formatDate(a.meta.published) : 'undated'})`;
  };
}

/** When a source was published, as a list shows it ("22 March 2017", "c. April 2017", "Date unknown") and for `<time datetime>`. */
export interface SourceDate {
  text: string;
  iso?: string;
}

export const sourceDate = (article: Named): SourceDate => {
  const published = article.meta.published;
  return published ? { text: formatDate(published), ...(isoDate(published) ? { iso: isoDate(published) } : {}) } : { text: 'Date unknown' };
};

export const sourceRef = (article: Article): SourceRef => ({
  slug: article.slug,
  outlet: article.meta.outlet,
  headline: article.headline,
  url: article.url,
  anchor: sourceAnchor(article.slug),
  ...(article.meta.language ? { language: article.meta.language } : {}),
});

/** Passages per source and theme: the home page's coverage matrix and the theme index. */
export function coverage(corpus: Corpus): Map<string, Map<string, number>> {
  return new Map(
    corpus.articles.map((a) => [
      a.slug,
      new Map(corpus.themes.map((t) => [t.id, passagesOnTheme(corpus, t.id, a).length])),
    ]),
  );
}

/** Shading step of a coverage cell: 0 for none, else 1–4 by its share of the largest cell. */
export function coverageLevel(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4))) as 1 | 2 | 3 | 4;
}

/** Where a year's sources start on a list cut into pages: the year ("Undated" last), its first source and the page it is on. */
export interface YearStart {
  year: string;
  slug: string;
  page: number;
  /** The last page that holds the year's sources. */
  lastPage: number;
}

/**
 * The years of a list of sources in publication order (an estimated date counts in its year),
 * each with where it starts when the list is cut into pages of `size`: a reader of a list of
 * many pages goes to 2019 without guessing which page it begins on.
 */
export function yearStarts(sources: readonly { slug: string; meta: { published?: Published } }[], size: number): YearStart[] {
  const starts: YearStart[] = [];
  sources.forEach((source, i) => {
    const year = source.meta.published?.value?.slice(0, 4) ?? 'Undated';
    const last = starts.at(-1);
    if (last?.year === year) last.lastPage = pageOf(i, size);
    else starts.push({ year, slug: source.slug, page: pageOf(i, size), lastPage: pageOf(i, size) });
  });
  return starts;
}
