/**
 * Reads an article the normaliser wrote before: its passages (id + text) and its retired ids.
 * This is the id memory, so anything unexpected is an error, not a guess. The file is read by
 * the project's one article reader (src/corpus/parse.ts); only `retiredIds` of the frontmatter
 * matters here, so a memory written under an older schema still reads.
 */
import { z } from 'zod';
import { parseArticleFileWith } from '../../src/corpus/parse.ts';
import { passageIdSchema } from '../../src/corpus/schema.ts';
import type { PreviousArticle } from './types.ts';

const memorySchema = z.object({
  retiredIds: z.record(passageIdSchema, passageIdSchema).default({}),
});

/** @throws InputError naming the file and line */
export function parsePreviousArticle(markdown: string, file: string): PreviousArticle {
  const { meta, passages } = parseArticleFileWith(markdown, file, memorySchema, '');
  return { passages: passages.map(({ id, text }) => ({ id, text })), retiredIds: meta.retiredIds };
}
