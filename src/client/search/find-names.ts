/**
 * Finding an item of a long list by name as the reader types: the compare picker's "Find another
 * source", the home page's "Find a source" and the name index's "Find a name". Pure: the items in,
 * the matches and what to say of them out.
 */
import { formatCount } from '../../corpus/format';
import { foldText, termPlace } from './fold';

/** How many matches a find field lists (the rest are counted): a name is typed until the list is short. */
export const FIND_SHOWN = 12;

export interface Found<T> {
  /** The first `max` matches: those with a word that begins with what is typed first, then in the list's order. */
  shown: T[];
  /** How many match in all. */
  total: number;
}

/** What a list holds, for its sentences: "1 source", "3 sources". */
export interface Noun {
  one: string;
  many: string;
}

/**
 * An item's name folded once (case, accents, dashes): a find field looks through every item at
 * every keystroke, and the same items come back each time.
 */
export function foldedOnce<T extends object>(name: (item: T) => string): (item: T) => string {
  const folded = new WeakMap<T, string>();
  return (item) => {
    let text = folded.get(item);
    if (text === undefined) folded.set(item, (text = foldText(name(item))));
    return text;
  };
}

/**
 * The items whose folded name holds what is typed, leaving out those `skip` says are already
 * in sight. An empty field finds nothing.
 */
export function findByName<T>(items: readonly T[], foldedName: (item: T) => string, typed: string, max: number, skip?: (item: T) => boolean): Found<T> {
  const term = foldText(typed.trim());
  if (!term) return { shown: [], total: 0 };
  const atWord: T[] = [];
  const within: T[] = [];
  for (const item of items) {
    if (skip?.(item)) continue;
    const place = termPlace(foldedName(item), term);
    if (place === 'word') atWord.push(item);
    else if (place === 'within') within.push(item);
  }
  return { shown: [...atWord, ...within].slice(0, max), total: atWord.length + within.length };
}

/**
 * What a find field says of its matches, `total` in all and `listed` of them shown: "3 sources",
 * "52 names match; the first 12 are listed", "No name matches “Reuters”". `other`: the list
 * leaves some out ("No other source…"); `where`: what was looked through, when not everything
 * (" in these results").
 */
export function foundSentence(total: number, listed: number, typed: string, noun: Noun, how: { other?: boolean; where?: string } = {}): string {
  if (!total) return `No ${how.other ? 'other ' : ''}${noun.one} matches “${typed.trim()}”${how.where ?? ''}`;
  if (total > listed) return `${formatCount(total)} ${noun.many} match; the first ${listed} are listed`;
  return `${formatCount(total)} ${total === 1 ? noun.one : noun.many}`;
}
