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

export interface Refusal {
  /** 1-based position in the file (0: refused after reading, e.g. for its article). */
  item: number;
  id?: string;
  reason: string;
}

export type ImportResult =
  | { ok: true; annotations: Annotation[]; refused: Refusal[]; notices: string[] }
  | { ok: false; error: string };

/** Keys that could reach an object's prototype when merged; a file holding one is refused. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 16;

/** Reads and validates an import file's text. `bytes` is the file's size, checked before parsing. */
export function parseAnnotationFile(text: string, bytes = new TextEncoder().encode(text).length): ImportResult {
  if (bytes > IMPORT_BYTES) {
    return { ok: false, error: `The file is ${formatBytes(bytes)}; files over ${formatBytes(IMPORT_BYTES)} are refused. Nothing was imported.` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `The file is not valid JSON (${(error as Error).message}). Nothing was imported.` };
  }
  const unsafe = findForbiddenKey(data, 0);
  if (unsafe) return { ok: false, error: `${unsafe} Nothing was imported.` };

  const items = itemsOf(data);
  if (!items.ok) return items;

  const refused: Refusal[] = [];
  const byId = new Map<string, Annotation>();
  items.items.forEach((item, index) => {
    const parsed = normalizeAnnotation(item);
    if (!parsed.ok) {
      const id = typeof (item as { id?: unknown })?.id === 'string' ? String((item as { id: string }).id).slice(0, 80) : undefined;
      refused.push({ item: index + 1, ...(id ? { id } : {}), reason: parsed.reason });
      return;
    }
    const seen = byId.get(parsed.annotation.id);
    if (!seen || isNewer(parsed.annotation, seen)) byId.set(parsed.annotation.id, parsed.annotation);
  });

  const annotations = [...byId.values()];
  const notices: string[] = [];
  const markup = annotations.filter((a) => [noteOf(a), ...tagsOf(a)].some((t) => /<\s*[a-z!/?]/i.test(t))).length;
  if (markup) {
    notices.push(`${markup} ${markup === 1 ? 'note contains' : 'notes contain'} HTML markup; it is kept as plain text and never run.`);
  }
  return { ok: true, annotations, refused, notices };
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
    if (!parsed.success) return { ok: false, error: `The annotation collection is malformed: ${describeIssue(parsed.error)}. Nothing was imported.` };
    return { ok: true, items: parsed.data.first.items };
  }
  if (Array.isArray(type) && type.includes('Annotation')) return { ok: true, items: [data] };
  if (Array.isArray(type) && type.includes('AnnotationCollection')) {
    const parsed = annotationCollectionSchema.safeParse(data);
    if (!parsed.success) return { ok: false, error: `The annotation collection is malformed: ${describeIssue(parsed.error)}. Nothing was imported.` };
    return { ok: true, items: parsed.data.first.items };
  }
  return {
    ok: false,
    error: 'This is not an annotation file: expected a W3C AnnotationCollection (as exported by the notebook) or a list of annotations. Nothing was imported.',
  };
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
