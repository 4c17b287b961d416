/**
 * The annotation record: a W3C Web Annotation (https://www.w3.org/TR/annotation-model/)
 * restricted to what Dossier writes. Validated with zod wherever annotations
 * cross a boundary (import, published notes at build time); types derive from here.
 *
 * {
 *   "@context": "http://www.w3.org/ns/anno.jsonld",
 *   "id": "urn:uuid:…", "type": "Annotation", "motivation": "commenting",
 *   "created": "…Z", "modified": "…Z",
 *   "body": [ { "type": "TextualBody", "purpose": "commenting", "format": "text/markdown", "value": "note" },
 *             { "type": "TextualBody", "purpose": "tagging", "value": "tag" } ],
 *   "target": { "source": "https://…/articles/cnn-isis-2-0/", "styleClass": "highlight-yellow",
 *               "selector": [ FragmentSelector (passage id), TextPositionSelector (in the passage), TextQuoteSelector ] }
 * }
 */
import { z } from 'zod';
import { PASSAGE_ID_EXAMPLE, PASSAGE_ID_PATTERN } from '../../contract/passage-id';
import { ANNOTATION_CONTEXT, colourClass, HIGHLIGHT_COLOURS, LIMITS } from './annotation';

// zod compiles fast paths with `new Function` unless told not to; the site's
// Content-Security-Policy forbids eval, and even the attempt is reported.
z.config({ jitless: true });

const passageId = z.string().regex(PASSAGE_ID_PATTERN, `must be a passage id like ${PASSAGE_ID_EXAMPLE}`);
/** No control characters other than tab and line breaks. */
const plainText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'contains control characters');

export const fragmentSelectorSchema = z.strictObject({
  type: z.literal('FragmentSelector'),
  value: passageId,
  conformsTo: z.string().max(200).optional(),
});

export const textPositionSelectorSchema = z
  .strictObject({
    type: z.literal('TextPositionSelector'),
    start: z.int().min(0).max(10_000_000),
    end: z.int().min(0).max(10_000_000),
  })
  .refine((s) => s.start <= s.end, 'start must not be after end');

export const textQuoteSelectorSchema = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: plainText(LIMITS.quote).refine((s) => s.trim().length > 0, 'the quote is empty'),
  prefix: plainText(LIMITS.context).optional(),
  suffix: plainText(LIMITS.context).optional(),
});

export const selectorSchema = z.discriminatedUnion('type', [
  fragmentSelectorSchema,
  textPositionSelectorSchema,
  textQuoteSelectorSchema,
]);

export const textualBodySchema = z.discriminatedUnion('purpose', [
  z.strictObject({
    type: z.literal('TextualBody'),
    purpose: z.literal('commenting'),
    value: plainText(LIMITS.note),
    format: z.enum(['text/markdown', 'text/plain']).optional(),
    language: z.string().max(35).optional(),
  }),
  z.strictObject({
    type: z.literal('TextualBody'),
    purpose: z.literal('tagging'),
    value: plainText(LIMITS.tag).refine((s) => s.trim().length > 0 && !/[\r\n]/.test(s), 'a tag is one non-empty line'),
  }),
]);

const webAddress = z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).max(LIMITS.url);

export const annotationSchema = z.strictObject({
  '@context': z.literal(ANNOTATION_CONTEXT),
  id: z
    .string()
    .max(LIMITS.url)
    .regex(/^(urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|https?:\/\/\S+)$/i, 'must be a urn:uuid: or http(s) address'),
  type: z.literal('Annotation'),
  motivation: z.enum(['highlighting', 'commenting']),
  created: z.iso.datetime({ offset: true }),
  modified: z.iso.datetime({ offset: true }),
  creator: z
    .strictObject({ type: z.enum(['Person', 'Organization']), name: plainText(200) })
    .optional(),
  body: z
    .array(textualBodySchema)
    .max(LIMITS.tags + 1)
    .refine((b) => b.filter((x) => x.purpose === 'commenting').length <= 1, 'at most one note'),
  target: z.strictObject({
    source: webAddress,
    styleClass: z.enum(HIGHLIGHT_COLOURS.map(colourClass) as [string, ...string[]]).optional(),
    selector: z
      .array(selectorSchema)
      .min(2)
      .max(3)
      .refine((list) => new Set(list.map((s) => s.type)).size === list.length, 'each selector type at most once')
      .refine(
        (list) => list.some((s) => s.type === 'FragmentSelector') && list.some((s) => s.type === 'TextQuoteSelector'),
        'needs a FragmentSelector (the passage) and a TextQuoteSelector (the quote)',
      ),
  }),
});
export type Annotation = z.infer<typeof annotationSchema>;
export type TextualBody = z.infer<typeof textualBodySchema>;

/** What the notebook exports and content/annotations/*.json hold. */
export const annotationCollectionSchema = z.strictObject({
  '@context': z.literal(ANNOTATION_CONTEXT),
  id: z.string().max(LIMITS.url).optional(),
  type: z.literal('AnnotationCollection'),
  label: plainText(500).optional(),
  total: z.int().min(0).optional(),
  first: z.strictObject({
    type: z.literal('AnnotationPage'),
    startIndex: z.int().min(0).optional(),
    // Items are validated one by one (so one bad item does not sink the rest).
    items: z.array(z.unknown()).max(LIMITS.annotations),
  }),
});
export type AnnotationCollection = Omit<z.infer<typeof annotationCollectionSchema>, 'first'> & {
  first: { type: 'AnnotationPage'; startIndex?: number; items: Annotation[] };
};
