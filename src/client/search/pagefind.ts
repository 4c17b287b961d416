/**
 * The slice of Pagefind's browser API that Dossier uses, typed, and loaded once.
 * The index is written by the build into /pagefind/ (src/integrations/pagefind.ts).
 */
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

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, unknown> }): Promise<PagefindSearch>;
  debouncedSearch(
    term: string,
    options?: { filters?: Record<string, unknown> },
    ms?: number,
  ): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let loading: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  const path = '/pagefind/pagefind.js';
  loading ??= (import(/* @vite-ignore */ path) as Promise<Pagefind>).then(async (pagefind) => {
    await pagefind.options({ excerptLength: 36 });
    await pagefind.init();
    // Loading the filters once makes every search return its per-value counts (facets).
    await pagefind.filters();
    return pagefind;
  });
  return loading;
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
