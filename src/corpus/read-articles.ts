/**
 * The normalised articles of content/articles/, each file parsed by ./parse (the one reader of
 * an article file), in file-name order. The corpus model builds the site from them; the analysis
 * scripts (eval:themes), the benchmark and the tests read them the same way, so everyone sees
 * the same passages.
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
