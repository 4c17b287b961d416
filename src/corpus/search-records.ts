/**
 * The search index's documents (README, "The search contract"): one record per passage and
 * one per editors' note, handed to Pagefind's Node API by src/integrations/pagefind.ts.
 * Records point at the passage's anchor in its article, so no page has to exist for search.
 *
 * Pure and linear in the size of the corpus: every map is built in one pass.
 */
import { passageUrl } from '../contract/routes';
import type { RecordMeta } from '../contract/search';
import type { Article, Corpus } from './model';
import { entityFilterValues } from './views/search';

/** The `kind` filter: what a record is. Facets count passages only. */
export const RECORD_KINDS = ['passage', 'note'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * Filters on a record: `kind` always; a passage also has `source` (its article's passage-id
 * prefix, unique per article), and `theme` (labels), `entity` (names) and `section` (title)
 * when it has any.
 */
export type RecordFilters = { kind: [RecordKind] } & Record<string, string[]>;

/** A search record: its URL, text, meta and filters (indexed by src/integrations/search-index.ts). */
export interface SearchRecord {
  url: string;
  content: string;
  language: 'en';
  /** The article's headline and outlet, shown on the result (the page need not know every article), never searched. */
  meta: RecordMeta;
  filters: RecordFilters;
}

const metaOf = (article: Article): RecordMeta => ({
  headline: article.headline,
  outlet: article.meta.outlet,
  ...(article.meta.language ? { language: article.meta.language } : {}),
});

/** What the index needs of an editors' note. */
export interface NoteForSearch {
  id: string;
  passageId: string;
  note: string;
  tags: readonly string[];
}

export function searchRecords(corpus: Corpus, notes: readonly NoteForSearch[]): SearchRecord[] {
  const entityValue = entityFilterValues(corpus);
  const entitiesOf = new Map<string, Set<string>>();
  for (const entity of corpus.entities) {
    for (const mention of entity.mentions) {
      let set = entitiesOf.get(mention.passageId);
      if (!set) entitiesOf.set(mention.passageId, (set = new Set()));
      set.add(entityValue.get(entity.id)!);
    }
  }

  const records: SearchRecord[] = [];
  for (const article of corpus.articles) {
    const source = article.meta.idPrefix;
    const meta = metaOf(article);
    for (const passage of article.passages) {
      const filters: RecordFilters = { kind: ['passage'], source: [source] };
      const themes = passage.themes.map((t) => corpus.themesById.get(t)!.label);
      const entities = [...(entitiesOf.get(passage.id) ?? [])];
      if (themes.length) filters.theme = themes;
      if (entities.length) filters.entity = entities;
      if (passage.section) filters.section = [passage.section.title];
      records.push({ url: passageUrl(passage), content: passage.text, language: 'en', meta, filters });
    }
  }
  for (const note of notes) {
    const passage = corpus.passagesById.get(note.passageId);
    if (!passage) continue; // the build has already refused notes that do not anchor
    const content = [note.note, ...note.tags].filter(Boolean).join('\n');
    if (!content.trim()) continue;
    // Its own URL (the note's id as a query) keeps it a separate document from its passage.
    const article = corpus.articlesBySlug.get(passage.article)!;
    const url = `${article.url}?note=${encodeURIComponent(note.id)}#${passage.id}`;
    records.push({ url, content, language: 'en', meta: metaOf(article), filters: { kind: ['note'] } });
  }
  return records;
}
