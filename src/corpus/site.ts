/** Site-wide constants: the main navigation, in reading order. */
export const NAV_LINKS: { href: string; label: string }[] = [
  { href: '/', label: 'Sources' },
  { href: '/search/', label: 'Search' },
  { href: '/notebook/', label: 'Notebook' },
];
