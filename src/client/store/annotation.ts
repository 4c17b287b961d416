/**
 * Reading and writing annotation records (see schema.ts for their shape).
 * Pure, and free of zod so that the article page can use it cheaply.
 */
import type { PassageSelectors } from '../anchoring/selectors';
import type { Selector, TextQuoteSelector } from '../anchoring/types';
import type { Annotation } from './schema';

export type { Annotation };

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];
export const colourClass = (colour: HighlightColour) => `highlight-${colour}` as const;

export const LIMITS = {
  note: 20_000,
  tag: 60,
  tags: 30,
  quote: 10_000,
  context: 200,
  url: 2_000,
  annotations: 20_000,
  /** Bytes of an import file. */
  importBytes: 5 * 1024 * 1024,
} as const;

export interface AnnotationContent {
  colour: HighlightColour;
  note: string;
  tags: string[];
}

export function newAnnotation(
  init: { id: string; source: string; selectors: PassageSelectors; now: Date } & AnnotationContent,
): Annotation {
  const time = init.now.toISOString();
  return {
    '@context': ANNOTATION_CONTEXT,
    id: init.id,
    type: 'Annotation',
    motivation: init.note.trim() ? 'commenting' : 'highlighting',
    created: time,
    modified: time,
    body: bodyFor(init.note, init.tags),
    target: { source: init.source, styleClass: colourClass(init.colour), selector: [...init.selectors] },
  };
}

/** A copy with new content and a new `modified` time. */
export function editAnnotation(annotation: Annotation, content: AnnotationContent, now: Date): Annotation {
  return {
    ...annotation,
    motivation: content.note.trim() ? 'commenting' : 'highlighting',
    modified: now.toISOString(),
    body: bodyFor(content.note, content.tags),
    target: { ...annotation.target, styleClass: colourClass(content.colour) },
  };
}

function bodyFor(note: string, tags: string[]): Annotation['body'] {
  const body: Annotation['body'] = [];
  if (note.trim()) body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: note });
  for (const tag of normalizeTags(tags)) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  return body;
}

/** Trimmed, single-spaced, unique (case-insensitively), non-empty tags, in the order given. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim().slice(0, LIMITS.tag);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out.slice(0, LIMITS.tags);
}

/** Splits what a reader typed in the tags field ("a, b; c"). */
export const parseTagInput = (input: string) => normalizeTags(input.split(/[,;\n]/));

export const noteOf = (a: Annotation) => a.body.find((b) => b.purpose === 'commenting')?.value ?? '';
export const tagsOf = (a: Annotation) => a.body.filter((b) => b.purpose === 'tagging').map((b) => b.value);

export function colourOf(a: Annotation): HighlightColour {
  const match = /^highlight-(\w+)$/.exec(a.target.styleClass ?? '');
  return (HIGHLIGHT_COLOURS as readonly string[]).includes(match?.[1] ?? '') ? (match![1] as HighlightColour) : 'yellow';
}

export const selectorsOf = (a: Annotation) => a.target.selector as Selector[];
export const passageIdOf = (a: Annotation) => selectorsOf(a).find((s) => s.type === 'FragmentSelector')?.value ?? '';
export const quoteOf = (a: Annotation) =>
  (selectorsOf(a).find((s) => s.type === 'TextQuoteSelector') as TextQuoteSelector | undefined)?.exact ?? '';

/** The site path of the annotated article ("/articles/cnn-isis-2-0/"), whatever host the annotation was made on. */
export function articlePathOf(a: Annotation): string {
  try {
    return new URL(a.target.source).pathname;
  } catch {
    return a.target.source;
  }
}

/** The article slug, when the source is an article page. */
export function articleSlugOf(a: Annotation): string | null {
  return /^\/articles\/([a-z0-9-]+)\/?$/.exec(articlePathOf(a))?.[1] ?? null;
}

/** Newest `modified` wins; equal times keep what is there. */
export const isNewer = (candidate: Annotation, than: Annotation) => Date.parse(candidate.modified) > Date.parse(than.modified);

export function newAnnotationId(): string {
  // randomUUID only exists in secure contexts (https, localhost).
  if (typeof crypto.randomUUID === 'function') return `urn:uuid:${crypto.randomUUID()}`;
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
