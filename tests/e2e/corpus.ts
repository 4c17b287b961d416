/**
 * The normalised articles as the tests see them: read straight from content/articles/,
 * so the browser tests compare the site against its source of truth, not against copies.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { parseArticleBody, type ParsedPassage } from '../../src/corpus/parse';
import { articleFrontmatterSchema, type ArticleFrontmatter } from '../../src/corpus/schema';

export interface TestArticle {
  slug: string;
  meta: ArticleFrontmatter;
  passages: ParsedPassage[];
  url: string;
}

export function readArticles(dir = 'content/articles'): TestArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const text = readFileSync(`${dir}/${file}`, 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${file}: no frontmatter`);
      const meta = articleFrontmatterSchema.parse(parse(match[1]!));
      const { passages } = parseArticleBody(match[2]!, file);
      return { slug: meta.slug, meta, passages, url: `/articles/${meta.slug}/` };
    });
}
