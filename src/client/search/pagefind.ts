/**
 * The slice of Pagefind's browser API that Dossier uses, typed, and loaded once.
 * The index is written by the build into /pagefind/ (src/integrations/pagefind.ts).
 */
import { FACETS } from './facets';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  /** The indexed text, and the positions (in its whitespace-separated words) of the hits. */
  content: string;
  raw_content?: string;
  locations: number[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface PagefindSearchOptions {
  filters?: Record<string, unknown>;
}

/** One Pagefind instance (pagefind.js's `createInstance`): its own worker and loaded chunks. */
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindSearch>;
  /** Loads what a search would need (`null`: a filters-only search) without searching. */
  preload(term: string | null, options?: PagefindSearchOptions): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

interface PagefindModule {
  createInstance(options?: Record<string, unknown>): Pagefind;
}

const BUNDLE = '/pagefind/pagefind.js';
let bundle: Promise<PagefindModule> | undefined;
const instances = new Map<string, Promise<Pagefind>>();

/**
 * The two instances the search page uses, each loaded on first use:
 *   results  finds the passages, on the page's own thread. It never loads every filter:
 *            with the filters loaded, Pagefind counts every value of every facet on each
 *            search, which at a thousand articles (thousands of names) costs seconds a query.
 *   counts   has the facets' filters loaded and answers the facet counts after the results
 *            are on screen, in Pagefind's web worker. The results stay out of that worker:
 *            its messages are answered in turn, so a query typed while the previous one's
 *            counts were being worked out waited for them (up to a second at a thousand
 *            articles), and each result's data was one more message in that queue.
 */
export function loadPagefind(role: 'results' | 'counts'): Promise<Pagefind> {
  let instance = instances.get(role);
  if (!instance) {
    bundle ??= import(/* @vite-ignore */ BUNDLE) as Promise<PagefindModule>;
    instance = bundle.then(async (pagefind) => {
      const created = pagefind.createInstance({ basePath: '/pagefind/', noWorker: role === 'results' });
      await created.options({ excerptLength: 36 });
      await created.init();
      // Pagefind counts the values of every filter it has loaded, on every search: load the
      // facets' filters (not the others, e.g. the section's) and only into this instance.
      if (role === 'counts') await created.preload(null, { filters: Object.fromEntries(FACETS.map((f) => [f, { any: [] }])) });
      return created;
    });
    // a failed load may be retried by the next search
    instance.catch(() => {
      instances.delete(role);
      bundle = undefined;
    });
    instances.set(role, instance);
  }
  return instance;
}

/**
 * Turns a Pagefind excerpt ("text with <mark>hits</mark>", HTML-escaped) into DOM
 * nodes without ever parsing it as HTML: only the <mark> boundaries are honoured.
 */
export function excerptNodes(excerpt: string): Node[] {
  const decode = (s: string) =>
    s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) =>
      ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e] ?? _,
    );
  return excerpt.split(/(<mark>.*?<\/mark>)/g).flatMap((part): Node[] => {
    if (!part) return [];
    const hit = /^<mark>(.*)<\/mark>$/.exec(part);
    if (!hit) return [document.createTextNode(decode(part))];
    const mark = document.createElement('mark');
    mark.textContent = decode(hit[1]!);
    return [mark];
  });
}
