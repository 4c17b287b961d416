/**
 * Finding a source by name in a dossier larger than the compare view holds (the picker's
 * "Find another source", and the home page's "Find a source"). Pure: the catalogue in, the
 * matches out.
 */
import type { CompareSourceJson } from '../../contract/endpoints';
import { findByName, foldedOnce, type Found, type Noun } from '../search/find-names';

export const SOURCE_NOUN: Noun = { one: 'source', many: 'sources' };

/** A source as a find field reads it: its outlet and headline. */
export const sourceFoldedName = foldedOnce((source: CompareSourceJson) => `${source.outlet} ${source.headline}`);

/**
 * The sources whose outlet or headline holds what is typed (folded: case, accents, dashes),
 * leaving out those in `listed` (already chips of the picker).
 */
export function findSources(catalogue: readonly CompareSourceJson[], typed: string, listed: ReadonlySet<string>, max: number): Found<CompareSourceJson> {
  return findByName(catalogue, sourceFoldedName, typed, max, (source) => listed.has(source.slug));
}

/**
 * A source's headline as a list under its outlet shows it, with the date its name adds when one
 * outlet saved one headline several times ("Live: the siege (3 March 2017)").
 */
export function sourceTitle(source: CompareSourceJson): string {
  const named = `${source.outlet}: ${source.headline}`;
  return source.name.startsWith(named) && source.name.length > named.length ? source.name.slice(source.outlet.length + 2) : source.headline;
}
