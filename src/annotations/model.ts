/**
 * The annotation record: a W3C Web Annotation (https://www.w3.org/TR/annotation-model/)
 * as Dossier stores and exports it, and the helpers that read and write it.
 * Pure and free of zod, so the article page can use it cheaply; validation of
 * foreign data is in ./schema (conformance) and ./normalize (to this shape).
 *
 * Where the offsets live: the target's selectors are alternatives, each
 * identifying the same text of the article page.
 *   1. a FragmentSelector naming the passage (its id is the page's fragment),
 *      `refinedBy` a TextPositionSelector counting characters of that passage's
 *      text (`.passage-text`'s textContent): the position is relative to the passage;
 *   2. a TextQuoteSelector with the quote and up to 32 characters of context
 *      taken from the same passage, usable by any tool on the whole page.
 * Records written before this shape (a flat [Fragment, Position, Quote] list) are
 * read the same way (see `upgradeRecord`).
 */
import { parseRoute } from '../contract/routes';
import type { PassageSelectors } from './anchoring/selectors';
import {
  FRAGMENT_CONFORMS_TO,
  type FragmentSelector,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './anchoring/types';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];
export const colourClass = (colour: HighlightColour) => `highlight-${colour}` as const;

/** The colours as CSS, embedded in each annotation (the model requires a stylesheet wherever styleClass is used). */
const COLOUR_CSS: Record<HighlightColour, string> = {
  yellow: '#fbe7a1',
  green: '#cfeccc',
  blue: '#d3e4fa',
  pink: '#f7d4e5',
};
export const stylesheetFor = (colour: HighlightColour): CssStylesheet => ({
  type: 'CssStylesheet',
  value: `.${colourClass(colour)} { background-color: ${COLOUR_CSS[colour]}; }`,
});

export const LIMITS = {
  note: 20_000,
  tag: 60,
  tags: 30,
  quote: 10_000,
  context: 200,
  url: 2_000,
  annotations: 20_000,
} as const;

/**
 * Bytes of an import file: sized from the annotation limit, so that a backup of
 * the most annotations the store takes always imports again (a typical exported
 * annotation is under 1 KB; the limit allows 2.5 KB each on average).
 */
export const IMPORT_BYTES = LIMITS.annotations * 2_560;

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose?: string;
  format?: string;
  language?: string;
  [key: string]: unknown;
}

/** A body Dossier does not write (an IRI, a SpecificResource…): kept as it came. */
export type Body = TextualBody | string | { [key: string]: unknown };

export interface CssStylesheet {
  type: 'CssStylesheet';
  value?: string;
  id?: string;
  [key: string]: unknown;
}

export interface DossierFragmentSelector extends FragmentSelector {
  refinedBy?: TextPositionSelector | TextQuoteSelector | (TextPositionSelector | TextQuoteSelector)[];
}

export type StoredSelector = DossierFragmentSelector | TextQuoteSelector | TextPositionSelector | { type: string; [key: string]: unknown };

export interface Target {
  source: string;
  styleClass?: string;
  selector: StoredSelector[];
  [key: string]: unknown;
}

export interface Annotation {
  '@context': string | unknown[];
  id: string;
  type: 'Annotation' | string[];
  motivation?: string | string[];
  created?: string;
  modified?: string;
  creator?: unknown;
  /** Absent when there is neither note nor tag (the model forbids an empty body). */
  body?: Body[];
  target: Target;
  stylesheet?: CssStylesheet | string;
  /** Any other key of the model (generator, rights, audience…), kept as imported. */
  [key: string]: unknown;
}

export interface AnnotationContent {
  colour: HighlightColour;
  note: string;
  tags: string[];
}

/** Dossier's selectors for a range of a passage (see the top of this file). */
export function targetSelectors([fragment, position, quote]: PassageSelectors): StoredSelector[] {
  return [{ ...fragment, refinedBy: position }, quote];
}

export function newAnnotation(
  init: { id: string; source: string; selectors: PassageSelectors; now: Date } & AnnotationContent,
): Annotation {
  const time = init.now.toISOString();
  const body = bodyFor([], init.note, init.tags);
  return {
    '@context': ANNOTATION_CONTEXT,
    id: init.id,
    type: 'Annotation',
    motivation: init.note.trim() ? 'commenting' : 'highlighting',
    created: time,
    modified: time,
    ...(body.length ? { body } : {}),
    target: { source: init.source, styleClass: colourClass(init.colour), selector: targetSelectors(init.selectors) },
    stylesheet: stylesheetFor(init.colour),
  };
}

/** A copy with new content and a new `modified` time; bodies Dossier does not write are kept. */
export function editAnnotation(annotation: Annotation, content: AnnotationContent, now: Date): Annotation {
  const { body: _old, ...rest } = annotation;
  const body = bodyFor(annotation.body ?? [], content.note, content.tags);
  const motivation = isDossierMotivation(annotation.motivation) ? (content.note.trim() ? 'commenting' : 'highlighting') : annotation.motivation;
  return {
    ...rest,
    ...(motivation !== undefined ? { motivation } : {}),
    modified: now.toISOString(),
    ...(body.length ? { body } : {}),
    target: { ...annotation.target, styleClass: colourClass(content.colour) },
    stylesheet: stylesheetFor(content.colour),
  };
}

const isDossierMotivation = (m: Annotation['motivation']) => m === undefined || m === 'commenting' || m === 'highlighting';

const isTextual = (b: Body): b is TextualBody => typeof b === 'object' && (b as TextualBody).type === 'TextualBody' && typeof (b as TextualBody).value === 'string';
const isNoteBody = (b: Body): b is TextualBody => isTextual(b) && (b.purpose === undefined || b.purpose === 'commenting');
const isTagBody = (b: Body): b is TextualBody => isTextual(b) && b.purpose === 'tagging';

function bodyFor(previous: readonly Body[], note: string, tags: string[]): Body[] {
  const oldNote = previous.find(isNoteBody);
  const body: Body[] = [];
  if (note.trim()) {
    // Keep the note body's other keys (language, id…) when only its text changed.
    body.push({ ...(oldNote ?? {}), type: 'TextualBody', purpose: 'commenting', format: oldNote?.format ?? 'text/markdown', value: note });
  }
  for (const tag of normalizeTags(tags)) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  // Bodies Dossier does not edit stay, after its own.
  for (const b of previous) if (!isNoteBody(b) && !isTagBody(b)) body.push(b);
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

export const noteOf = (a: Annotation) => (a.body ?? []).find(isNoteBody)?.value ?? '';
export const tagsOf = (a: Annotation) => (a.body ?? []).filter(isTagBody).map((b) => b.value);

export function colourOf(a: Annotation): HighlightColour {
  const match = /^highlight-(\w+)$/.exec(a.target.styleClass ?? '');
  return (HIGHLIGHT_COLOURS as readonly string[]).includes(match?.[1] ?? '') ? (match![1] as HighlightColour) : 'yellow';
}

export const contentOf = (a: Annotation): AnnotationContent => ({ colour: colourOf(a), note: noteOf(a), tags: tagsOf(a) });

/** The selectors of an annotation as plain, flat data: the passage, the position in it, the quote. */
export function selectorsOf(a: Annotation): Selector[] {
  const out: Selector[] = [];
  const add = (s: unknown, inPassage: boolean) => {
    const selector = s as StoredSelector;
    if (selector.type === 'FragmentSelector' && typeof (selector as FragmentSelector).value === 'string') {
      const { refinedBy, ...fragment } = selector as DossierFragmentSelector;
      out.push(fragment);
      for (const r of [refinedBy ?? []].flat()) add(r, true);
    } else if (selector.type === 'TextPositionSelector' && inPassage) out.push(selector as TextPositionSelector);
    else if (selector.type === 'TextQuoteSelector') out.push(selector as TextQuoteSelector);
  };
  const list = a.target.selector;
  // The older flat shape: a top-level position was relative to the FragmentSelector's passage.
  const legacy = list.some((s) => s.type === 'FragmentSelector' && !('refinedBy' in s));
  for (const s of list) add(s, legacy);
  return out;
}

export const passageIdOf = (a: Annotation) => (selectorsOf(a).find((s) => s.type === 'FragmentSelector') as FragmentSelector | undefined)?.value ?? '';
export const quoteOf = (a: Annotation) =>
  (selectorsOf(a).find((s) => s.type === 'TextQuoteSelector') as TextQuoteSelector | undefined)?.exact ?? '';
export const positionOf = (a: Annotation) => selectorsOf(a).find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');

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
  const route = parseRoute(articlePathOf(a));
  return route?.page === 'article' ? route.slug : null;
}

const timeOf = (a: Annotation) => Date.parse(a.modified ?? a.created ?? '') || 0;
/** Newest `modified` wins; equal times keep what is there. */
export const isNewer = (candidate: Annotation, than: Annotation) => timeOf(candidate) > timeOf(than);

/**
 * Brings a record stored by an older version of the site to the current shape
 * (empty body omitted, stylesheet beside styleClass, the position as a
 * refinement of the passage). Records already in shape are returned as they are.
 */
export function upgradeRecord(a: Annotation): Annotation {
  let out = a;
  if (Array.isArray(out.body) && out.body.length === 0) {
    const { body: _empty, ...rest } = out;
    out = rest as Annotation;
  }
  const selectors = out.target?.selector;
  if (Array.isArray(selectors) && selectors.some((s) => s.type === 'TextPositionSelector')) {
    const fragment = selectors.find((s): s is DossierFragmentSelector => s.type === 'FragmentSelector');
    const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
    if (fragment && position && !fragment.refinedBy) {
      const others = selectors.filter((s) => s !== fragment && s !== position);
      out = { ...out, target: { ...out.target, selector: [{ ...fragment, refinedBy: position }, ...others] } };
    }
  }
  if (out.target?.styleClass && !out.stylesheet) out = { ...out, stylesheet: stylesheetFor(colourOf(out)) };
  return out;
}

export function newAnnotationId(): string {
  // randomUUID only exists in secure contexts (https, localhost).
  if (typeof crypto.randomUUID === 'function') return `urn:uuid:${crypto.randomUUID()}`;
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export { FRAGMENT_CONFORMS_TO };
