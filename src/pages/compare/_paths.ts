/** The pair pages' paths (/compare/<a>--<b>/ and its full-text edition): one per pair of comparable sources. */
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
