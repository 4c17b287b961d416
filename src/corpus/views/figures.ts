/** /figures/: the claims table and every sentence with a number, grouped by source. */
import { claimsTable, groupsQuoting, type ClaimRow, type ResolvedGroup } from '../claims';
import type { Article, Corpus } from '../model';
import type { NumberSentence } from '../numbers';

export interface FiguresPage {
  groups: ResolvedGroup[];
  /** The table's columns: the sources that state any figure, in publication order. */
  tableSources: Article[];
  rows: ClaimRow[];
  sentenceCount: number;
  /** Every source with its number sentences, each with the table rows that quote it. */
  sentencesBySource: { article: Article; sentences: { sentence: NumberSentence; quotedIn: ResolvedGroup[] }[] }[];
}

export function figuresPage(corpus: Corpus): FiguresPage {
  const groups = corpus.claims;
  const table = claimsTable(
    groups,
    corpus.articles.map((a) => a.slug),
  );
  const bySlug = new Map(corpus.articles.map((a) => [a.slug, [] as FiguresPage['sentencesBySource'][number]['sentences']]));
  for (const s of corpus.numberSentences) {
    bySlug.get(s.article)!.push({ sentence: s, quotedIn: groupsQuoting(groups, s.passageId, s.sentence.start, s.sentence.end) });
  }
  return {
    groups,
    tableSources: table.sources.map((slug) => corpus.articlesBySlug.get(slug)!),
    rows: table.rows,
    sentenceCount: corpus.numberSentences.length,
    sentencesBySource: corpus.articles.map((article) => ({ article, sentences: bySlug.get(article.slug)! })),
  };
}
