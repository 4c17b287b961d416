/**
 * The slice of Pagefind's browser API that Dossier uses, typed, and loaded once.
 * The index is written by the build into /pagefind/ (src/integrations/pagefind.ts).
 */
import { FACET_TABLE_URL, type FacetTableJson } from '../../contract/facet-table';
import { jsonOnce } from './json-once';

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
}

/**
 * One Pagefind instance (pagefind.js's `createInstance`), with its loaded chunks. Searched
 * without options: no filter is ever handed to it (src/client/search/engine.ts).
 */
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** The records a term finds, best first (`null`: every record). */
  search(term: string | null): Promise<PagefindSearch>;
}

interface PagefindModule {
  createInstance(options?: Record<string, unknown>): Pagefind;
}

const BUNDLE = '/pagefind/pagefind.js';
let instance: Promise<Pagefind> | undefined;

/**
 * Pagefind, loaded on first use, on the page's own thread: a query's search is milliseconds of
 * WebAssembly (tens of them for a common word at a thousand articles), and a worker would queue
 * each search and each result's data behind the one before. It never loads a filter: Pagefind
 * counts every value of every loaded filter on each search, which at a thousand articles
 * (thousands of names) costs seconds a query. Facets narrow and count through the facet table
 * instead (below).
 */
export function loadPagefind(): Promise<Pagefind> {
  if (!instance) {
    instance = (import(/* @vite-ignore */ BUNDLE) as Promise<PagefindModule>).then(async (pagefind) => {
      const created = pagefind.createInstance({ basePath: '/pagefind/', noWorker: true });
      await created.options({ excerptLength: 36 });
      await created.init();
      return created;
    });
    // a failed load may be retried by the next search
    instance.catch(() => (instance = undefined));
  }
  return instance;
}

/**
 * Each passage's facet values (src/contract/facet-table.ts), fetched once: after the first
 * results for their counts, or before them when a facet is ticked.
 */
export const loadFacetTable = jsonOnce<FacetTableJson>(FACET_TABLE_URL);

const decodeExcerpt = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e] ?? _);

/**
 * Where an excerpt cuts its passage: Pagefind's excerpt is a run of the indexed text's words
 * around the hits, with no mark where it starts or ends inside the text. Pure string work.
 */
export function excerptCuts(excerpt: string, content: string): { start: boolean; end: boolean } {
  const words = (s: string) => s.split(/\s+/).filter(Boolean).join(' ');
  const shown = words(decodeExcerpt(excerpt.replace(/<\/?mark>/g, '')));
  const whole = words(content);
  if (!shown || !whole) return { start: false, end: false };
  return { start: !whole.startsWith(shown), end: !whole.endsWith(shown) };
}

/** The mark of text left out of an excerpt. */
export const EXCERPT_CUT = '…';

/**
 * Turns a Pagefind excerpt ("text with <mark>hits</mark>", HTML-escaped) into DOM
 * nodes without ever parsing it as HTML: only the <mark> boundaries are honoured.
 * With the indexed text (`content`), an ellipsis shows where the excerpt cuts it.
 */
export function excerptNodes(excerpt: string, content?: string): Node[] {
  const nodes = excerpt.split(/(<mark>.*?<\/mark>)/g).flatMap((part): Node[] => {
    if (!part) return [];
    const hit = /^<mark>(.*)<\/mark>$/.exec(part);
    if (!hit) return [document.createTextNode(decodeExcerpt(part))];
    const mark = document.createElement('mark');
    mark.textContent = decodeExcerpt(hit[1]!);
    return [mark];
  });
  if (content === undefined) return nodes;
  const cuts = excerptCuts(excerpt, content);
  return [...(cuts.start ? [document.createTextNode(`${EXCERPT_CUT} `)] : []), ...nodes, ...(cuts.end ? [document.createTextNode(` ${EXCERPT_CUT}`)] : [])];
}
