/**
 * A Markdown copy → blocks: `#` headings stay headings (the first `#` is the headline),
 * lists give one paragraph per item, emphasis and link syntax become plain text, and a
 * paragraph that is only a picture is dropped as one. YAML frontmatter (title, author,
 * date, description, url, outlet/publisher) is read as the file's own metadata.
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { normalizeSpace } from '../text.ts';
import { parseDate } from './dates.ts';
import type { Block, Dropped, Extracted, SourceMetadata } from './types.ts';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

function frontmatterMetadata(yamlText: string): SourceMetadata {
  let data: Record<string, unknown>;
  try {
    const parsed = parseYaml(yamlText);
    data = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
  const text = (...keys: string[]) => {
    for (const key of keys) if (typeof data[key] === 'string' && (data[key] as string).trim()) return { key, value: normalizeSpace(data[key] as string) };
    return null;
  };
  const meta: SourceMetadata = {};
  const from = (key: string) => `frontmatter ${key}:`;
  const title = text('title', 'headline');
  if (title) meta.headline = { value: title.value, status: 'verified', from: from(title.key) };
  const description = text('description', 'subtitle', 'standfirst', 'summary');
  if (description) meta.standfirst = { value: description.value, status: 'verified', from: from(description.key) };
  const authors = data.authors ?? data.author;
  const names = (Array.isArray(authors) ? authors : authors ? [authors] : []).filter((a): a is string => typeof a === 'string').map(normalizeSpace);
  if (names.length) meta.authors = { value: names, status: 'verified', from: from(data.authors ? 'authors' : 'author') };
  const rawDate = data.date ?? data.published;
  const dateText = rawDate instanceof Date ? rawDate.toISOString().slice(0, 10) : typeof rawDate === 'string' ? rawDate : null;
  const date = dateText ? parseDate(dateText) : null;
  if (date && 'value' in date) meta.published = { value: date.value, status: 'verified', from: from(data.date ? 'date' : 'published') };
  const outlet = text('outlet', 'publisher', 'site', 'source');
  if (outlet) meta.outlet = { value: outlet.value, status: 'verified', from: from(outlet.key) };
  const url = text('url', 'canonical', 'link');
  if (url && /^https?:\/\//.test(url.value)) meta.url = { value: url.value, status: 'verified', from: from(url.key) };
  return meta;
}

export function extractMarkdown(source: string): Extracted {
  const match = FRONTMATTER.exec(source);
  const metadata = match ? frontmatterMetadata(match[1]!) : {};
  const body = match ? source.slice(match[0].length) : source;
  const tree = unified().use(remarkParse).parse(body) as Root;
  const blocks: Block[] = [];
  const dropped: Dropped[] = [];
  let sawTitle = false;

  const visit = (node: RootContent) => {
    switch (node.type) {
      case 'heading': {
        const text = normalizeSpace(toString(node));
        if (!text) return;
        if (node.depth === 1 && !sawTitle) {
          sawTitle = true;
          metadata.headline ??= { value: text, status: 'verified', from: 'the first # heading' };
        }
        blocks.push({ kind: 'heading', text });
        return;
      }
      case 'paragraph': {
        const onlyPictures = node.children.every((child) => child.type === 'image' || child.type === 'imageReference' || (child.type === 'text' && !child.value.trim()) || child.type === 'break');
        if (onlyPictures) {
          dropped.push({ reason: 'picture', text: normalizeSpace(toString(node)) || '(image)' });
          return;
        }
        const text = normalizeSpace(toString(node, { includeImageAlt: false }));
        if (text) blocks.push({ kind: 'paragraph', text });
        return;
      }
      case 'list':
        for (const item of node.children) for (const child of item.children) visit(child);
        return;
      case 'blockquote':
        for (const child of node.children) visit(child);
        return;
      case 'code': {
        const text = normalizeSpace(node.value);
        if (text) blocks.push({ kind: 'paragraph', text });
        return;
      }
      case 'table':
        for (const row of node.children) {
          const text = row.children.map((cell) => normalizeSpace(toString(cell))).filter(Boolean).join(' | ');
          if (text) blocks.push({ kind: 'paragraph', text });
        }
        return;
      case 'html':
        if (node.value.trim()) dropped.push({ reason: 'raw HTML', text: normalizeSpace(node.value) });
        return;
      default:
        return; // thematic breaks, definitions: no text
    }
  };
  for (const node of tree.children) visit(node);
  return { blocks, metadata, dropped, notes: match ? ['read the YAML frontmatter'] : [] };
}
