/**
 * A Markdown copy → blocks, read as GitHub renders it (GFM): `#` headings stay headings
 * (the first `#` is the headline), lists give one paragraph per item, table rows one
 * paragraph each (cells joined by " | "), emphasis, strikethrough and link syntax become
 * plain text. Footnote references stay in the text as `[1]` and each footnote is kept as
 * its own paragraph, labelled, at the end. Raw HTML keeps its visible text; pictures,
 * embeds, scripts, comments, link definitions and empty tags are left out and listed in
 * `dropped`, so nothing goes unseen. YAML frontmatter (title, author, date, description,
 * url, outlet/publisher) is read as the file's own metadata.
 */
import type { Element, ElementContent, Nodes as HtmlNodes } from 'hast';
import type { Nodes, Root, RootContent } from 'mdast';
import { rehype } from 'rehype';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { normalizeSpace } from '../text.ts';
import { parseDate } from './dates.ts';
import { declaredLanguage } from '../../../src/contract/language.ts';
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
  const lang = text('lang', 'language', 'locale');
  const language = lang && declaredLanguage(lang.value);
  if (lang && language) meta.language = { value: language, status: 'verified', from: from(lang.key) };
  const url = text('url', 'canonical', 'link');
  if (url && /^https?:\/\//.test(url.value)) meta.url = { value: url.value, status: 'verified', from: from(url.key) };
  return meta;
}

/** Raw HTML elements that never hold article text, and why they are left out. */
const HTML_LEFT_OUT: Record<string, string> = {
  script: 'script',
  noscript: 'script',
  template: 'script',
  style: 'style',
  img: 'picture',
  picture: 'picture',
  svg: 'picture',
  figure: 'figure or caption',
  iframe: 'embed',
  video: 'embed',
  audio: 'embed',
  embed: 'embed',
  object: 'embed',
  canvas: 'embed',
  form: 'form',
  button: 'form',
  input: 'form',
  select: 'form',
  textarea: 'form',
};

/** Raw HTML elements that end the paragraph before them and start their own. */
const HTML_BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

/** Parses raw HTML as a fragment (no <html>/<body> added around it). */
const htmlFragment = rehype().data('settings', { fragment: true });

const property = (el: Element, name: string) => (typeof el.properties[name] === 'string' ? normalizeSpace(el.properties[name]) : '');

/** All the text under a raw HTML node, words kept apart across element boundaries. */
function htmlText(node: HtmlNodes): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  return normalizeSpace(node.children.map((child) => ` ${htmlText(child)} `).join(''));
}

/**
 * A raw HTML block or tag → the blocks of its visible text (paragraphs, headings, table
 * rows), and what it holds that is not article text (comments, scripts, pictures, embeds).
 */
function htmlBlocks(html: string): { blocks: Block[]; dropped: Dropped[] } {
  const tree = htmlFragment.parse(html);
  const blocks: Block[] = [];
  const dropped: Dropped[] = [];
  let inline = '';
  const flush = (kind: Block['kind'] = 'paragraph') => {
    const text = normalizeSpace(inline);
    if (text) blocks.push({ kind, text });
    inline = '';
  };
  const walk = (children: ElementContent[]) => {
    for (const child of children) {
      if (child.type === 'text') inline += child.value;
      else if (child.type === 'comment') {
        if (child.value.trim()) dropped.push({ reason: 'HTML comment', text: normalizeSpace(child.value) });
      } else if (child.type === 'element') {
        const tag = child.tagName;
        const reason = HTML_LEFT_OUT[tag];
        if (reason) {
          const text = htmlText(child) || property(child, 'alt') || property(child, 'title') || property(child, 'src') || `<${tag}>`;
          dropped.push({ reason, text });
        } else if (tag === 'br') inline += ' ';
        else if (!HTML_BLOCKS.has(tag)) walk(child.children);
        else if (tag === 'tr') {
          flush();
          const cells = child.children.map((cell) => {
            walk([cell]);
            const text = normalizeSpace(inline);
            inline = '';
            return text;
          });
          inline = cells.filter(Boolean).join(' | ');
          flush();
        } else {
          flush();
          walk(child.children);
          flush(/^h[1-6]$/.test(tag) ? 'heading' : 'paragraph');
        }
      }
    }
  };
  walk(tree.children.filter((child) => child.type !== 'doctype'));
  flush();
  return { blocks, dropped };
}

export function extractMarkdown(source: string): Extracted {
  const match = FRONTMATTER.exec(source);
  const metadata = match ? frontmatterMetadata(match[1]!) : {};
  const body = match ? source.slice(match[0].length) : source;
  const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as Root;
  const blocks: Block[] = [];
  const footnotes: Block[] = [];
  const dropped: Dropped[] = [];
  let sawTitle = false;
  let struck = 0;
  let footnoteCount = 0;

  /** Inline content as a reader sees it; pictures are collected (their alt is not article text). */
  const inlineText = (node: Nodes, pictures: string[]): string => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return node.value;
      case 'break':
        return ' ';
      case 'image':
      case 'imageReference':
        pictures.push(normalizeSpace(node.alt ?? '') || '(image)');
        return '';
      case 'footnoteReference':
        return `[${node.label ?? node.identifier}]`;
      case 'html': {
        // A tag inside a paragraph (<b>, <br>, <!-- … -->, <img>): its text stays, the tag goes.
        if (/^<br\b/i.test(node.value)) return ' ';
        const html = htmlBlocks(node.value);
        for (const item of html.dropped) dropped.push(item);
        return html.blocks.map((block) => block.text).join(' ');
      }
      case 'delete':
        struck += 1;
        return node.children.map((child) => inlineText(child, pictures)).join('');
      default:
        return 'children' in node ? node.children.map((child) => inlineText(child, pictures)).join('') : '';
    }
  };
  const textOf = (node: Nodes) => {
    const pictures: string[] = [];
    const text = normalizeSpace(inlineText(node, pictures));
    if (text || !pictures.length) for (const picture of pictures) dropped.push({ reason: 'picture', text: picture });
    else dropped.push({ reason: 'picture', text: pictures.join(' ') }); // a paragraph that is only a picture
    return text;
  };

  const visit = (node: RootContent, out: Block[]) => {
    switch (node.type) {
      case 'heading': {
        const text = textOf(node);
        if (!text) return;
        if (node.depth === 1 && !sawTitle) {
          sawTitle = true;
          metadata.headline ??= { value: text, status: 'verified', from: 'the first # heading' };
        }
        out.push({ kind: 'heading', text });
        return;
      }
      case 'paragraph': {
        const text = textOf(node);
        if (text) out.push({ kind: 'paragraph', text });
        return;
      }
      case 'list':
        for (const item of node.children) for (const child of item.children) visit(child, out);
        return;
      case 'blockquote':
        for (const child of node.children) visit(child, out);
        return;
      case 'code': {
        const text = normalizeSpace(node.value);
        if (text) out.push({ kind: 'paragraph', text });
        return;
      }
      case 'table':
        for (const row of node.children) {
          const text = row.children.map(textOf).filter(Boolean).join(' | ');
          if (text) out.push({ kind: 'paragraph', text });
        }
        return;
      case 'footnoteDefinition': {
        // Kept at the end, in the order written, each labelled as its reference reads: "[1] …".
        const label = `[${node.label ?? node.identifier}]`;
        footnoteCount += 1;
        const note: Block[] = [];
        for (const child of node.children) visit(child, note);
        if (!note.length) dropped.push({ reason: 'empty footnote', text: label });
        else if (note[0]!.kind === 'paragraph') note[0]!.text = `${label} ${note[0]!.text}`;
        else note.unshift({ kind: 'paragraph', text: label });
        for (const block of note) footnotes.push(block);
        return;
      }
      case 'definition':
        // `[label]: url` is where a link points, not text of the article.
        dropped.push({ reason: 'link definition', text: `[${node.label ?? node.identifier}]: ${node.url}${node.title ? ` "${node.title}"` : ''}` });
        return;
      case 'html': {
        const html = htmlBlocks(node.value);
        // one at a time: a spread of an unbounded array can overflow the stack
        for (const block of html.blocks) out.push(block);
        for (const item of html.dropped) dropped.push(item);
        if (!html.blocks.length && !html.dropped.length && node.value.trim()) dropped.push({ reason: 'raw HTML', text: normalizeSpace(node.value) });
        return;
      }
      default:
        return; // thematic breaks: no text
    }
  };
  for (const node of tree.children) visit(node, blocks);
  for (const block of footnotes) blocks.push(block);
  const notes = match ? ['read the YAML frontmatter'] : [];
  if (footnoteCount) notes.push(`${footnoteCount} footnote${footnoteCount === 1 ? '' : 's'} kept at the end`);
  if (struck) notes.push(`${struck} struck-through passage${struck === 1 ? '' : 's'} kept as plain text`);
  return { blocks, metadata, dropped, notes };
}
