/**
 * THE corpus model: everything pages need, computed once per build from the
 * `articles` collection. Pages and components receive these objects and render them.
 */
import { getCollection } from 'astro:content';
import { parseArticleBody, type ParsedPassage, type Section } from './parse';
import { publicationSortKey } from './format';
import type { ArticleFrontmatter } from './schema';

export interface Passage extends ParsedPassage {
  /** Slug of the article the passage belongs to. */
  article: string;
  /** Ids of the themes the passage is substantially about (content/themes.yaml), in taxonomy order. */
  themes: string[];
}

/** A theme as pages show it. */
export interface ThemeInfo {
  id: string;
  label: string;
  description: string;
  /** Mark colour on light backgrounds, and on dark ones. */
  color: string;
  colorDark: string;
}

export interface Article {
  slug: string;
  meta: ArticleFrontmatter;
  passages: Passage[];
  headings: Section[];
  /** Site path of the article page. */
  url: string;
}

export interface Corpus {
  articles: Article[];
  /** The taxonomy, in its file's order. */
  themes: ThemeInfo[];
  themesById: Map<string, ThemeInfo>;
  articlesBySlug: Map<string, Article>;
  passagesById: Map<string, Passage>;
  /** Retired passage id → the surviving passage it now points to. */
  retiredIds: Map<string, string>;
}

let corpus: Promise<Corpus> | undefined;

/** The corpus, built on first use and shared by every page of the build. */
export function getCorpus(): Promise<Corpus> {
  corpus ??= buildCorpus();
  return corpus;
}

export const articleUrl = (slug: string) => `/articles/${slug}/`;
export const passageUrl = (passage: Pick<Passage, 'article' | 'id'>) => `${articleUrl(passage.article)}#${passage.id}`;
export const shareUrl = (passageId: string) => `/p/${passageId}/`;
export const themeUrl = (themeId: string) => `/themes/${themeId}/`;

async function buildCorpus(): Promise<Corpus> {
  const entries = await getCollection('articles');
  const articles = entries
    .map((entry): Article => {
      const file = entry.filePath ?? `content/articles/${entry.id}.md`;
      const body = parseArticleBody(entry.body ?? '', file);
      const slug = entry.data.slug;
      return {
        slug,
        meta: entry.data,
        passages: body.passages.map((p) => ({ ...p, article: slug, themes: [] })),
        headings: body.headings,
        url: articleUrl(slug),
      };
    })
    .sort(
      (a, b) =>
        publicationSortKey(a.meta.published).localeCompare(publicationSortKey(b.meta.published)) ||
        a.slug.localeCompare(b.slug),
    );

  const passagesById = new Map<string, Passage>();
  for (const passage of articles.flatMap((a) => a.passages)) {
    const clash = passagesById.get(passage.id);
    if (clash) throw new Error(`Passage id ${passage.id} is used twice (${clash.article} and ${passage.article})`);
    passagesById.set(passage.id, passage);
  }
  const retiredIds = new Map(articles.flatMap((a) => Object.entries(a.meta.retiredIds)));

  const themes: ThemeInfo[] = [];

  return {
    articles,
    themes,
    themesById: new Map(themes.map((t) => [t.id, t])),
    articlesBySlug: new Map(articles.map((a) => [a.slug, a])),
    passagesById,
    retiredIds,
  };
}
