/**
 * What an annotation from elsewhere must be for Dossier to take it: every MUST
 * of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/),
 * checked liberally (any shape the model allows: `@context` as a list, one body
 * or many, `bodyValue`, a single selector, `refinedBy`, keys Dossier does not
 * know…), plus Dossier's own limits on text sizes. ./normalize turns what passes
 * into Dossier's shape (./model).
 *
 * zod runs `jitless`: the site's Content-Security-Policy forbids eval.
 */
import { z } from 'zod';
import { ANNOTATION_CONTEXT, LIMITS } from './model';

z.config({ jitless: true });

/** An IRI: a scheme, a colon, no white space. */
const iri = z.string().max(LIMITS.url).regex(/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i, 'must be an IRI (an address such as https://… or urn:…)');
/** One value or a list of at least one. */
const oneOrMore = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1, 'must not be an empty list')]);
/** No control characters other than tab and line breaks. */
const plainText = (max: number) =>
  z
    .string()
    .max(max, `is longer than ${max} characters`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'contains control characters');

/** xsd:dateTime (the model asks for it; a time zone is recommended, not required). */
const dateTime = z
  .string()
  .regex(/^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/, 'must be a date and time like 2026-01-31T12:00:00Z')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real date');

const includes = (name: string) => (v: string | string[]) => (Array.isArray(v) ? v.includes(name) : v === name);
const typeIncluding = (name: string) => oneOrMore(z.string()).refine(includes(name), `type must be (or include) "${name}"`);

const context = z.union([z.string(), z.array(z.union([z.string(), z.record(z.string(), z.unknown())])).min(1)]).refine(
  (c) => (Array.isArray(c) ? c.includes(ANNOTATION_CONTEXT) : c === ANNOTATION_CONTEXT),
  `@context must be (or include) "${ANNOTATION_CONTEXT}"`,
);

export const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
] as const;
/** One of the model's motivations, or an IRI naming one of its own. */
const motivation = z.string().refine((m) => (MOTIVATIONS as readonly string[]).includes(m) || iri.safeParse(m).success, 'is not a motivation of the model');

const agent = z.union([
  iri,
  z.looseObject({
    id: iri.optional(),
    type: oneOrMore(z.string()).optional(),
    name: oneOrMore(plainText(500)).optional(),
    nickname: plainText(200).optional(),
    email: oneOrMore(iri).optional(),
    homepage: oneOrMore(iri).optional(),
  }),
]);

// Selectors, recursive through refinedBy (and RangeSelector's ends).
const offset = z.int().min(0);
const selectorValue = z.string().min(1).max(LIMITS.url);
const quoteText = plainText(LIMITS.quote).refine((x) => x.trim().length > 0, 'the quote is empty');
const contextText = plainText(LIMITS.context);
type AnySelector = { type: string; [key: string]: unknown };
const selector: z.ZodType<AnySelector> = z.lazy(() =>
  z
    .looseObject({ type: z.string(), refinedBy: oneOrMore(selector).optional() })
    .superRefine((s, ctx) => {
      const need = (key: string, schema: z.ZodType) => {
        const r = schema.safeParse((s as Record<string, unknown>)[key]);
        if (!r.success) ctx.addIssue({ code: 'custom', path: [key], message: `${s.type} needs exactly one ${key}: ${r.error.issues[0]?.message}` });
      };
      switch (s.type) {
        case 'FragmentSelector':
        case 'CssSelector':
        case 'XPathSelector':
          need('value', selectorValue);
          if (s.type === 'FragmentSelector' && s.conformsTo !== undefined) need('conformsTo', iri);
          break;
        case 'TextQuoteSelector':
          need('exact', quoteText);
          if (s.prefix !== undefined) need('prefix', contextText);
          if (s.suffix !== undefined) need('suffix', contextText);
          break;
        case 'TextPositionSelector':
        case 'DataPositionSelector':
          need('start', offset);
          need('end', offset);
          if (typeof s.start === 'number' && typeof s.end === 'number' && s.start > s.end) ctx.addIssue({ code: 'custom', message: `${s.type}: start must not be after end` });
          break;
        case 'RangeSelector':
          need('startSelector', selector);
          need('endSelector', selector);
          break;
        case 'SvgSelector':
          if (s.value === undefined && s.id === undefined) ctx.addIssue({ code: 'custom', message: 'SvgSelector needs a value or an id' });
          break;
        default:
          // A selector type the model does not define: allowed (it may come from an extension), kept as is.
          break;
      }
    }),
);

const textualBody = z.looseObject({
  id: iri.optional(),
  type: typeIncluding('TextualBody'),
  value: plainText(LIMITS.note),
  purpose: oneOrMore(motivation).optional(),
  format: oneOrMore(z.string().max(200)).optional(),
  language: oneOrMore(z.string().max(35)).optional(),
  textDirection: z.enum(['ltr', 'rtl', 'auto']).optional(),
});

/** A resource given by an IRI or described (a SpecificResource has exactly one source). */
const resource = z.union([
  iri,
  z
    .looseObject({
      id: iri.optional(),
      type: oneOrMore(z.string()).optional(),
      source: z.unknown().optional(),
      selector: oneOrMore(selector).optional(),
      styleClass: z.string().max(200).optional(),
      purpose: oneOrMore(motivation).optional(),
      textDirection: z.enum(['ltr', 'rtl', 'auto']).optional(),
    })
    .superRefine((r, ctx) => {
      const isSpecific = r.source !== undefined || r.selector !== undefined || r.styleClass !== undefined;
      const isTextual = [r.type ?? []].flat().includes('TextualBody');
      if (isTextual) {
        const t = textualBody.safeParse(r);
        if (!t.success) for (const issue of t.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message });
      } else if (isSpecific) {
        if (!iri.safeParse(r.source).success) ctx.addIssue({ code: 'custom', path: ['source'], message: 'a SpecificResource needs exactly one source, an IRI' });
      } else if (r.id === undefined && !['Choice', 'Composite', 'List', 'Independents'].some((k) => [r.type ?? []].flat().includes(k))) {
        ctx.addIssue({ code: 'custom', message: 'an external resource needs an id' });
      }
    }),
]);

const stylesheet = z.union([
  iri,
  z.looseObject({ type: typeIncluding('CssStylesheet'), value: z.string().max(LIMITS.note).optional(), id: iri.optional() }).refine((s) => s.value !== undefined || s.id !== undefined, 'a stylesheet needs a value or an id'),
]);

/** Every MUST of the model for one Annotation (and Dossier's size limits). Unknown keys pass. */
export const conformingAnnotationSchema = z
  .looseObject({
    '@context': context,
    id: iri,
    type: typeIncluding('Annotation'),
    motivation: oneOrMore(motivation).optional(),
    created: dateTime.optional(),
    modified: dateTime.optional(),
    generated: dateTime.optional(),
    creator: oneOrMore(agent).optional(),
    generator: oneOrMore(agent).optional(),
    body: oneOrMore(resource).optional(),
    bodyValue: plainText(LIMITS.note).optional(),
    target: oneOrMore(resource),
    stylesheet: stylesheet.optional(),
    rights: oneOrMore(iri).optional(),
    canonical: iri.optional(),
    via: oneOrMore(iri).optional(),
    textDirection: z.enum(['ltr', 'rtl', 'auto']).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.body !== undefined && a.bodyValue !== undefined) ctx.addIssue({ code: 'custom', path: ['bodyValue'], message: 'bodyValue must not be used together with body' });
    const usesStyleClass = [a.body, a.target].flat().some((r) => typeof r === 'object' && r !== null && 'styleClass' in r);
    if (usesStyleClass && a.stylesheet === undefined) ctx.addIssue({ code: 'custom', path: ['stylesheet'], message: 'styleClass is used, so the annotation must have a stylesheet' });
  });

/** An AnnotationCollection as the notebook exports it (its items are checked one by one, so one bad item does not sink the rest). */
export const annotationCollectionSchema = z.looseObject({
  '@context': context,
  id: iri.optional(),
  type: typeIncluding('AnnotationCollection'),
  label: oneOrMore(plainText(500)).optional(),
  total: z.int().min(0).optional(),
  first: z.looseObject({
    id: iri.optional(),
    type: typeIncluding('AnnotationPage'),
    startIndex: z.int().min(0).optional(),
    items: z.array(z.unknown()).max(LIMITS.annotations),
  }),
});

/** The first problem, said plainly: "target.source: must be an IRI…". */
export function describeIssue(error: z.ZodError, input?: unknown): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  // A field that is not there is said to be missing (zod's own word for a failed union is "Invalid input").
  let value: unknown = input;
  for (const key of issue.path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  const missing = input !== undefined && issue.path.length > 0 && value === undefined;
  return `${path || 'annotation'}: ${missing ? 'missing' : issue.message}`;
}
