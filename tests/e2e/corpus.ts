/**
 * The normalised articles as the tests see them: read straight from content/articles/ by the
 * project's own reader, so the browser tests compare the site against its source of truth.
 */
import { articleUrl } from '../../src/contract/routes';
import type { ParsedPassage } from '../../src/corpus/parse';
import { readArticlesFromDisk } from '../../src/corpus/read-articles';
import type { ArticleFrontmatter } from '../../src/corpus/schema';

export interface TestArticle {
  slug: string;
  meta: ArticleFrontmatter;
  passages: ParsedPassage[];
  url: string;
}

export function readArticles(dir?: string): TestArticle[] {
  return readArticlesFromDisk(dir).map(({ slug, meta, passages }) => ({ slug, meta, passages, url: articleUrl(slug) }));
}
