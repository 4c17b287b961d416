/**
 * Finding a source by name in a dossier larger than the compare view holds (the picker's
 * "Find another source"). Pure: the catalogue in, the matches out.
 */
import type { CompareSourceJson } from '../../contract/endpoints';
import { foldText, termPlace } from '../search/fold';

/** Each source's outlet and headline, folded once: the field looks through them all at every keystroke. */
const folded = new WeakMap<CompareSourceJson, string>();
function foldedName(source: CompareSourceJson): string {
  let text = folded.get(source);
  if (text === undefined) folded.set(source, (text = foldText(`${source.outlet} ${source.headline}`)));
  return text;
}

export interface FoundSources {
  /** The first `max` matches: those with a word that begins with what is typed first, then publication order. */
  shown: CompareSourceJson[];
  /** How many match in all. */
  total: number;
}

/**
 * The sources whose outlet or headline holds what is typed (folded: case, accents, dashes),
 * leaving out those in `listed` (already chips of the picker).
 */
export function findSources(catalogue: readonly CompareSourceJson[], typed: string, listed: ReadonlySet<string>, max: number): FoundSources {
  const term = foldText(typed.trim());
  if (!term) return { shown: [], total: 0 };
  const atWord: CompareSourceJson[] = [];
  const within: CompareSourceJson[] = [];
  for (const source of catalogue) {
    if (listed.has(source.slug)) continue;
    const place = termPlace(foldedName(source), term);
    if (place === 'word') atWord.push(source);
    else if (place === 'within') within.push(source);
  }
  return { shown: [...atWord, ...within].slice(0, max), total: atWord.length + within.length };
}

/** What the find field says of its matches: "3 sources", "No other source matches “Reuters”". */
export function foundSentence(found: FoundSources, typed: string): string {
  const { total, shown } = found;
  if (!total) return `No other source matches “${typed.trim()}”`;
  if (total > shown.length) return `${total} sources match; the first ${shown.length} are listed`;
  return `${total} source${total === 1 ? '' : 's'}`;
}
