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
