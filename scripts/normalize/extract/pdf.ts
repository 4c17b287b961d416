/**
 * A PDF report → paragraphs and headings. The text comes from PDF.js (through unpdf)
 * as positioned pieces; this module rebuilds lines, drops running headers and footers
 * (the same line at the top or bottom of most pages, page numbers ignored) and page
 * numbers, joins lines into paragraphs (a new paragraph at a wider gap, a short last line
 * or a change of type size), rejoins words split by an end-of-line hyphen, and takes
 * lines set larger than the body text for headings.
 */
import { extractTextItems, getDocumentProxy, getMeta, type StructuredTextItem } from 'unpdf';
import { NormalizeError } from '../errors.ts';
import { normalizeSpace } from '../text.ts';
import type { Block, Dropped, Extracted, SourceMetadata } from './types.ts';

interface Line {
  text: string;
  page: number;
  y: number;
  left: number;
  right: number;
  size: number;
}

/** The value a fraction `q` of the way up the sorted values (0.5: the median); 0 for none. */
const quantile = (values: number[], q: number) => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
};
const median = (values: number[]) => quantile(values, 0.5);

/** Pieces of one page → lines, top to bottom. */
function linesOf(items: StructuredTextItem[], page: number): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    if (!item.str && !item.hasEOL) continue;
    const size = item.fontSize || item.height || 10;
    // A superscript (a footnote mark): smaller type raised a little above the line it belongs to.
    const raised = Boolean(current && item.str.trim() && current.size && size < current.size * 0.85 && item.y > current.y && item.y - current.y <= current.size * 0.6);
    if (current && raised) {
      const mark = item.str.trim();
      // after a full stop or a space a number is a note's mark, written as the web pages' are: "[1]"
      current.text += /^\d{1,3}$/.test(mark) && /[\s.,;:!?)”’"]$/u.test(current.text) ? `[${mark}]` : mark;
      current.right = Math.max(current.right, item.x + item.width);
      continue;
    }
    if (current && Math.abs(item.y - current.y) > size * 0.5) {
      lines.push(current);
      current = null;
    }
    if (!current) current = { text: '', page, y: item.y, left: item.x, right: item.x, size: 0 };
    if (item.str) {
      const gap = item.x - current.right;
      if (current.text && !/\s$/.test(current.text) && !/^\s/.test(item.str) && gap > size * 0.15) current.text += ' ';
      current.text += item.str;
      current.right = Math.max(current.right, item.x + item.width);
      current.left = Math.min(current.left, item.x);
      if (item.str.trim()) current.size = Math.max(current.size, size);
    }
    if (item.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines
    .map((line) => ({ ...line, text: normalizeSpace(line.text) }))
    .filter((line) => line.text)
    .sort((a, b) => b.y - a.y);
}

const PAGE_NUMBER = /^(?:(?:page|p\.)\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const shape = (text: string) => text.toLowerCase().replace(/\d+/g, '#');

/** Drops running headers/footers and page numbers; returns the lines that are left. */
function dropPageFurniture(pages: Line[][], dropped: Dropped[]): Line[][] {
  const edges = (lines: Line[]) => [...lines.slice(0, 2), ...lines.slice(-2)];
  const counts = new Map<string, number>();
  for (const lines of pages) for (const s of new Set(edges(lines).map((l) => shape(l.text)))) counts.set(s, (counts.get(s) ?? 0) + 1);
  const running = (line: Line) => pages.length >= 2 && (counts.get(shape(line.text)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((lines) => {
    const edge = new Set(edges(lines));
    return lines.filter((line) => {
      if (!edge.has(line)) return true;
      if (PAGE_NUMBER.test(line.text)) {
        dropped.push({ reason: 'page number', text: line.text });
        return false;
      }
      if (running(line)) {
        dropped.push({ reason: 'running header or footer', text: line.text });
        return false;
      }
      return true;
    });
  });
}

/** Joins two lines of one paragraph: "terror-" + "ism" → "terrorism"; "al-" + "Qaeda" keeps its hyphen. */
export function joinLines(before: string, after: string): string {
  if (/\p{L}[-\u00ad\u2010]$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
  if (/\p{L}[-\u2010]$/u.test(before)) return before + after;
  return `${before} ${after}`;
}

/** A list item's first line: a bullet or a number, then text. Each item is a paragraph of its own. */
const LIST_ITEM = /^(?:[•▪◦●■–-]|\d{1,2}[.)]|\([a-z\d]\))\s+\S/u;

export function paragraphsOf(pages: Line[][]): Block[] {
  const all = pages.flat();
  const bodySize = median(all.flatMap((l) => Array(Math.max(1, Math.round(l.text.length / 10))).fill(l.size) as number[]));
  // Measured on body-size lines only, and not by the median: in a report with many short lines
  // (list items, table rows, headings) the median gap and width say little about a paragraph.
  const isBody = (line: Line) => Math.abs(line.size - bodySize) < bodySize * 0.1;
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) if (isBody(lines[i - 1]!) && isBody(lines[i]!)) gaps.push(lines[i - 1]!.y - lines[i]!.y);
  }
  // the spacing inside a paragraph: the tighter gaps (a paragraph's break is wider)
  const leading = quantile(gaps.filter((g) => g > 0), 0.25) || bodySize * 1.2;
  // a full line: as wide as the longer body lines run
  const fullWidth = quantile(all.filter(isBody).map((l) => l.right), 0.9) || 1;
  // the text's left margin: a line set in from it after a sentence's end starts a paragraph (a first-line
  // indent) or a list item
  const margin = median(all.filter(isBody).map((l) => l.left));
  const isHeading = (line: Line) => line.size >= bodySize * 1.15 && line.text.split(' ').length <= 20;

  const blocks: Block[] = [];
  let current: { kind: Block['kind']; text: string; last: Line } | null = null;
  const close = () => {
    if (current) blocks.push({ kind: current.kind, text: current.text });
    current = null;
  };
  for (const line of all) {
    const kind: Block['kind'] = isHeading(line) ? 'heading' : 'paragraph';
    if (current) {
      const prev: Line = current.last;
      const samePage = prev.page === line.page;
      const gap = samePage ? prev.y - line.y : leading;
      // a sentence's end, perhaps with a footnote mark after it ("herders.1", "herders.¹")
      const endsSentence = /[.!?:;"”’)](?:\d{1,3}|\[\d{1,3}\]|[¹²³⁰-⁹]{1,3})?$/u.test(prev.text);
      const shortLast = prev.right < fullWidth * 0.85 && endsSentence;
      const breaks =
        kind !== current.kind ||
        // a heading's lines are spaced for its own size; another size is another heading
        (kind === 'heading' && (gap > prev.size * 1.8 || Math.abs(prev.size - line.size) > prev.size * 0.05)) ||
        (kind === 'paragraph' &&
          (gap > leading * 1.4 ||
            shortLast ||
            LIST_ITEM.test(line.text) ||
            (endsSentence && line.left > margin + bodySize) ||
            Math.abs(prev.size - line.size) > prev.size * 0.1 || // notes in smaller type
            (!samePage && endsSentence && prev.right < fullWidth * 0.95)));
      if (breaks) close();
    }
    if (!current) current = { kind, text: line.text, last: line };
    else {
      current.text = joinLines(current.text, line.text);
      current.last = line;
    }
  }
  close();
  return blocks;
}

/** "D:20210305120000Z" → "2021-03-05" */
function pdfDate(value: unknown): string | null {
  const m = typeof value === 'string' ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value) : null;
  if (!m) return null;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}

export async function extractPdf(bytes: Uint8Array, where: string): Promise<Extracted> {
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch (error) {
    throw new NormalizeError(where, `cannot be read as a PDF (${(error as Error).message}). Save it again from the original, or add a text copy instead.`);
  }
  const { items } = await extractTextItems(pdf);
  const dropped: Dropped[] = [];
  const rawPages = items.map((pageItems, i) => linesOf(pageItems, i + 1));
  const characters = rawPages.flat().reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0);
  if (characters === 0) {
    throw new NormalizeError(
      where,
      `has no text layer: its ${items.length} page${items.length === 1 ? ' is' : 's are'} only pictures (a scanned document?). Run it through OCR first, or add a text copy of the article.`,
    );
  }
  const pages = dropPageFurniture(rawPages, dropped);
  const blocks = paragraphsOf(pages);

  const metadata: SourceMetadata = {};
  const { info } = await getMeta(pdf).catch(() => ({ info: {} as Record<string, unknown> }));
  const title = typeof info.Title === 'string' ? normalizeSpace(info.Title) : '';
  const firstHeading = blocks.find((b) => b.kind === 'heading');
  if (title && firstHeading && normalizeSpace(firstHeading.text).toLowerCase() === title.toLowerCase()) {
    metadata.headline = { value: firstHeading.text, status: 'verified', from: 'the PDF title, printed on the first page' };
  } else if (firstHeading && blocks.indexOf(firstHeading) === 0) {
    metadata.headline = { value: firstHeading.text, status: 'inferred', from: 'the largest text at the top of the first page' };
  } else if (title && !/\.(docx?|indd|pdf)$|^untitled|^microsoft/i.test(title)) {
    metadata.headline = { value: title, status: 'inferred', from: 'the PDF document properties (Title)' };
  }
  const author = typeof info.Author === 'string' ? normalizeSpace(info.Author) : '';
  if (author) metadata.authors = { value: author.split(/\s*(?:;|,| and | & )\s*/).filter(Boolean), status: 'inferred', from: 'the PDF document properties (Author)' };
  const created = pdfDate(info.CreationDate);
  if (created) metadata.published = { value: created, status: 'inferred', from: 'the PDF document properties (CreationDate): when the file was made' };
  const pageCount = items.length;
  const notes = [`${pageCount} page${pageCount === 1 ? '' : 's'}, ${blocks.length} blocks`];
  const furniture = dropped.length;
  if (furniture) notes.push(`${furniture} running header/footer or page-number line${furniture === 1 ? '' : 's'} dropped`);
  return { blocks, metadata, dropped, notes };
}
