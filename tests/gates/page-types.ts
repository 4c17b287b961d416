/**
 * The site's page types, kept in ONE place for the quality gates and the benchmark.
 *
 * Pages are discovered from the built site (every .html file in dist/), then sorted into
 * these types by their path. A page that matches no type is not skipped: it gets a type
 * named after its first path segment ("/timeline/…" → "timeline"), so a new kind of page is
 * checked by every gate the day it lands, and only needs an entry here for a nicer name,
 * a sample size or a budget.
 */

export interface PageType {
  /** Name used in test titles and reports. */
  name: string;
  /** Matches the page's site path, e.g. "/articles/cnn-isis-2-0/". */
  pattern: RegExp;
  /**
   * How many pages of this type the accessibility gate (and the benchmark) open, taken in
   * path order. Every page, whatever its type, goes through the HTML and link checks, and
   * every page of a type with a byte budget through the budget check.
   */
  sample: number;
}

export const PAGE_TYPES: readonly PageType[] = [
  { name: 'home', pattern: /^\/(page\/\d+\/)?$/, sample: 1 },
  { name: 'article', pattern: /^\/articles\/[^/]+\/$/, sample: 3 },
  { name: 'passage', pattern: /^\/p\/[^/]+\/$/, sample: 2 },
  { name: 'search', pattern: /^\/search\/$/, sample: 1 },
  { name: 'themes', pattern: /^\/themes\/$/, sample: 1 },
  // Paginated pages (…/2/, /entities/page/2/) are of their first page's type.
  { name: 'theme', pattern: /^\/themes?\/[^/]+\/(\d+\/)?$/, sample: 2 },
  { name: 'entities', pattern: /^\/(entities|people|names)\/(page\/\d+\/)?$/, sample: 1 },
  { name: 'entity', pattern: /^\/(entities|entity|people|names)\/(?!page\/)[^/]+\/(\d+\/)?$/, sample: 2 },
  { name: 'compare', pattern: /^\/compare\/$/, sample: 1 },
  { name: 'compare-text', pattern: /^\/compare\/(?:[^/]+\/)?full-text\/$/, sample: 2 },
  { name: 'compare-pair', pattern: /^\/compare\/[^/]+\/$/, sample: 2 },
  { name: 'figures', pattern: /^\/figures\//, sample: 1 },
  { name: 'notebook', pattern: /^\/notebook\//, sample: 1 },
  { name: 'not-found', pattern: /^\/404(\.html|\/)$/, sample: 1 },
];

/** How many pages of an unlisted type the browser gates open. */
export const DEFAULT_SAMPLE = 2;

/** The page types the benchmark reports on, in the order of its table (the list). */
export const BENCH_PAGE_TYPES = [
  'home', 'article', 'theme', 'entity', 'compare', 'compare-text', 'compare-pair', 'figures', 'notebook', 'search',
] as const;

/** The type of a page from its site path (see the module comment for unlisted paths). */
export function pageTypeOf(path: string): string {
  const known = PAGE_TYPES.find((type) => type.pattern.test(path));
  if (known) return known.name;
  const first = path.split('/').filter(Boolean)[0] ?? 'root';
  return first.replace(/\.html$/, '');
}

export function sampleSizeOf(typeName: string): number {
  return PAGE_TYPES.find((type) => type.name === typeName)?.sample ?? DEFAULT_SAMPLE;
}
