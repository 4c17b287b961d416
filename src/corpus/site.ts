/** Site-wide constants: the main navigation, in reading order. */
export const NAV_LINKS: { href: string; label: string }[] = [
  { href: '/', label: 'Sources' },
  { href: '/compare/', label: 'Compare' },
  { href: '/themes/', label: 'Themes' },
  { href: '/entities/', label: 'Entities' },
  { href: '/figures/', label: 'Figures' },
  { href: '/search/', label: 'Search' },
  { href: '/notebook/', label: 'Notebook' },
];

/** How many passages on a theme the article rail lists from the other sources. */
export const RAIL_PASSAGES_PER_THEME = 12;

/**
 * How many sources the article page's left rail lists: the current one and its neighbours in
 * publication order. Every page listing every source made the site grow with the square of
 * the dossier; the home page lists them all.
 */
export const SOURCE_NAV_SIZE = 9;

/*
 * Page sizes of the pages about the whole dossier. Their lists grow with it, so they are cut
 * into pages of a fixed size: no page grows with the dossier (see src/corpus/paging.ts).
 */
/** Sources (cards, and columns of the coverage matrix) per page of the home page. */
export const HOME_SOURCES_PER_PAGE = 20;
/** Sources whose number sentences one page of /figures/ lists. */
export const FIGURES_SOURCES_PER_PAGE = 20;
/** Sources (columns) per page of a theme page. */
export const THEME_SOURCES_PER_PAGE = 10;
/**
 * A theme page's columns stand side by side on a wide screen up to this many (as many as the
 * compare view takes); a page of more is stacked, source after source, as on a phone: ten
 * columns at 1280 px are some 12 characters wide.
 */
export const THEME_SIDE_BY_SIDE_MAX = 5;
/** Keyword-in-context lines per page of an entity page. */
export const ENTITY_MENTIONS_PER_PAGE = 100;
/** Entities (rows) per page of the entity index. */
export const ENTITIES_PER_PAGE = 100;
/**
 * The entity index has a column per source up to this many sources; beyond, one column says in
 * how many sources each entity is named (a column per source would grow with the dossier's square).
 */
export const SOURCE_COLUMNS_MAX = 12;
/** Sources named one by one in a sentence ("silent on it: …"); more are counted. */
export const SOURCES_NAMED_MAX = 9;
