/**
 * The search index's side of the contract (README, "The search contract"): how a result gives
 * back the record it was made from, as the build writes it and the search page reads it.
 *
 * The build hands each record to Pagefind as a small document of its own
 * (src/integrations/search-index.ts), and a document's URL is its file's. The file is named
 * after the record's URL (`/articles/<slug>/#<passage id>`, a note's with `?note=<id>`), in
 * base64url, so the result's URL gives the record's back. Not a meta field: Pagefind searches
 * the words of every meta value, and an article's slug would then match its every passage.
 */

const EXTENSION = '.html';

const toBase64url = (text: string) => {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64url = (encoded: string) => {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
};

/** The file name of a record's document. */
export const recordDocumentName = (recordUrl: string): string => `${toBase64url(recordUrl)}${EXTENSION}`;

/** The record's URL from its result's (`/<name>.html`), or null when the result is not a record's document. */
export function recordUrlOf(resultUrl: string): string | null {
  const name = /^\/?([\w-]+)\.html$/.exec(resultUrl)?.[1];
  if (!name) return null;
  try {
    return fromBase64url(name);
  } catch {
    return null;
  }
}
