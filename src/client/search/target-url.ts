/**
 * A search result's link: the passage's URL with the query in `?hl=` so the
 * article page can mark the hit terms (see highlight-hits.ts).
 */
export function searchTargetUrl(target: string, query: string): string {
  const url = new URL(target, 'https://x.invalid');
  url.searchParams.set('hl', query);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The words to mark: at least two letters each, lower-cased, without duplicates. */
export function hitTerms(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  return [...new Set(words.filter((w) => w.length >= 2))];
}
