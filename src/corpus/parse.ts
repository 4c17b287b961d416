/**
 * The one reader of a normalised article file (content/articles/*.md; see the README's
 * "Article format"): frontmatter, then passages and headings. The build, the normaliser's
 * id memory, the analysis scripts and the tests all read articles through it.
 * Pure: no Astro, no file system.
 */
import type { Heading, Html, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { z } from 'zod';
import { MalformedPassageMarker, readPassageMarker } from '../contract/passage-id';
import { InputError } from './input-error';
import { articleFrontmatterSchema, type ArticleFrontmatter } from './schema';
import { slugify } from './slug';
import { parseYamlWithSchema } from './yaml';

export interface Section {
  id: string;
  title: string;
}

export interface ParsedPassage {
  id: string;
  /** 0-based position of the passage in its article. */
  order: number;
  section: Section | null;
  /** The passage's plain text (markdown escapes resolved). */
  text: string;
}

export interface ParsedBody {
  passages: ParsedPassage[];
  headings: Section[];
}

export interface ParsedArticle extends ParsedBody {
  meta: ArticleFrontmatter;
}

/** What to do about a broken article file, by default (the build's view: the normaliser writes these files). */
const REGENERATE = 're-run `npm run normalize`';
const parser = unified().use(remarkParse);
const advise = (problem: string, advice: string) => (advice ? `${problem}; ${advice}` : problem);

/** `---\n<yaml>---\n<body>` split in two; `bodyLine` is the body's first line in the file. */
export function splitArticleFile(text: string, file: string, advice = REGENERATE): { yaml: string; body: string; bodyLine: number } {
  const match = /^---\n([\s\S]*?\n)?---(?:\n|$)/.exec(text);
  if (!match) throw new InputError(`${file}:1`, advise(`no frontmatter block (--- … ---) at the top`, advice));
  return { yaml: match[1] ?? '', body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

/** The whole article: validated frontmatter, passages and headings. */
export function parseArticleFile(text: string, file: string): ParsedArticle {
  return parseArticleFileWith(text, file, articleFrontmatterSchema);
}

/** The same, validating the frontmatter with another schema (the normaliser's memory needs only part of it). */
export function parseArticleFileWith<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  advice = REGENERATE,
): ParsedBody & { meta: z.infer<S> } {
  const { yaml, body, bodyLine } = splitArticleFile(text, file, advice);
  // A leading newline stands for the opening `---`, so YAML errors give the file's own line numbers.
  const meta = parseYamlWithSchema(`\n${yaml}`, schema, file, advice && `${advice[0]!.toUpperCase()}${advice.slice(1)}.`);
  return { meta, ...parseArticleBody(body, file, bodyLine, advice) };
}

/**
 * Passages and headings of an article's body. `file` and `firstLine` (the body's first line in
 * the file) only serve error messages.
 */
export function parseArticleBody(markdown: string, file: string, firstLine = 1, advice = REGENERATE): ParsedBody {
  const tree = parser.parse(markdown) as Root;
  const passages: ParsedPassage[] = [];
  const headings: Section[] = [];
  const usedSectionIds = new Map<string, number>();
  const where = (node: { position?: { start: { line: number } } }) => `${file}:${(node.position?.start.line ?? 1) + firstLine - 1}`;
  let section: Section | null = null;
  let pending: { id: string; node: Html } | null = null;

  for (const node of tree.children) {
    if (pending && node.type !== 'paragraph') {
      throw new InputError(where(pending.node), advise(`the marker for passage ${pending.id} is not followed by its paragraph`, advice));
    }
    if (node.type === 'html') {
      const id = passageMark(node, where, advice);
      if (id) pending = { id, node };
    } else if (node.type === 'heading') {
      section = { id: uniqueSlug(headingText(node), usedSectionIds), title: headingText(node) };
      headings.push(section);
    } else if (node.type === 'paragraph') {
      if (!pending) throw new InputError(where(node), advise(`paragraph without a passage id`, advice));
      passages.push({ id: pending.id, order: passages.length, section, text: toString(node) });
      pending = null;
    }
  }
  if (pending) throw new InputError(where(pending.node), advise(`the marker for passage ${pending.id} is not followed by its paragraph`, advice));
  return { passages, headings };
}

function passageMark(node: Html, where: (node: Html) => string, advice: string): string | null {
  try {
    return readPassageMarker(node.value);
  } catch (error) {
    if (error instanceof MalformedPassageMarker) throw new InputError(where(node), advise(`${error.message}`, advice));
    throw error;
  }
}

function headingText(node: Heading): string {
  return toString(node).trim();
}

/** `used` maps each slug given to the next suffix to try for it, so a heading repeated n times costs n, not n². */
function uniqueSlug(text: string, used: Map<string, number>): string {
  const base = slugify(text) || 'section';
  let slug = base;
  for (let n = used.get(base) ?? 1; used.has(slug); n++) {
    slug = `${base}-${n}`;
    used.set(base, n + 1);
  }
  used.set(slug, 1);
  return slug;
}
