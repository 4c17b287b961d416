/** What several pages say about a source and about coverage (passages per source and theme). */
import type { Article, Corpus } from '../model';
import { passagesOnTheme } from '../lookups';

/** The anchor of a source's column on a theme page (the home matrix links to it). */
export const sourceAnchor = (slug: string) => `source-${slug}`;

export interface SourceRef {
  slug: string;
  outlet: string;
  headline: string;
  url: string;
  /** `source-<slug>`: the source's column on a theme page. */
  anchor: string;
  /** The article's language when it is not the dossier's. */
  language?: string;
}

/**
 * How a list names a source: by its outlet, or, when the dossier holds several articles of that
 * outlet, by outlet and headline ("Lantern News: Raids in the north"), so that no two entries of
 * a list read alike. Counted over `articles`, the whole dossier.
 */
type Named = { meta: { outlet: string }; headline: string };
export function sourceNamer(articles: readonly Named[]): (article: Named) => string {
  const perOutlet = new Map<string, number>();
  for (const a of articles) perOutlet.set(a.meta.outlet, (perOutlet.get(a.meta.outlet) ?? 0) + 1);
  return (a) => ((perOutlet.get(a.meta.outlet) ?? 0) > 1 ? `${a.meta.outlet}: ${a.headline}` : a.meta.outlet);
}

export const sourceRef = (article: Article): SourceRef => ({
  slug: article.slug,
  outlet: article.meta.outlet,
  headline: article.headline,
  url: article.url,
  anchor: sourceAnchor(article.slug),
  ...(article.meta.language ? { language: article.meta.language } : {}),
});

/** Passages per source and theme: the home page's coverage matrix and the theme index. */
export function coverage(corpus: Corpus): Map<string, Map<string, number>> {
  return new Map(
    corpus.articles.map((a) => [
      a.slug,
      new Map(corpus.themes.map((t) => [t.id, passagesOnTheme(corpus, t.id, a).length])),
    ]),
  );
}

/** Shading step of a coverage cell: 0 for none, else 1–4 by its share of the largest cell. */
export function coverageLevel(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4))) as 1 | 2 | 3 | 4;
}
