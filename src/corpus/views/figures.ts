/** /figures/, /figures/2/…: the claims table and every sentence with a number, grouped by source. */
import { claimsTable, groupsQuoting, type ClaimRow, type ResolvedGroup } from '../claims';
import type { Article, Corpus } from '../model';
import type { NumberSentence } from '../numbers';
import { pageSize, paginate, type Paged } from '../paging';
import { FIGURES_SOURCES_PER_PAGE } from '../site';
import { yearStarts, type YearStart } from './sources';

export interface FiguresPage {
  groups: ResolvedGroup[];
  /** The table's columns: the sources that state any figure, in publication order. */
  tableSources: Article[];
  rows: ClaimRow[];
  sentenceCount: number;
  /** This page's sources with their number sentences, each with the table rows that quote it. */
  sentencesBySource: { article: Article; sentences: { sentence: NumberSentence; quotedIn: ResolvedGroup[] }[] }[];
  /** Where each year's sources start. */
  years: YearStart[];
  /** Which page this is: the sentences come FIGURES_SOURCES_PER_PAGE sources a page; the table is on the first. */
  paging: Omit<Paged<unknown>, 'items'>;
}

/**
 * The figures' pages: the table (hand-made claims, on the first page) and the number sentences
 * of a few sources a page, so no page grows with the dossier.
 */
export function figuresPages(corpus: Corpus): FiguresPage[] {
  const groups = corpus.claims;
  const table = claimsTable(
    groups,
    corpus.articles.map((a) => a.slug),
  );
  const bySlug = new Map(corpus.articles.map((a) => [a.slug, [] as FiguresPage['sentencesBySource'][number]['sentences']]));
  for (const s of corpus.numberSentences) {
    bySlug.get(s.article)!.push({ sentence: s, quotedIn: groupsQuoting(groups, s.passageId, s.sentence.start, s.sentence.end) });
  }
  const whole = {
    groups,
    tableSources: table.sources.map((slug) => corpus.articlesBySlug.get(slug)!),
    rows: table.rows,
    sentenceCount: corpus.numberSentences.length,
  };
  const size = pageSize(FIGURES_SOURCES_PER_PAGE);
  const years = yearStarts(corpus.articles, size);
  return paginate(corpus.articles, size).map(({ items, ...paging }) => ({
    ...whole,
    years,
    sentencesBySource: items.map((article) => ({ article, sentences: bySlug.get(article.slug)! })),
    paging,
  }));
}
