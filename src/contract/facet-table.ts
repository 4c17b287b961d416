/**
 * The facet table: each passage's facet values, keyed by the id Pagefind gives its result.
 * The build writes it beside Pagefind's index (src/integrations/search-index.ts, from the
 * filters Pagefind stored in each result's fragment); the search page narrows a query's hits
 * to the facets ticked and counts its facets from it (src/client/search/engine.ts).
 *
 * Why not Pagefind's own filters: Pagefind counts every value of every loaded filter over
 * every hit on each search, and at a thousand articles that is most of a search's time
 * ("fighters", 9,076 hits: 56 ms with no filter loaded, 1.7 s with the three facets').
 * Narrowing and counting here is one pass over the hits.
 */

/** The search's facets, in the order of a table's rows (and of the search page's groups). */
export const FACETS = ['source', 'theme', 'entity'] as const;
export type FacetName = (typeof FACETS)[number];

/** Where the table is, beside Pagefind's files. */
export const FACET_TABLE_FILE = 'dossier-facets.json';
export const FACET_TABLE_URL = `/pagefind/${FACET_TABLE_FILE}`;

export interface FacetTableJson {
  /** Every value of each facet, as the index knows it (article prefix, theme label, entity name). */
  values: Record<FacetName, string[]>;
  /** Passage → its values' indices in `values`, per facet in FACETS order. Editors' notes are not in it. */
  pages: Record<string, [number[], number[], number[]]>;
}

/** A result as Pagefind stored it: its id and its filters. */
export interface IndexedPage {
  id: string;
  filters: Record<string, readonly string[]>;
}

/** The table of the passages among `pages` (those whose `kind` filter says so). */
export function facetTableOf(pages: Iterable<IndexedPage>): FacetTableJson {
  const index = Object.fromEntries(FACETS.map((facet) => [facet, new Map<string, number>()])) as Record<FacetName, Map<string, number>>;
  const table: FacetTableJson = { values: { source: [], theme: [], entity: [] }, pages: {} };
  const indexOf = (facet: FacetName, value: string) => {
    let i = index[facet].get(value);
    if (i === undefined) {
      i = table.values[facet].push(value) - 1;
      index[facet].set(value, i);
    }
    return i;
  };
  for (const page of pages) {
    if (!page.filters.kind?.includes('passage')) continue;
    const [source, theme, entity] = FACETS.map((facet) => (page.filters[facet] ?? []).map((value) => indexOf(facet, value)));
    table.pages[page.id] = [source!, theme!, entity!];
  }
  return table;
}
