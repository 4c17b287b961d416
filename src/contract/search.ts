/**
 * The search index's side of the contract (README, "The search contract"): how a result gives
 * back the record it was made from, as the build writes it and the search page reads it.
 *
 * The build hands each record to Pagefind as a small document of its own
 * (src/integrations/search-index.ts), and a document's URL is its file's. The file is named
 * after the record's URL (`/articles/<slug>/#<passage id>`, a note's with `?note=<id>`), in
 * base64url (in folders when long), so the result's URL gives the record's back. Not a meta field: Pagefind searches
 * the words of every meta value, and an article's slug would then match its every passage.
 */

const EXTENSION = '.html';
/** A file name's longest part: names are limited to 255 bytes, and a slug's length is not. */
const SEGMENT = 200;

const toBase64url = (text: string) => {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64url = (encoded: string) => {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
};

/** The path of a record's document, relative to the folder of documents: one name, or folders for a long URL. */
export function recordDocumentPath(recordUrl: string): string {
  const encoded = toBase64url(recordUrl);
  const parts: string[] = [];
  for (let i = 0; i < encoded.length; i += SEGMENT) parts.push(encoded.slice(i, i + SEGMENT));
  return `${parts.join('/')}${EXTENSION}`;
}

/** The record's URL from its result's (`/<path>.html`), or null when the result is not a record's document. */
export function recordUrlOf(resultUrl: string): string | null {
  const path = /^\/?([\w-]+(?:\/[\w-]+)*)\.html$/.exec(resultUrl)?.[1];
  if (!path) return null;
  try {
    return fromBase64url(path.replaceAll('/', ''));
  } catch {
    return null;
  }
}
