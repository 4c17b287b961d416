/**
 * Ready-made views of the corpus for pages: each function takes the model and returns
 * exactly what one page region renders, so components stay free of data work.
 */
import { summarize, type Article, type Corpus, type PassageSummary, type ThemeInfo } from './model';

export interface ThemeInArticle {
  theme: ThemeInfo;
  /** Passages of this article on the theme. */
  count: number;
  /** Passages on the theme in the other sources, in publication order. */
  elsewhere: PassageSummary[];
}

/** The themes an article touches, in taxonomy order, with where else each is discussed. */
export function themesInArticle(corpus: Corpus, article: Article): ThemeInArticle[] {
  return corpus.themes.flatMap((theme) => {
    const count = article.passages.filter((p) => p.themes.includes(theme.id)).length;
    if (count === 0) return [];
    const elsewhere = corpus.articles
      .filter((a) => a.slug !== article.slug)
      .flatMap((a) => a.passages.filter((p) => p.themes.includes(theme.id)))
      .map((p) => summarize(corpus, p.id, 12));
    return [{ theme, count, elsewhere }];
  });
}

/** Per passage of an article: its themes as objects and its related passages as summaries. */
export function passageDetails(corpus: Corpus, article: Article) {
  return new Map(
    article.passages.map((p) => [
      p.id,
      {
        themes: p.themes.map((id) => corpus.themesById.get(id)!),
        related: p.related.map((r) => summarize(corpus, r.id, 14)),
      },
    ]),
  );
}

/** Passages per source and theme: the home page's coverage matrix and the theme pages. */
export function coverage(corpus: Corpus): Map<string, Map<string, number>> {
  return new Map(
    corpus.articles.map((a) => [
      a.slug,
      new Map(corpus.themes.map((t) => [t.id, a.passages.filter((p) => p.themes.includes(t.id)).length])),
    ]),
  );
}
