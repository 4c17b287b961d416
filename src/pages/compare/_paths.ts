/**
 * The compare view's built pages besides /compare/ itself: a page per pair of the sources it
 * holds (/compare/<a>--<b>/ and its full-text edition), and, in a dossier larger than the view
 * holds, a page per other source (/compare/source/<slug>/ and its full-text edition), which
 * the view fetches when the reader picks that source.
 */
import { pairSlug } from '../../contract/routes';
import { articlePairs, comparableArticles } from '../../corpus/compare';
import { getCorpus } from '../../corpus/model';

export async function pairPaths() {
  const { articles } = await getCorpus();
  return articlePairs(comparableArticles(articles)).map((pair) => ({
    params: { pair: pairSlug(pair[0].slug, pair[1].slug) },
    props: { pair },
  }));
}

export async function sourcePaths() {
  const { articles } = await getCorpus();
  const held = new Set(comparableArticles(articles));
  return articles.filter((a) => !held.has(a)).map((article) => ({ params: { slug: article.slug }, props: { article } }));
}
