/**
 * Reads an article the normaliser wrote before: its passages (id + text) and its
 * retired ids. This is the id memory, so anything unexpected is an error, not a guess.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { passageIdSchema } from '../../src/corpus/schema.ts';
import type { PassageRecord, PreviousArticle } from './types.ts';

export const PASSAGE_MARKER = /^<!-- passage (\S+) -->$/;

const memorySchema = z.object({
  retiredIds: z.record(passageIdSchema, passageIdSchema).default({}),
});

/** Splits `---\n<yaml>---\n<body>`; null when the text has no frontmatter. */
export function splitFrontmatter(markdown: string): { yaml: string; body: string } | null {
  const match = /^---\n([\s\S]*?\n)?---(?:\n|$)/.exec(markdown);
  if (!match) return null;
  return { yaml: match[1] ?? '', body: markdown.slice(match[0].length) };
}

/** @throws Error with a message for people (the caller adds the file name) */
export function parsePreviousArticle(markdown: string): PreviousArticle {
  const parts = splitFrontmatter(markdown);
  if (!parts) throw new Error('it does not start with a --- frontmatter block');
  let data: unknown;
  try {
    data = parseYaml(parts.yaml);
  } catch (error) {
    throw new Error(`its frontmatter is not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const memory = memorySchema.safeParse(data ?? {});
  if (!memory.success) {
    const issue = memory.error.issues[0]!;
    throw new Error(`its frontmatter field ${['retiredIds', ...issue.path.slice(1)].join('.')} is invalid (${issue.message})`);
  }

  const tree = unified().use(remarkParse).parse(parts.body);
  const passages: PassageRecord[] = [];
  tree.children.forEach((node, index) => {
    if (node.type !== 'html') return;
    const id = PASSAGE_MARKER.exec(node.value.trim())?.[1];
    if (id === undefined) return;
    if (!passageIdSchema.safeParse(id).success) throw new Error(`"${id}" is not a valid passage id`);
    const next = tree.children[index + 1];
    if (next?.type !== 'paragraph') throw new Error(`the passage marker for ${id} is not followed by a paragraph`);
    passages.push({ id, text: toString(next) });
  });
  return { passages, retiredIds: memory.data.retiredIds };
}
