/**
 * Whatever characters a paragraph holds, the written markdown reads back (remark-parse +
 * mdast-util-to-string) to exactly that text: markdown and HTML characters are escaped,
 * never interpreted.
 */
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { sourceEntrySchema } from '../../src/corpus/schema.ts';
import { createProcessor, normalizeArticle } from '../../scripts/normalize/pipeline.ts';
import { splitArticleFile } from '../../src/corpus/parse.ts';
import { normalizeSpace } from '../../scripts/normalize/text.ts';
import { entry } from '../fixtures/normalize/helpers.ts';

const processor = createProcessor();
const testEntry = sourceEntrySchema.parse(entry('md', { headline: { value: null, status: 'unknown' }, authors: [] }));

/** Normalise paragraphs (one per line), read the body back as plain texts. */
async function roundTrip(paragraphs: string[]): Promise<string[]> {
  const { markdown } = await normalizeArticle({
    entry: testEntry,
    bytes: new TextEncoder().encode(paragraphs.join('\n')),
    displayPath: 'md.txt',
    sourcePath: 'md.txt',
    previousMarkdown: null,
    previousPath: 'md.md',
  }, processor);
  const tree = unified().use(remarkParse).parse(splitArticleFile(markdown, 'article.md').body);
  return tree.children.filter((node) => node.type === 'paragraph' || node.type === 'heading').map((node) => toString(node));
}

const tricky = ['*', '_', '#', '[', ']', '<', '>', '`', '|', '\\', '&', ';', '!', '(', ')', '-', '+', '=', '~', ':', '.', '1', 'a', 'b', ' ', 'amp', '&amp;', '&#123;', '<b>', '</b>', '<!--', '-->', 'http://x.y', '    ', '***', '---'];

describe('normalize markdown: escaping', () => {
  it('should read back every paragraph exactly, whatever markdown characters it holds', async () => {
    const paragraph = fc
      .array(fc.constantFrom(...tricky), { minLength: 1, maxLength: 30 })
      .map((parts) => `Text ${normalizeSpace(parts.join(''))}.`);
    await fc.assert(
      fc.asyncProperty(fc.array(paragraph, { minLength: 1, maxLength: 5 }), async (generated) => {
        // Numbered: a paragraph printed twice would rightly be removed as a repeated caption.
        const paragraphs = generated.map((text, i) => `${i} ${text}`);
        expect(await roundTrip(paragraphs)).toEqual(paragraphs.map(normalizeSpace));
      }),
      { numRuns: 300 },
    );
  }, 30_000); // 300 whole pipeline runs

  it('should keep line starts that look like markup as text', async () => {
    const paragraphs = ['# Not a heading.', '1. Not a list.', '- Not a bullet.', '> Not a quote.', '<div>Not HTML.</div>', '    Not code.', '| a | b |', '=== not a rule ===.'];
    expect(await roundTrip(paragraphs)).toEqual(paragraphs.map(normalizeSpace));
  });

  it('should keep headings that hold markdown characters as text', async () => {
    const texts = ['First paragraph.', 'The *real* [story]', 'Last paragraph.'];
    expect(await roundTrip(texts)).toEqual(texts);
  });
});
