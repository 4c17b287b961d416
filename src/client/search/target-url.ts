/**
 * A search result's link: the passage's URL with the query in `?hl=` so the
 * article page can mark the hit terms (see highlight-hits.ts).
 */
import { searchWords } from './fold';

export function searchTargetUrl(target: string, query: string): string {
  const url = new URL(target, 'https://x.invalid');
  url.searchParams.set('hl', query);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The words to mark, folded as search folds them (fold.ts): two letters or more, without duplicates. */
export function hitTerms(query: string): string[] {
  return [...new Set(searchWords(query).filter((w) => w.length >= 2))];
}
