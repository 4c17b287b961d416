/**
 * Importing an annotation file: size and structure checks, each annotation
 * checked against the W3C model and brought to Dossier's shape (./normalize),
 * and a merge plan against what is stored
 * (same id → the newer `modified` wins). Nothing here writes: the caller
 * applies the plan in one transaction, so a refused file changes nothing.
 */
import { IMPORT_BYTES, isNewer, LIMITS, noteOf, tagsOf, type Annotation } from './model';
import { normalizeAnnotation } from './normalize';
import { annotationCollectionSchema, describeIssue } from './schema';
import { MARKDOWN_RECORDS_CLOSE, MARKDOWN_RECORDS_OPEN } from './export';

export interface Refusal {
  /** 1-based position in the file (0: refused after reading, e.g. for its article). */
  item: number;
  id?: string;
  reason: string;
}

export type ImportResult =
  | {
      ok: true;
      annotations: Annotation[];
      refused: Refusal[];
      notices: string[];
      /** Each annotation's 1-based position in the file (its last, when an id comes twice), for refusals made after reading. */
      positions: ReadonlyMap<string, number>;
    }
  | { ok: false; error: string };

/** Keys that could reach an object's prototype when merged; a file holding one is refused. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 16;

/** Reads and validates an import file's text. `bytes` is the file's size, checked before parsing. */
export function parseAnnotationFile(text: string, bytes = new TextEncoder().encode(text).length): ImportResult {
  if (bytes > IMPORT_BYTES) {
    return { ok: false, error: `The file is ${formatBytes(bytes)}; files over ${formatBytes(IMPORT_BYTES)} are refused. Nothing was imported.` };
  }
  const refused: Refusal[] = [];
  let items: ReturnType<typeof itemsOf>;
  const markdown = markdownRecords(text);
  if (markdown) {
    if (!markdown.ok) return markdown;
    items = markdown;
    refused.push(...markdown.broken);
  } else {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { ok: false, error: `${whyNotJson(text, (error as Error).message)} Nothing was imported.` };
    }
    // anywhere in the file, the collection's own keys too
    const unsafe = findForbiddenKey(data, 0);
    if (unsafe) return { ok: false, error: `${unsafe} Nothing was imported.` };
    items = itemsOf(data);
  }
  if (!items.ok) return items;
  if (items.items.length === 0) return { ok: false, error: 'The file holds no annotations. Nothing was imported.' };
  if (markdown) {
    for (const item of items.items) {
      const unsafe = findForbiddenKey(item, 0);
      if (unsafe) return { ok: false, error: `${unsafe} Nothing was imported.` };
    }
  }

  const byId = new Map<string, Annotation>();
  const positions = new Map<string, number>();
  items.items.forEach((item, index) => {
    if (item === BROKEN) return;
    const parsed = normalizeAnnotation(item);
    if (!parsed.ok) {
      const id = typeof (item as { id?: unknown })?.id === 'string' ? String((item as { id: string }).id).slice(0, 80) : undefined;
      refused.push({ item: index + 1, ...(id ? { id } : {}), reason: parsed.reason });
      return;
    }
    const seen = byId.get(parsed.annotation.id);
    if (!seen || isNewer(parsed.annotation, seen)) {
      byId.set(parsed.annotation.id, parsed.annotation);
      positions.set(parsed.annotation.id, index + 1);
    }
  });

  const annotations = [...byId.values()];
  const notices: string[] = [];
  const markup = annotations.filter((a) => [noteOf(a), ...tagsOf(a)].some((t) => /<\s*[a-z!/?]/i.test(t))).length;
  if (markup) {
    notices.push(`${markup} ${markup === 1 ? 'note contains' : 'notes contain'} HTML markup; it is kept as plain text and never run.`);
  }
  return { ok: true, annotations, refused, notices, positions };
}

/** Stands for a record line of a Markdown export that is not JSON (refused, keeping its place in the count). */
const BROKEN = Symbol('broken record');

/**
 * The annotations a Markdown export carries in the records block at its end (src/annotations/
 * export.ts), one JSON text a line; null when the text has no such block (it is then read as
 * JSON). A line that is not JSON is refused with its line number, the rest imported; a block
 * cut short (no closing line) refuses the file.
 */
function markdownRecords(text: string): { ok: true; items: unknown[]; broken: Refusal[] } | { ok: false; error: string } | null {
  // a JSON file (up to IMPORT_BYTES) is not cut into lines for nothing
  if (!text.includes(MARKDOWN_RECORDS_OPEN)) return null;
  const lines = text.split(/\r?\n/);
  const open = lines.findIndex((line) => line.trimEnd() === MARKDOWN_RECORDS_OPEN);
  if (open === -1) return null;
  const close = lines.findIndex((line, i) => i > open && line.trim() === MARKDOWN_RECORDS_CLOSE);
  if (close === -1) {
    return { ok: false, error: 'The Markdown export’s annotation records end before their closing line: the file may have been cut short. Nothing was imported.' };
  }
  const items: unknown[] = [];
  const broken: Refusal[] = [];
  for (let i = open + 1; i < close; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    try {
      items.push(JSON.parse(line));
    } catch {
      items.push(BROKEN);
      broken.push({ item: items.length, reason: `line ${i + 1} of the file is not a whole annotation record (it may have been edited)` });
    }
  }
  if (items.length > LIMITS.annotations) {
    return { ok: false, error: `The file holds ${items.length} annotations; at most ${LIMITS.annotations} can be imported at once.` };
  }
  return { ok: true, items, broken };
}

function itemsOf(data: unknown): { ok: true; items: unknown[] } | { ok: false; error: string } {
  if (Array.isArray(data)) {
    return data.length > LIMITS.annotations
      ? { ok: false, error: `The file holds ${data.length} annotations; at most ${LIMITS.annotations} can be imported at once.` }
      : { ok: true, items: data };
  }
  const type = (data as { type?: unknown } | null)?.type;
  if (type === 'Annotation') return { ok: true, items: [data] };
  if (type === 'AnnotationCollection') {
    const parsed = annotationCollectionSchema.safeParse(data);
    if (!parsed.success) return { ok: false, error: `The annotation collection is malformed: ${describeIssue(parsed.error, data)}. Nothing was imported.` };
    return { ok: true, items: parsed.data.first.items };
  }
  if (Array.isArray(type) && type.includes('Annotation')) return { ok: true, items: [data] };
  if (Array.isArray(type) && type.includes('AnnotationCollection')) {
    const parsed = annotationCollectionSchema.safeParse(data);
    if (!parsed.success) return { ok: false, error: `The annotation collection is malformed: ${describeIssue(parsed.error, data)}. Nothing was imported.` };
    return { ok: true, items: parsed.data.first.items };
  }
  return {
    ok: false,
    error: 'This is not an annotation file: expected a W3C AnnotationCollection (as exported by the notebook) or a list of annotations. Nothing was imported.',
  };
}

/** What the reader can import instead of a file that is not JSON. */
const WHAT_TO_IMPORT =
  'Import a file made by the notebook’s “Export (W3C JSON-LD)” or “Export as Markdown”, or W3C Web Annotation JSON from another tool.';

/** Kinds of file a reader may pick by mistake, told by how they start. */
const NOT_JSON: [RegExp, string][] = [
  [/^\uFFFDPNG/, 'a PNG image'],
  [/^GIF8[79]a/, 'a GIF image'],
  [/^\uFFFD{2,}/, 'a JPEG image or other binary file'],
  [/^RIFF[^]{4}WEBP/, 'a WebP image'],
  [/^%PDF-/, 'a PDF document'],
  [/^PK\u0003\u0004/, 'a ZIP archive (or a Word, Excel or OpenDocument file)'],
  [/^# Dossier annotations\b/, 'Markdown without the annotation records a Markdown export ends with (an export made before they were added, or with them cut off)'],
  [/^\s*<(!doctype html|html)\b/i, 'an HTML page'],
  [/^\s*<\?xml\b/, 'an XML file'],
];

/**
 * Why a text JSON.parse refused is not an annotation file, in the reader's words (the parser's
 * own message quotes the file's first bytes, which for an image are noise). A file that starts
 * like JSON is broken JSON (cut short, edited by hand): say where.
 */
function whyNotJson(text: string, parserMessage: string): string {
  const notExport = 'This file is not a Dossier or W3C Web Annotation export';
  const head = text.replace(/^\uFEFF/, '');
  if (head.trim() === '') return `${notExport}: it is empty. ${WHAT_TO_IMPORT}`;
  const kind = NOT_JSON.find(([pattern]) => pattern.test(head))?.[1];
  if (kind) return `${notExport}: it is not JSON but ${kind}. ${WHAT_TO_IMPORT}`;
  // U+FFFD: bytes that are not UTF-8 text; NUL: binary.
  if (/[\uFFFD\u0000]/.test(head.slice(0, 1024))) return `${notExport}: it is not JSON, nor text of any kind. ${WHAT_TO_IMPORT}`;
  const start = head.trimStart()[0];
  if (start !== '{' && start !== '[') return `${notExport}: it is not JSON (it starts “${head.trimStart().slice(0, 20).replace(/\s+/g, ' ')}…”). ${WHAT_TO_IMPORT}`;
  const position = /position (\d+)/i.exec(parserMessage);
  // The parser stumbles at the very end of a file cut short ("Expected … at position <length>").
  if (/end of (JSON input|data)/i.test(parserMessage) || (position && Number(position[1]) >= text.trimEnd().length)) {
    return 'The file is not valid JSON: it ends before its data is complete, so it may have been cut short.';
  }
  const where = whereInText(head, parserMessage);
  return `The file is not valid JSON: ${where ? `it has an error at ${where}` : 'it has an error'}; it may have been edited by hand or damaged.`;
}

/** "line 3, column 14" from a parser message that gives a line and column or a position, if it does. */
function whereInText(text: string, parserMessage: string): string | null {
  const lineColumn = /line (\d+),? column (\d+)/i.exec(parserMessage);
  if (lineColumn) return `line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = /position (\d+)/i.exec(parserMessage);
  if (!position) return null;
  const before = text.slice(0, Number(position[1]));
  return `line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}`;
}

function findForbiddenKey(value: unknown, depth: number): string | null {
  if (depth > MAX_DEPTH) return 'The file is nested too deeply to be an annotation file.';
  if (value === null || typeof value !== 'object') return null;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return `The file contains a "${key}" key, which could tamper with the page; it was refused.`;
    const found = findForbiddenKey((value as Record<string, unknown>)[key], depth + 1);
    if (found) return found;
  }
  return null;
}

export interface MergePlan {
  /** Records to write (new ones, and newer versions of stored ones). */
  toWrite: Annotation[];
  added: number;
  updated: number;
  /** Already stored, same or newer. */
  unchanged: number;
}

export function planMerge(stored: readonly Annotation[], incoming: readonly Annotation[]): MergePlan {
  const byId = new Map(stored.map((a) => [a.id, a]));
  const plan: MergePlan = { toWrite: [], added: 0, updated: 0, unchanged: 0 };
  for (const a of incoming) {
    const existing = byId.get(a.id);
    if (!existing) {
      plan.toWrite.push(a);
      plan.added++;
    } else if (isNewer(a, existing)) {
      plan.toWrite.push(a);
      plan.updated++;
    } else plan.unchanged++;
  }
  return plan;
}

/** "3 annotations imported (2 new, 1 updated), 1 already here, 1 refused: item 4: target.source: …" */
export function describeImport(plan: MergePlan, refused: readonly Refusal[], notices: readonly string[] = []): string {
  const n = plan.added + plan.updated;
  const parts = [`${n} ${n === 1 ? 'annotation' : 'annotations'} imported (${plan.added} new, ${plan.updated} updated)`];
  if (plan.unchanged) parts.push(`${plan.unchanged} already here`);
  if (refused.length) {
    const shown = refused.slice(0, 3).map((r) => `${r.item ? `item ${r.item}` : 'an item'}${r.id ? ` (${r.id})` : ''}: ${r.reason}`);
    const more = refused.length > 3 ? `; and ${refused.length - 3} more` : '';
    parts.push(`${refused.length} refused: ${shown.join('; ')}${more}`);
  }
  return `${parts.join(', ')}.${notices.length ? ` ${notices.join(' ')}` : ''}`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
