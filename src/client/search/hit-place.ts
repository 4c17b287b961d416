/**
 * Where a search hit belongs: the passage id in its record's URL fragment, in the article at
 * the record URL's path, whose headline and outlet the record's meta carries (README, "The
 * search contract"). Never the outlet's name, which two articles may share. Pure, for
 * dossier-search.ts.
 */
import type { RecordMeta } from '../../contract/search';
import { safeDecode } from '../../contract/text-fragment';

export interface HitArticle {
  url: string;
  headline: string;
  outlet: string;
}

export interface HitPlace {
  passageId: string;
  article: HitArticle;
  /** The passage in its article: `<article url>#<passage id>`. */
  url: string;
}

/** The passage and article of a record (`/articles/<slug>/…#<id>` and its meta), or null without an id or a headline. */
export function hitPlace(recordUrl: string, meta: Readonly<RecordMeta>): HitPlace | null {
  const hash = recordUrl.lastIndexOf('#');
  if (hash < 0) return null;
  const passageId = safeDecode(recordUrl.slice(hash + 1));
  if (!passageId || !meta.headline) return null;
  const url = recordUrl.slice(0, hash).split('?')[0]!;
  return { passageId, article: { url, headline: meta.headline, outlet: meta.outlet }, url: `${url}#${passageId}` };
}
