/**
 * What a query finds, over Pagefind: the forms of the query (fold.ts) searched together and
 * merged, passages and editors' notes told apart by the `kind` filter, and the facet counts
 * with each passage counted once however many forms found it. No DOM.
 */
import type { FacetTableJson } from '../../contract/facet-table';
import { FACETS, hasSelection, pagefindFilters, type FacetCounts, type FacetName, type Selection } from './facets';
import { queryForms } from './fold';
import type { Pagefind, PagefindResult, PagefindResultData } from './pagefind';

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
 * counts apply every *other* facet's selection (values of one facet combine with OR), read from
 * the facet table (src/contract/facet-table.ts) over the query's hits, each passage once however
 * many forms of the query found it; without words, over every passage.
 */
export async function countFacets(pagefind: Pagefind, query: string, selection: Selection, table: FacetTableJson): Promise<FacetCounts> {
  let hits: Iterable<string> | null = null;
  const forms = queryForms(query);
  if (forms.length) {
    const searches = await Promise.all(forms.map((form) => pagefind.search(form)));
    hits = new Set(searches.flatMap((search) => search.results.map((result) => result.id)));
  }
  return countInTable(table, hits, selection);
}

/** The facet counts of `hits` (null: every passage) under `selection`, from the table alone. */
export function countInTable(table: FacetTableJson, hits: Iterable<string> | null, selection: Selection): FacetCounts {
  const counts = Object.fromEntries(FACETS.map((facet) => [facet, new Array<number>(table.values[facet].length).fill(0)])) as Record<FacetName, number[]>;
  // each facet's ticked values as the table's indices (null: nothing ticked, anything passes)
  const ticked = FACETS.map((facet) => {
    if (!selection[facet].length) return null;
    const wanted = new Set(selection[facet]);
    return new Set(table.values[facet].flatMap((value, i) => (wanted.has(value) ? [i] : [])));
  });
  const passes = new Array<boolean>(FACETS.length);
  for (const id of hits ?? Object.keys(table.pages)) {
    const row = table.pages[id];
    if (!row) continue; // an editors' note
    let failing = 0;
    for (let f = 0; f < FACETS.length; f++) {
      const want = ticked[f];
      passes[f] = !want || row[f]!.some((i) => want.has(i));
      if (!passes[f]) failing++;
    }
    // counted for a facet when every *other* facet passes
    for (let f = 0; f < FACETS.length; f++) {
      if (failing > (passes[f] ? 0 : 1)) continue;
      for (const i of row[f]!) counts[FACETS[f]!][i]!++;
    }
  }
  return Object.fromEntries(
    FACETS.map((facet) => [facet, Object.fromEntries(table.values[facet].map((value, i) => [value, counts[facet][i]!]))]),
  ) as FacetCounts;
}
