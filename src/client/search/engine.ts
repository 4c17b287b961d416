/**
 * What a query finds, over Pagefind and the facet table: the forms of the query (fold.ts)
 * searched together and merged, narrowed by the facets ticked, passages told apart from
 * editors' notes, and the facet counts with each passage counted once however many forms
 * found it. No DOM.
 */
import type { FacetTableJson } from '../../contract/facet-table';
import { FACETS, hasSelection, type FacetCounts, type FacetName, type Selection } from './facets';
import { queryForms } from './fold';
import type { Pagefind, PagefindResult, PagefindResultData } from './pagefind';

export type HitKind = 'passage' | 'note';

export interface Hit {
  /**
   * Known when a facet narrowed the search (passages only) or the index holds no note; else
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
  /**
   * Every passage and note the query's words find, before the selection narrows them (null:
   * no words, every passage): what the facet counts count (`countInTable`).
   */
  matched: readonly string[] | null;
}

/** A hit's kind, from the search or else from its loaded data (the index's `kind` filter). */
export const hitKind = (hit: Hit, data: Pick<PagefindResultData, 'filters'>): HitKind =>
  hit.kind ?? (data.filters.kind?.includes('note') ? 'note' : 'passage');

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
 * Pagefind is never given a filter: a filter it has loaded, it counts on every later search,
 * and at a thousand articles that made a common word's search ten times slower ("fighters":
 * 83 ms unfiltered, 0.8–1.5 s once the theme filter was loaded). Each form of the query is
 * searched unfiltered, the forms' hits merged (a hit two forms find, once), and a selection
 * applied through the facet table (`table`, fetched when first needed). Without a selection
 * the hits are passages and notes `mixed` (`notesIndexed`: whether the index holds any note
 * at all), told apart by the facet counts (`splitKinds`), and each hit's kind read from its
 * data when shown (`hitKind`).
 */
export async function findHits(
  pagefind: Pagefind,
  query: string,
  selection: Selection,
  table: () => Promise<FacetTableJson>,
  notesIndexed = true,
): Promise<Found> {
  const searches = await Promise.all(termsFor(query).map((term) => pagefind.search(term)));
  const results = mergeResults(searches.map((search) => search.results));
  const matched = query ? results.map((result) => result.id) : null;
  if (hasSelection(selection)) {
    const passes = selected(await table(), selection);
    const hits = results.flatMap((result): Hit[] => (passes(result.id) ? [{ kind: 'passage', result }] : []));
    return { hits, passages: hits.length, notes: 0, matched };
  }
  const mixed = Boolean(query) && notesIndexed && results.length > 0;
  const hits = results.map((result): Hit => (mixed ? { result } : { kind: 'passage', result }));
  return { hits, passages: hits.length, notes: 0, matched, ...(mixed ? { mixed } : {}) };
}

/**
 * A `mixed` search's passages and notes, told apart by its facet counts (of passages only:
 * each passage has one source, so the source counts add up to the passages found).
 */
export function splitKinds(found: Found, counts: FacetCounts): Found {
  if (!found.mixed) return found;
  const passages = Object.values(counts.source).reduce((sum, n) => sum + n, 0);
  return { hits: found.hits, passages, notes: found.hits.length - passages, matched: found.matched };
}

/** Each facet's ticked values as indices into the table's values (null: nothing ticked, anything passes). */
function tickedIndices(table: FacetTableJson, selection: Selection): (ReadonlySet<number> | null)[] {
  return FACETS.map((facet) => {
    if (!selection[facet].length) return null;
    const wanted = new Set(selection[facet]);
    return new Set(table.values[facet].flatMap((value, i) => (wanted.has(value) ? [i] : [])));
  });
}

/** Whether a result is a passage with a ticked value in every facet that has one (OR within a facet, AND across). */
function selected(table: FacetTableJson, selection: Selection): (id: string) => boolean {
  const ticked = tickedIndices(table, selection);
  return (id) => {
    const row = table.pages[id];
    return Boolean(row) && ticked.every((want, f) => !want || row![f]!.some((i) => want.has(i)));
  };
}

/**
 * Each facet's counts for a search: how many passages ticking a value would give. A facet's
 * counts apply every *other* facet's selection (values of one facet combine with OR), over the
 * passages the query's words find (`hits`, a found search's `matched`; null: every passage),
 * read from the facet table (src/contract/facet-table.ts). Editors' notes are not in the table
 * and are never counted.
 */
export function countInTable(table: FacetTableJson, hits: Iterable<string> | null, selection: Selection): FacetCounts {
  const counts = Object.fromEntries(FACETS.map((facet) => [facet, new Array<number>(table.values[facet].length).fill(0)])) as Record<FacetName, number[]>;
  const ticked = tickedIndices(table, selection);
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
