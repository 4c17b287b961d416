/**
 * Every address the site serves, built and read in one place. Pages, endpoints, browser
 * code and tests call these instead of writing paths by hand, so a route can change once.
 * Dependency-free.
 */
import { isPassageId } from './passage-id';
import { passageFragment, type TextDirective } from './text-fragment';

export const HOME_URL = '/';
export const THEMES_URL = '/themes/';
export const ENTITIES_URL = '/entities/';
export const COMPARE_URL = '/compare/';
export const FIGURES_URL = '/figures/';
export const NOTEBOOK_URL = '/notebook/';
export const SEARCH_URL = '/search/';

export const articleUrl = (slug: string) => `/articles/${slug}/`;
/** Page `page` (from 1) of a paginated list whose first page is `base`: `<base><page>/` after the first. */
export const pagedUrl = (base: string, page = 1) => (page <= 1 ? base : `${base}${page}/`);
export const themeUrl = (themeId: string, page = 1) => pagedUrl(`/themes/${themeId}/`, page);
export const entityUrl = (entityId: string, page = 1) => pagedUrl(`/entities/${entityId}/`, page);
/** The home page's pages (the sources, in publication order): `/`, then `/page/2/`… */
export const homeUrl = (page = 1) => (page <= 1 ? HOME_URL : `${HOME_URL}page/${page}/`);
/** The figures' pages: `/figures/` (with the table), then `/figures/2/`… */
export const figuresUrl = (page = 1) => pagedUrl(FIGURES_URL, page);
/** The entity index's pages: `/entities/`, then `/entities/page/2/`… (`page` is never an entity's page: those have ids). */
export const entityIndexUrl = (page = 1) => pagedUrl(ENTITIES_URL, page).replace(/(\d+\/)$/, 'page/$1');

/** The anchor of a source on a theme's pages (the home matrix and the find field link to it). */
export const sourceAnchor = (slug: string) => `source-${slug}`;

/**
 * How a theme's pages hold the sources. A dossier that fits one page has a column for every
 * source, silent ones included (side by side, an empty column says something). Past one page,
 * only the sources with passages on the theme have columns, `perPage` a page in publication
 * order, and the others are listed after the last page's columns (`apart`).
 */
export interface ThemeLayout {
  perPage: number;
  /** Sources in the dossier. */
  sources: number;
  /** The places in publication order (from 0, ascending) of the sources without a column. */
  apart: readonly number[];
}

/** How many of the ascending `sorted` are below `value`. */
function countBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many pages a theme's columns fill (at least one: its sources without a column are listed on the last). */
export const themePageCount = (layout: ThemeLayout) => Math.max(1, Math.ceil((layout.sources - layout.apart.length) / layout.perPage));

/** The page of a theme's pages that shows the source at `index` in publication order (from 0): its column's, or the last. */
export function themePageOf(index: number, layout: ThemeLayout): number {
  const before = countBelow(layout.apart, index);
  if (layout.apart[before] === index) return themePageCount(layout);
  return pageOf(index - before, layout.perPage);
}

/** A source on a theme's pages, from its place in publication order: the page that shows it, at its anchor. */
export const themeColumnUrl = (themeId: string, slug: string, index: number, layout: ThemeLayout) =>
  `${themeUrl(themeId, themePageOf(index, layout))}#${sourceAnchor(slug)}`;

/**
 * Where an entity's pages (its mentions, grouped by source in publication order, a fixed number a
 * page) hold the sources that name it: their places in publication order (from 0, ascending), and
 * how many of them have their first mention on each page.
 */
export interface MentionPlaces {
  naming: readonly number[];
  /** `starts[p - 1]`: how many sources' mentions begin on page p. */
  starts: readonly number[];
}

/** The page of an entity's pages where the source at `index` in publication order is first met, or null when it does not name the entity. */
export function mentionPageOf(index: number, places: MentionPlaces): number | null {
  const k = countBelow(places.naming, index);
  if (places.naming[k] !== index) return null;
  let seen = 0;
  for (const [p, count] of places.starts.entries()) {
    seen += count;
    if (k < seen) return p + 1;
  }
  return null;
}

/** A source's mentions on an entity's pages, on `page` (mentionPageOf), at its anchor. */
export const entitySourceUrl = (entityId: string, slug: string, page: number) => `${entityUrl(entityId, page)}#${sourceAnchor(slug)}`;

/** The anchor of a source's sentences with a number on the figures' pages. */
export const figuresSourceAnchor = (slug: string) => `n-${slug}`;
/** A source's sentences with a number: the figures' page that its place in publication order falls on, at its anchor. */
export const figuresSourceUrl = (slug: string, index: number, perPage: number) => `${figuresUrl(pageOf(index, perPage))}#${figuresSourceAnchor(slug)}`;
/** The page (from 1) of a paginated list that holds its item `index` (from 0), `size` items a page. */
export const pageOf = (index: number, size: number) => Math.floor(index / size) + 1;

/** A passage in its article: `/articles/<slug>/#<id>`. */
export const passageUrl = (passage: { article: string; id: string }) => `${articleUrl(passage.article)}#${passage.id}`;

/** A quote in its passage: the passage URL with a text directive, for browsers and for the page's own marking. */
export const quoteUrl = (article: string, passageId: string, directive: TextDirective) =>
  `${articleUrl(article)}${passageFragment(passageId, directive)}`;

/** The share page of a passage (link previews carry its quote): `/p/<id>/`. */
export const shareUrl = (passageId: string) => `/p/${passageId}/`;

/* ---------- compare ---------- */

/** Separator between the two slugs of a pair page's address: /compare/<a>--<b>/. */
export const PAIR_SEPARATOR = '--';
/** `?sources=slug,slug,…`: the sources the compare view shows. */
export const COMPARE_SOURCES_PARAM = 'sources';
/** `?step=1`: columns kept in step. */
export const COMPARE_STEP_PARAM = 'step';

export const pairSlug = (a: string, b: string) => `${a}${PAIR_SEPARATOR}${b}`;
export const pairUrl = (a: string, b: string) => `${COMPARE_URL}${pairSlug(a, b)}/`;

/**
 * The compare view's two layouts. Each compare page is built twice, once per layout: the page
 * holds the layout it is named for and fetches the other when the reader switches to it
 * (so a page never carries every text twice). `/compare/…/` is by theme, `/compare/…/full-text/`
 * the full text; in the page, the layout shown is the URL fragment (`#by-theme`, `#full-text`).
 */
export type CompareLayout = 'theme' | 'text';
export const COMPARE_LAYOUT_FRAGMENT: Record<CompareLayout, string> = { theme: 'by-theme', text: 'full-text' };
/** The path segment of a compare page's full-text edition. */
export const COMPARE_TEXT_SEGMENT = 'full-text';

/** A compare page in one layout: `/compare/` or a pair's page (`pair` given), then `full-text/` for the full text. */
export function compareLayoutUrl(layout: CompareLayout, pair?: readonly [string, string]): string {
  const page = pair ? pairUrl(pair[0], pair[1]) : COMPARE_URL;
  return layout === 'text' ? `${page}${COMPARE_TEXT_SEGMENT}/` : page;
}

/** A theme's row of the compare view, focused alone (`/compare/#t-<theme>`): the sources side by side on it. */
export const compareThemeUrl = (themeId: string): string => `${COMPARE_URL}#${compareRowId(themeId)}`;

/** The element id of a theme's row in the compare view (`t-<theme>`; `t-none` for the passages on none). */
export const compareRowId = (themeId: string | null): string => `t-${themeId ?? 'none'}`;

/**
 * The compare view on a choice of sources: a pair's own page for two, the view with `?sources=`
 * otherwise. `pairPage: false` when the pair has no page (a large dossier builds pair pages for
 * the sources the view holds; the view fetches any others, see compareSourceUrl).
 */
export function compareUrl(slugs: readonly string[], pairPage = true): string {
  if (slugs.length === 2 && pairPage) return pairUrl(slugs[0]!, slugs[1]!);
  return slugs.length ? `${COMPARE_URL}?${COMPARE_SOURCES_PARAM}=${slugs.join(',')}` : COMPARE_URL;
}

/**
 * One source's share of a compare layout (`/compare/source/<slug>/`, `…/full-text/`): its
 * column, its cell in each theme row, its header, tab and chip, which the compare view fetches
 * and fits in when the reader picks a source it does not hold (src/client/compare/more-sources.ts).
 * Built only for the sources the view does not hold.
 */
export function compareSourceUrl(slug: string, layout: CompareLayout): string {
  const page = `${COMPARE_URL}source/${slug}/`;
  return layout === 'text' ? `${page}${COMPARE_TEXT_SEGMENT}/` : page;
}

/* ---------- search ---------- */

/** The facets a search URL can carry, as `?source=…&theme=…&entity=…` (repeatable). */
export const SEARCH_FACETS = ['source', 'theme', 'entity'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

export interface SearchRoute {
  query: string;
  filters: Record<SearchFacet, string[]>;
}

/** `/search/?q=…&theme=…`: values as the index knows them (outlet, theme id or label, entity). */
export function searchUrl(query = '', filters: Partial<Record<SearchFacet, readonly string[]>> = {}): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const facet of SEARCH_FACETS) for (const value of filters[facet] ?? []) params.append(facet, value);
  const search = params.toString();
  return search ? `${SEARCH_URL}?${search}` : SEARCH_URL;
}

export function parseSearchUrl(search: string): SearchRoute {
  const params = new URLSearchParams(search);
  const filters = Object.fromEntries(SEARCH_FACETS.map((f) => [f, params.getAll(f)])) as Record<SearchFacet, string[]>;
  return { query: params.get('q') ?? '', filters };
}

/** `?hl=<query>` on an article URL: the terms the article page marks in the target passage. */
export const HIGHLIGHT_PARAM = 'hl';

/** A search hit's link: the passage in its article, with the query for marking hit terms. */
export function searchHitUrl(passage: { article: string; id: string }, query: string): string {
  const params = query ? `?${new URLSearchParams({ [HIGHLIGHT_PARAM]: query })}` : '';
  return `${articleUrl(passage.article)}${params}#${passage.id}`;
}

/* ---------- reading paths ---------- */

export type Route =
  | { page: 'article'; slug: string }
  | { page: 'share'; passageId: string }
  | { page: 'pair'; a: string; b: string; layout: CompareLayout }
  | { page: 'theme'; themeId: string; pageNumber: number }
  | { page: 'entity'; entityId: string; pageNumber: number };

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const PATTERNS: [RegExp, (m: RegExpExecArray) => Route | null][] = [
  [new RegExp(`^/articles/(${SLUG})/?$`), (m) => ({ page: 'article', slug: m[1]! })],
  [/^\/p\/([^/]+)\/?$/, (m) => (isPassageId(m[1]!) ? { page: 'share', passageId: m[1]! } : null)],
  [
    new RegExp(`^/compare/(${SLUG})${PAIR_SEPARATOR}(${SLUG})(?:/(${COMPARE_TEXT_SEGMENT}))?/?$`),
    (m) => ({ page: 'pair', a: m[1]!, b: m[2]!, layout: m[3] ? 'text' : 'theme' }),
  ],
  // A paginated page's number follows its first page's path: /themes/<id>/2/
  [new RegExp(`^/themes/(${SLUG})(?:/([1-9]\\d*))?/?$`), (m) => ({ page: 'theme', themeId: m[1]!, pageNumber: Number(m[2] ?? 1) })],
  [
    new RegExp(`^/entities/(${SLUG})(?:/([1-9]\\d*))?/?$`),
    (m) => (m[1] === 'page' ? null : { page: 'entity', entityId: m[1]!, pageNumber: Number(m[2] ?? 1) }),
  ],
];

/** What a site path points at, or null for any other path (index pages, endpoints, unknown). */
export function parseRoute(pathname: string): Route | null {
  for (const [pattern, read] of PATTERNS) {
    const match = pattern.exec(pathname);
    if (match) return read(match);
  }
  return null;
}
