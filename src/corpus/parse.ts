/**
 * Reads a normalised article body (see the README's "Article format") into
 * passages and headings. Pure: no Astro, no file system.
 */
import type { Heading, Html, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { passageIdSchema } from './schema';
import { slugify } from './slug';

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

const PASSAGE_MARK = /^<!--\s*passage\s+(\S+)\s*-->$/;

const parser = unified().use(remarkParse);

/** `file` only names the article in error messages. */
export function parseArticleBody(markdown: string, file: string): ParsedBody {
  const tree = parser.parse(markdown) as Root;
  const passages: ParsedPassage[] = [];
  const headings: Section[] = [];
  const usedSectionIds = new Set<string>();
  let section: Section | null = null;
  let pendingId: string | null = null;

  for (const node of tree.children) {
    if (node.type === 'html') {
      const id = passageMark(node, file);
      if (id) pendingId = id;
    } else if (node.type === 'heading') {
      section = { id: uniqueSlug(headingText(node), usedSectionIds), title: headingText(node) };
      headings.push(section);
    } else if (node.type === 'paragraph') {
      if (!pendingId) {
        throw new Error(`${file}:${node.position?.start.line ?? '?'}: paragraph without a passage id — re-run \`npm run normalize\``);
      }
      passages.push({ id: pendingId, order: passages.length, section, text: toString(node) });
      pendingId = null;
    }
  }
  return { passages, headings };
}

function passageMark(node: Html, file: string): string | null {
  const match = PASSAGE_MARK.exec(node.value.trim());
  if (!match) return null;
  const id = match[1]!;
  if (!passageIdSchema.safeParse(id).success) {
    throw new Error(`${file}:${node.position?.start.line ?? '?'}: "${id}" is not a valid passage id`);
  }
  return id;
}

function headingText(node: Heading): string {
  return toString(node).trim();
}

function uniqueSlug(text: string, used: Set<string>): string {
  const base = slugify(text) || 'section';
  let slug = base;
  for (let n = 1; used.has(slug); n++) slug = `${base}-${n}`;
  used.add(slug);
  return slug;
}
