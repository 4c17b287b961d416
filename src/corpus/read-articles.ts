/**
 * The normalised articles read straight from content/articles/ without Astro, for the
 * analysis scripts (eval:themes), the benchmark and tests. The site itself reads them through
 * src/corpus/model.ts; both parse with ./parse, so they see the same passages.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { PassageLike } from './analysis-types';
import { parseArticleFile, type ParsedArticle } from './parse';
import type { ArticleFrontmatter } from './schema';

export const ARTICLES_DIR = 'content/articles';

export interface ArticleOnDisk {
  slug: string;
  meta: ArticleFrontmatter;
  passages: (ParsedArticle['passages'][number] & PassageLike)[];
  headings: ParsedArticle['headings'];
}

export function readArticlesFromDisk(dir = ARTICLES_DIR): ArticleOnDisk[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((name) => {
      const file = `${dir}/${name}`;
      const { meta, passages, headings } = parseArticleFile(readFileSync(file, 'utf8'), file);
      return { slug: meta.slug, meta, passages: passages.map((p) => ({ ...p, article: meta.slug })), headings };
    });
}
