/**
 * The normalised articles read straight from content/articles/ without Astro, for the
 * analysis scripts (eval:themes) and tests. The site itself reads them through
 * src/corpus/model.ts; this gives the same passages.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import type { PassageLike } from './analysis-types';
import { parseArticleBody } from './parse';
import { articleFrontmatterSchema, type ArticleFrontmatter } from './schema';

export interface ArticleOnDisk {
  slug: string;
  meta: ArticleFrontmatter;
  passages: PassageLike[];
}

export function readArticlesFromDisk(dir = 'content/articles'): ArticleOnDisk[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((name) => {
      const file = `${dir}/${name}`;
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(file, 'utf8'));
      if (!match) throw new Error(`${file}: no frontmatter block; re-run \`npm run normalize\``);
      const meta = articleFrontmatterSchema.parse(parse(match[1]!));
      const { passages } = parseArticleBody(match[2]!, file);
      return { slug: meta.slug, meta, passages: passages.map((p) => ({ ...p, article: meta.slug })) };
    });
}
