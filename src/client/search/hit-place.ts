/**
 * Where a search hit belongs: the passage id in its record's URL fragment, and the article
 * whose id prefix that id carries (src/contract/passage-id.ts). Never the outlet's name,
 * which two articles may share. Pure, for dossier-search.ts.
 */
import { idPrefixOf } from '../../contract/passage-id';
import { safeDecode } from '../../contract/text-fragment';

export interface HitArticle {
  url: string;
  headline: string;
  outlet: string;
}

export interface HitPlace<A extends HitArticle = HitArticle> {
  passageId: string;
  article: A;
  /** The passage in its article: `<article url>#<passage id>`. */
  url: string;
}

/** The passage and article of a record URL (`/articles/<slug>/…#<id>`), or null when its id names no known article. */
export function hitPlace<A extends HitArticle>(recordUrl: string, articlesByPrefix: ReadonlyMap<string, A>): HitPlace<A> | null {
  const hash = recordUrl.lastIndexOf('#');
  if (hash < 0) return null;
  const passageId = safeDecode(recordUrl.slice(hash + 1));
  if (!passageId) return null;
  const prefix = idPrefixOf(passageId);
  const article = prefix === null ? undefined : articlesByPrefix.get(prefix);
  return article ? { passageId, article, url: `${article.url}#${passageId}` } : null;
}
