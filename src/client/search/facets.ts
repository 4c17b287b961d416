/**
 * Faceted search, as pure functions (no DOM): the values ticked, and the sentence that sums a
 * search up. The narrowing and the counts: engine.ts.
 *
 * Values of one facet combine with OR (CNN or BBC News), facets with AND (…and on Foreign
 * fighters). A facet's counts are therefore taken with every *other* facet's selection
 * applied but not its own, so ticking CNN does not zero the other sources: each count says
 * how many passages ticking that value would add to the search.
 */
import { FACETS, type FacetName } from '../../contract/facet-table';
import { formatCount } from '../../corpus/format';

export { FACETS, type FacetName };

/** The ticked values of each facet: as filter values in the index (article prefix, theme label, entity name), or as labels to show. */
export type Selection = Record<FacetName, readonly string[]>;

export const emptySelection = (): Selection => ({ source: [], theme: [], entity: [] });

export const hasSelection = (selection: Selection) => FACETS.some((f) => selection[f].length > 0);

export type FacetCounts = Record<FacetName, Record<string, number>>;

const or = (values: readonly string[]) =>
  values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;

/** "in CNN or BBC News, on Foreign fighters, naming Tunisia" (empty without a selection), from the labels. */
export function describeSelection(selection: Selection): string {
  return [
    selection.source.length ? `in ${or(selection.source)}` : '',
    selection.theme.length ? `on ${or(selection.theme)}` : '',
    selection.entity.length ? `naming ${or(selection.entity)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * The sentence above the results, from the selection's labels. `notes`: editors' notes the
 * query also found (shown among the results, labelled, and never counted as passages);
 * `mixed`: `count` holds both, not yet told apart; `unfiltered`: the results the words find
 * without the selection (passages and notes), said when the selection leaves none.
 */
export function describeResults(
  count: number,
  query: string,
  selection: Selection,
  shown: number,
  notes = 0,
  mixed = false,
  unfiltered = 0,
): string {
  const scope = describeSelection(selection);
  const where = scope ? ` ${scope}` : '';
  // passages and notes not told apart yet (engine.ts, `Found.mixed`)
  if (mixed) return `${formatCount(count)} result${count === 1 ? '' : 's'} match${count === 1 ? 'es' : ''} “${query}”${where}${count > shown ? ` (showing ${shown})` : ''}.`;
  if (notes > 0) {
    const noteNoun = `${notes} editors’ note${notes === 1 ? '' : 's'}`;
    if (count === 0) return `${noteNoun} match${notes === 1 ? 'es' : ''} “${query}”${where}; no passage does.`;
    const more = count + notes > shown ? ` (showing ${shown})` : '';
    return `${formatCount(count)} passage${count === 1 ? '' : 's'} and ${noteNoun} match “${query}”${where}${more}.`;
  }
  if (count === 0) {
    const filtered = hasSelection(selection);
    if (!query) return `No passage${where}.`;
    // the words are right, the filters leave them out: the facet counts show where they are
    if (filtered && unfiltered > 0) {
      return `No passage matches “${query}”${where}. Without the filters it finds ${formatCount(unfiltered)} result${unfiltered === 1 ? '' : 's'}.`;
    }
    return `No passage matches “${query}”${where}. Try ${filtered ? 'fewer words, another spelling or fewer filters' : 'fewer words or another spelling'}.`;
  }
  const noun = `${formatCount(count)} passage${count === 1 ? '' : 's'}`;
  const more = count > shown ? ` (showing ${shown})` : '';
  if (!query) return `${noun}${where}${more}.`;
  return `${noun} match${count === 1 ? 'es' : ''} “${query}”${where}${more}.`;
}
