/**
 * The JSON the site serves to its own browser code and to anyone who wants the data:
 * addresses and shapes, in one place. The build writes these shapes; the browser reads them.
 * Dependency-free (types only).
 */

/** `{ <retired passage id>: <surviving passage id> }`: where an old link lands. */
export const RETIRED_IDS_URL = '/p/retired-ids.json';
export type RetiredIdsJson = Record<string, string>;

/** Every passage's text, for the notebook (re-anchoring every source, grouping by theme). */
export const PASSAGES_URL = '/p/passages.json';

export interface PassagesJson {
  articles: { slug: string; url: string; outlet: string; headline: string }[];
  themes: { id: string; label: string }[];
  passages: { id: string; article: string; order: number; text: string; themes: string[] }[];
  /** Retired passage id → surviving passage id (as in each article's frontmatter). */
  retiredIds: RetiredIdsJson;
}

/** Words and names for "Did you mean …" in search, loaded only when a query finds little. */
export const VOCABULARY_URL = '/data/vocabulary.json';

/** The whole dossier as open data, and its JSON Schema. */
export const DOSSIER_JSON_URL = '/data/dossier.json';
export const DOSSIER_SCHEMA_URL = '/data/dossier.schema.json';
