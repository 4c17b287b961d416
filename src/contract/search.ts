/**
 * The search index's side of the contract (README, "The search contract"): how a result gives
 * back the record it was made from, as the build writes it and the search page reads it.
 *
 * The build hands each record to Pagefind as a small document of its own
 * (src/integrations/search-index.ts), and a document's URL is its file's. The file is named
 * after what the result must show and Pagefind must not search: the record's URL
 * (`/articles/<slug>/#<passage id>`, a note's with `?note=<id>`) and its article's headline and
 * outlet, as JSON in base64url (in folders when long), so the result's URL gives them back.
 * Not meta fields: Pagefind searches the words of every meta value, so a word of a headline
 * found every passage of its article.
 */

/** What a result shows of its article. */
export interface RecordMeta {
  headline: string;
  outlet: string;
  /** The article's language when it is not the dossier's (src/corpus/language.ts), named after the outlet. */
  language?: string;
}

/** What a record's document name carries. */
export interface RecordName {
  url: string;
  meta: RecordMeta;
}

const EXTENSION = '.html';
/** A file name's longest part: names are limited to 255 bytes (this with the extension), and a slug's or a headline's length is not. */
const SEGMENT = 240;

const toBase64url = (text: string) => {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64url = (encoded: string) => {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
};

/** The path of a record's document, relative to the folder of documents: one name, or folders when long. */
export function recordDocumentPath({ url, meta }: RecordName): string {
  const fields = [url, meta.headline, meta.outlet, ...(meta.language ? [meta.language] : [])];
  const encoded = toBase64url(JSON.stringify(fields));
  const parts: string[] = [];
  for (let i = 0; i < encoded.length; i += SEGMENT) parts.push(encoded.slice(i, i + SEGMENT));
  return `${parts.join('/')}${EXTENSION}`;
}

/** The record's URL and meta from its result's URL (`/<path>.html`), or null when the result is not a record's document. */
export function recordOf(resultUrl: string): RecordName | null {
  const path = /^\/?([\w-]+(?:\/[\w-]+)*)\.html$/.exec(resultUrl)?.[1];
  if (!path) return null;
  let fields: unknown;
  try {
    fields = JSON.parse(fromBase64url(path.replaceAll('/', '')));
  } catch {
    return null;
  }
  if (!Array.isArray(fields) || fields.length < 3 || fields.length > 4 || !fields.every((f) => typeof f === 'string')) return null;
  const [url, headline, outlet, language] = fields as [string, string, string, string?];
  return { url, meta: { headline, outlet, ...(language ? { language } : {}) } };
}
