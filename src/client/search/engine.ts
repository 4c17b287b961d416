/**
 * What a query finds, over Pagefind: the forms of the query (fold.ts) searched together and
 * merged, passages and editors' notes told apart by the `kind` filter, and the facet counts
 * with each passage counted once however many forms found it. No DOM.
 */
import { FACETS, hasSelection, pagefindFilters, type FacetCounts, type FacetName, type Selection } from './facets';
import { queryForms } from './fold';
import type { Pagefind, PagefindResult, PagefindResultData, PagefindSearch } from './pagefind';

export type HitKind = 'passage' | 'note';

export interface Hit {
  /**
   * Known when the search told them apart; else (one search finding both, the usual case)
   * read from the result's data when it is shown: see `hitKind`.
   */
  kind?: HitKind;
  result: PagefindResult;
}

export interface Found {
  /** Passages and notes, best first. */
  hits: Hit[];
  passages: number;
  notes: number;
  /**
   * Passages and notes not told apart yet: `passages` counts both (see findHits). The facet
   * counts, which count passages only, tell them apart later (`splitKinds`).
   */
  mixed?: boolean;
}

/** A hit's kind, from the search or else from its loaded data (the index's `kind` filter). */
export const hitKind = (hit: Hit, data: Pick<PagefindResultData, 'filters'>): HitKind =>
  hit.kind ?? (data.filters.kind?.includes('note') ? 'note' : 'passage');

type Filters = Record<string, { any: string[] }>;

const ofKind = (filters: Filters, kind: HitKind): Filters => ({ ...filters, kind: { any: [kind] } });

/** The Pagefind terms for a query: its forms, or `null` (every passage) when there are no words. */
const termsFor = (query: string): (string | null)[] => {
  const forms = queryForms(query);
  return forms.length ? forms : [null];
};

/** Results of several searches as one list: each id once with its best score, best first. */
export function mergeResults<R extends { id: string; score: number }>(lists: readonly (readonly R[])[]): R[] {
  if (lists.length === 1) return [...lists[0]!];
  const best = new Map<string, R>();
  for (const list of lists) {
    for (const result of list) {
      const seen = best.get(result.id);
      if (!seen || result.score > seen.score) best.set(result.id, result);
    }
  }
  // Map keeps first-seen order, and sort is stable: ties stay in the first search's order.
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/**
 * Every passage the query finds under the selection, and the editors' notes it finds when no
 * facet narrows the search (notes carry no source, theme or entity, so no facet counts them).
 *
 * A query of one form is one Pagefind search, with no filter but the selection's: filtering
 * by `kind` would load its filter (every record's number) and make Pagefind count it on every
 * search, several times slower at a thousand articles. Without a selection its hits are then
 * passages and notes `mixed` (`notesIndexed`: whether the index holds any note at all); the
 * kind of each hit is read from its data when shown. Several forms are searched per kind, so
 * that a hit two forms find is counted once.
 */
export async function findHits(pagefind: Pagefind, query: string, selection: Selection, notesIndexed = true): Promise<Found> {
  const terms = termsFor(query);
  const filters = pagefindFilters(selection);
  const searchNotes = Boolean(query) && !hasSelection(selection) && notesIndexed;
  if (terms.length === 1) {
    // a selection's filters leave the notes out already: they carry none of its facets
    const search = await pagefind.search(terms[0]!, hasSelection(selection) ? { filters } : {});
    const hits: Hit[] = search.results.map((result) => (searchNotes ? { result } : { kind: 'passage', result }));
    return { hits, passages: hits.length, notes: 0, ...(searchNotes && hits.length ? { mixed: true } : {}) };
  }
  const [passageSearches, noteSearches] = await Promise.all([
    Promise.all(terms.map((term) => pagefind.search(term, { filters: ofKind(filters, 'passage') }))),
    searchNotes ? Promise.all(terms.map((term) => pagefind.search(term, { filters: ofKind({}, 'note') }))) : [],
  ]);
  const passages = mergeResults(passageSearches.map((s) => s.results));
  const notes = mergeResults(noteSearches.map((s) => s.results));
  const hits: Hit[] = [
    ...passages.map((result) => ({ kind: 'passage' as const, result })),
    ...notes.map((result) => ({ kind: 'note' as const, result })),
  ].sort((a, b) => b.result.score - a.result.score);
  return { hits, passages: passages.length, notes: notes.length };
}

/**
 * A `mixed` search's passages and notes, told apart by its facet counts (of passages only:
 * each passage has one source, so the source counts add up to the passages found).
 */
export function splitKinds(found: Found, counts: FacetCounts): Found {
  if (!found.mixed) return found;
  const passages = Object.values(counts.source).reduce((sum, n) => sum + n, 0);
  return { hits: found.hits, passages, notes: found.hits.length - passages };
}

/**
 * Each facet's counts for the query: how many passages ticking a value would give. A facet's
 * counts apply every *other* facet's selection (values of one facet combine with OR). With
 * several query forms, Pagefind's counts are summed and a passage that more than one form
 * found is taken off again, from its own filters.
 */
export async function countFacets(pagefind: Pagefind, query: string, selection: Selection): Promise<FacetCounts> {
  const terms = termsFor(query);
  const searches = new Map<string, Promise<PagefindSearch[]>>();
  const searchAll = (filters: Filters) => {
    const key = JSON.stringify(filters);
    let found = searches.get(key);
    if (!found) searches.set(key, (found = Promise.all(terms.map((term) => pagefind.search(term, { filters })))));
    return found;
  };
  const entries = await Promise.all(
    FACETS.map(async (facet) => {
      const found = await searchAll(ofKind(pagefindFilters(selection, facet), 'passage'));
      return [facet, await countOnce(found, facet)] as const;
    }),
  );
  return Object.fromEntries(entries) as FacetCounts;
}

async function countOnce(found: PagefindSearch[], facet: FacetName): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const search of found) {
    for (const [value, n] of Object.entries(search.filters[facet] ?? {})) counts[value] = (counts[value] ?? 0) + n;
  }
  if (found.length < 2) return counts;
  const times = new Map<string, { n: number; result: PagefindResult }>();
  for (const search of found) {
    for (const result of search.results) {
      const seen = times.get(result.id);
      times.set(result.id, { n: (seen?.n ?? 0) + 1, result });
    }
  }
  const repeated = [...times.values()].filter((t) => t.n > 1);
  const data = await Promise.all(repeated.map((t) => t.result.data()));
  data.forEach((d, i) => {
    for (const value of d.filters[facet] ?? []) counts[value] = (counts[value] ?? 0) - (repeated[i]!.n - 1);
  });
  return counts;
}
