/**
 * The normaliser on the five real articles: the committed output is current, nothing
 * but boilerplate is removed, every word survives in order, headings are found, and
 * the markdown reads back to exactly the source text.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleFrontmatterSchema, passageIdSchema } from '../../src/corpus/schema.ts';
import { normalizeCorpus, type CorpusResult } from '../../scripts/normalize/corpus.ts';
import { splitArticleFile } from '../../src/corpus/parse.ts';

const root = resolve(import.meta.dirname, '../..');
const sourcesDir = join(root, 'content/sources');

/** Which raw line each rule should remove, checked by eye against the raw files. */
const expectedRemovals: Record<string, Record<number, string>> = {
  'cnn-isis-2-0': {
    1: 'dateline', 21: 'image-file-name', 27: 'map-credit', 45: 'image-file-name', 83: 'image-file-name', 99: 'contributor-line',
  },
  'defenseone-after-mosul': {
    1: 'headline', 3: 'repeated-furniture', 5: 'agency-credit', 7: 'toolbar', 9: 'repeated-furniture',
    11: 'standfirst',
    ...Object.fromEntries([37, 39, 40, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 63].map((line) => [line, 'promo-box'])),
  },
  'bbc-returning-fighters': {
    1: 'standfirst', 7: 'picture-credit', 16: 'picture-credit', 28: 'picture-credit', 42: 'link-titles-run-together',
    64: 'about-box', 65: 'commission-note', 66: 'author-role', 67: 'reporting-credit',
  },
  'insideover-still-a-threat': { 1: 'location-caption', 3: 'headline', 5: 'standfirst' },
  'ft-global-strategy': { 1: 'copyright-credit', 29: 'author-role', 31: 'newsletter-prompt', 33: 'copyright-line', 35: 'follow-prompt' },
};

const expectedHeadings: Record<string, string[]> = {
  'cnn-isis-2-0': ['Going to ground', 'Switching allegiances', 'Waging jihad in the West', 'Expansion of ISIS affiliates', '‘Islamic State’ of mind'],
  'defenseone-after-mosul': [],
  'bbc-returning-fighters': ['Over the border', 'From battlefield to battlefield', 'Vulnerable countries', 'The threat to Europe', 'A legal return', 'Looking to the future'],
  'insideover-still-a-threat': ['Current Status of ISIS', 'Report: ISIS is Out of Heavy Weapons', 'Make No Mistake: ISIS is Still a Threat', 'The ISIS Recruitment Pipeline'],
  'ft-global-strategy': [],
};

/** Text that must not survive anywhere in an article body. */
const boilerplate = [
  'Image copyright', 'Image caption', 'ISIS_fall_card', 'Google Maps', 'Khalid Mohammed/AP', 'AA Font size', 'DefenseOne',
  'Software-Defined Networking', 'underwriters of that document', 'An Iraqi soldier inspects', 'Siria, Aleppo', '© Reuters',
  'Get alerts on', 'Copyright The Financial Times', 'Follow the topics', 'The writer is', 'About this piece', 'Edited by',
  'contributed to this report', 'commissioned by the BBC', 'Inside Raqqa after IS pushed out', 'Who are Britain’s jihadists?',
  'CNN —', 'They have options, write two terrorism scholars.', 'What ISIS Will Do After Mosul Falls',
  'ISIS Has Lost Most of its Territory But the Terrorist Group is Still a Threat', 'Driven out of their de facto capital',
];

interface Block {
  type: 'heading' | 'paragraph';
  text: string;
  id?: string;
}

/** The body as blocks, read back with remark-parse; passage ids from the markers. */
function readBody(markdown: string): Block[] {
  const tree = unified().use(remarkParse).parse(splitArticleFile(markdown, 'article.md').body);
  const blocks: Block[] = [];
  let pendingId: string | undefined;
  for (const node of tree.children) {
    if (node.type === 'html') {
      pendingId = /^<!-- passage (\S+) -->$/.exec(node.value)?.[1];
      expect(pendingId, `unexpected HTML in the body: ${node.value}`).toBeDefined();
    } else if (node.type === 'paragraph') {
      expect(pendingId, `paragraph without a passage marker: ${toString(node)}`).toBeDefined();
      blocks.push({ type: 'paragraph', text: toString(node), id: pendingId });
      pendingId = undefined;
    } else if (node.type === 'heading') {
      expect(node.depth).toBe(2);
      expect(pendingId).toBeUndefined();
      blocks.push({ type: 'heading', text: toString(node) });
    } else {
      throw new Error(`unexpected ${node.type} node in the body`);
    }
  }
  return blocks;
}

const tokens = (text: string) => text.split(/\s+/).filter(Boolean);

let result: CorpusResult;
beforeAll(async () => {
  result = await normalizeCorpus({ sourcesDir, outDir: join(root, 'content/articles'), root, check: true });
});

describe('normalize: the five real articles', () => {
  it('should leave content/articles exactly as the sources and rules produce it (npm run normalize -- --check)', () => {
    expect(result.outOfDate).toEqual([]);
    expect(result.written).toBe(false);
    expect(result.articles.map((a) => a.slug)).toEqual(Object.keys(expectedRemovals));
  });

  for (const slug of Object.keys(expectedRemovals)) {
    describe(slug, () => {
      const article = () => result.articles.find((a) => a.slug === slug)!;
      const raw = () => readFileSync(join(sourcesDir, `${slug}.txt`), 'utf8').split('\n');

      it('should remove exactly the boilerplate lines, each by the expected rule', () => {
        const removed = Object.fromEntries(article().removed.map(({ line, rule }) => [line, rule]));
        expect(removed).toEqual(expectedRemovals[slug]);
      });

      it('should keep every other word of the raw text, in order', () => {
        const removedLines = new Set(article().removed.map((r) => r.line));
        const expected = raw().filter((_, i) => !removedLines.has(i + 1)).flatMap(tokens);
        const actual = readBody(article().markdown).flatMap((block) => tokens(block.text));
        expect(actual).toEqual(expected);
      });

      it('should read back (remark-parse) to exactly the whitespace-normalised source paragraphs', () => {
        const removedLines = new Set(article().removed.map((r) => r.line));
        const expected = raw()
          .filter((line, i) => !removedLines.has(i + 1) && line.trim() !== '')
          .map((line) => line.replace(/\s+/g, ' ').trim());
        expect(readBody(article().markdown).map((block) => block.text)).toEqual(expected);
      });

      it('should find the section headings, and only them', () => {
        const headings = readBody(article().markdown).filter((b) => b.type === 'heading').map((b) => b.text);
        expect(headings).toEqual(expectedHeadings[slug]);
        expect(article().headings).toEqual(expectedHeadings[slug]);
      });

      it('should leave no boilerplate in the body', () => {
        const body = readBody(article().markdown).map((b) => b.text).join('\n');
        for (const text of boilerplate) expect(body).not.toContain(text);
      });

      it('should write valid frontmatter with the computed fields and the generated-file comment', () => {
        const markdown = article().markdown;
        const { yaml } = splitArticleFile(markdown, 'article.md');
        expect(yaml.split('\n')[0]).toBe(
          `# Generated by \`npm run normalize\` from content/sources/${slug}.txt. Do not edit: edit the source or the rules, then re-run.`,
        );
        const frontmatter = articleFrontmatterSchema.parse(parseYaml(yaml));
        const passages = readBody(markdown).filter((b) => b.type === 'paragraph');
        const words = readBody(markdown).flatMap((b) => tokens(b.text)).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
        expect(frontmatter.slug).toBe(slug);
        expect(frontmatter.source).toBe(`content/sources/${slug}.txt`);
        expect(frontmatter.passageCount).toBe(passages.length);
        expect(frontmatter.wordCount).toBe(words);
        expect(frontmatter.readingMinutes).toBe(Math.max(1, Math.round(words / 230)));
        expect(frontmatter).not.toHaveProperty('file');
        // Dates stay strings for every YAML reader: written quoted.
        expect(yaml).toMatch(new RegExp(`\\n  value: "${frontmatter.published.value}"\\n`));
      });

      it('should give every passage a unique, well-formed id with the article prefix', () => {
        const ids = readBody(article().markdown).flatMap((b) => (b.id ? [b.id] : []));
        const prefix = article().markdown.match(/\nidPrefix: (\S+)\n/)![1];
        for (const id of ids) {
          expect(passageIdSchema.parse(id)).toBe(id);
          expect(id.startsWith(`${prefix}-`)).toBe(true);
        }
        expect(new Set(ids).size).toBe(ids.length);
      });
    });
  }

  it('should keep the typos of the original', () => {
    const io = result.articles.find((a) => a.slug === 'insideover-still-a-threat')!.markdown;
    expect(io).toContain('tge group');
    expect(io).toContain('onlie radicalization');
  });

  it('should show markdown characters literally ("bomb the s***")', () => {
    const cnn = readBody(result.articles.find((a) => a.slug === 'cnn-isis-2-0')!.markdown);
    expect(cnn.some((b) => b.text.includes('“bomb the s***” out of ISIS'))).toBe(true);
  });

  it('should turn the 59 no-break spaces of the Defense One copy into plain spaces', () => {
    const raw = readFileSync(join(sourcesDir, 'defenseone-after-mosul.txt'), 'utf8');
    expect(raw.match(/\u00a0/g)).toHaveLength(59);
    const body = splitArticleFile(result.articles.find((a) => a.slug === 'defenseone-after-mosul')!.markdown, 'article.md').body;
    expect(body).not.toMatch(/\u00a0| {2}/);
  });

  it('should read the one-paragraph-per-line BBC copy as separate paragraphs', () => {
    const bbc = readBody(result.articles.find((a) => a.slug === 'bbc-returning-fighters')!.markdown);
    expect(bbc[0]).toMatchObject({ type: 'paragraph', text: expect.stringMatching(/^As the self-declared Islamic State/) });
    expect(bbc.filter((b) => b.type === 'paragraph')).toHaveLength(52);
  });
});
