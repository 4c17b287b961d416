/**
 * The JSON the site serves to its own browser code and to anyone who wants the data:
 * addresses and shapes, in one place. The build writes these shapes; the browser reads them.
 * Dependency-free (types only).
 */
import type { MentionPlaces, ThemeLayout } from './routes';

/** `{ <retired passage id>: <surviving passage id> }`: where an old link lands. */
export const RETIRED_IDS_URL = '/p/retired-ids.json';
export type RetiredIdsJson = Record<string, string>;

/**
 * The notebook's index: every article (slug, address, outlet, headline), the themes and the
 * retired ids, without any passage text, so that it weighs little at any size of dossier.
 */
export const NOTEBOOK_INDEX_URL = '/p/notebook.json';

export interface NotebookIndexJson {
  articles: { slug: string; url: string; outlet: string; headline: string }[];
  themes: { id: string; label: string }[];
  /** Retired passage id → surviving passage id (as in each article's frontmatter). */
  retiredIds: RetiredIdsJson;
}

export interface PassageJson {
  id: string;
  /** The article's slug. */
  article: string;
  order: number;
  text: string;
  /** Theme ids (the labels are in the index's `themes`). */
  themes: string[];
}

/**
 * One article's passages: the notebook loads those of the articles the reader has annotated,
 * to re-anchor their annotations on the current text and group them by theme.
 */
export const articlePassagesUrl = (slug: string) => `/p/passages/${slug}.json`;

export interface ArticlePassagesJson {
  article: string;
  passages: PassageJson[];
}

/** What the notebook works from: the index and the passages of the articles it has loaded. */
export interface PassagesJson extends NotebookIndexJson {
  passages: PassageJson[];
}

/** Words and names for "Did you mean …" in search, loaded only when a query finds little. */
export const VOCABULARY_URL = '/data/vocabulary.json';

/** The whole dossier as open data, and its JSON Schema. */
export const DOSSIER_JSON_URL = '/data/dossier.json';
export const DOSSIER_SCHEMA_URL = '/data/dossier.schema.json';

/**
 * Every source of the dossier, in publication order, for the compare view of a dossier larger
 * than it holds (its picker finds any of them by name, and a URL may name any of them) and for
 * the home page's "Find a source" when its sources run to several pages.
 */
export const COMPARE_SOURCES_URL = '/compare/sources.json';

export interface CompareSourceJson {
  slug: string;
  outlet: string;
  headline: string;
  /** How a list names it (outlet, or outlet and headline: src/corpus/views/sources.ts). */
  name: string;
  /** "2017", "c. 2020", "n.d." */
  year: string;
}

/**
 * Where a theme's pages hold the sources (which have no column), for its "Find a source" when the
 * theme runs past one page: a file a theme, fetched on first use, so that no page of it carries a
 * list the length of the dossier.
 */
export const themePlacesUrl = (themeId: string) => `/themes/${themeId}/places.json`;
export type ThemePlacesJson = ThemeLayout;

/** Where an entity's pages hold the sources that name it, for their "Find a source" when its mentions run past one page; the same way. */
export const entityPlacesUrl = (entityId: string) => `/entities/${entityId}/places.json`;
export type EntityPlacesJson = MentionPlaces;

/**
 * Every value of the search page's long facets (sources, entities), for the options its HTML
 * leaves out: the page lists only the first few of each, so that it weighs the same at any size,
 * and loads this when the reader asks for all, a search counts them, or a URL ticks one. The
 * entity index's "Find a name" looks names up in it too.
 */
export const SEARCH_FACETS_URL = '/search/facets.json';

export interface SearchFacetOptionJson {
  /** The filter value in the index (article's passage-id prefix, entity name). */
  value: string;
  /** What the URL carries (article slug, entity id). */
  param: string;
  label: string;
  /** Passages carrying it in the whole dossier. */
  passages: number;
  /** A source's outlet: older links name a source by it. */
  outlet?: string;
  /** An entity's kind, as a reader reads it: "Person", "Organisation", "Place". */
  kind?: string;
}

/** Each long facet's options, in the order the page lists them (its rank). */
export interface SearchFacetsJson {
  source: SearchFacetOptionJson[];
  entity: SearchFacetOptionJson[];
}
