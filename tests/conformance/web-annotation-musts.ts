/**
 * The MUST requirements of the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/), one JSON Schema each, checked with
 * ajv. Written for Dossier from the Recommendation's text (the W3C test suite's
 * own schemas are not published on the npm registry), independently of the
 * zod schema the site uses on import, so that one cannot hide a mistake in the other.
 *
 * Each check is named after the section it comes from; `checkAnnotation` and
 * `checkCollection` return the names of the checks that fail.
 */
import Ajv, { type ValidateFunction } from 'ajv';

const ANNO = 'http://www.w3.org/ns/anno.jsonld';
const IRI = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9+.-]*:[^\\s<>"{}|\\\\^`]+$' };
const DATE_TIME = { type: 'string', pattern: '^-?\\d{4,}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?$' };
const oneOrMore = (item: object) => ({ oneOf: [item, { type: 'array', minItems: 1, items: item }] });
const hasType = (name: string) => ({
  oneOf: [{ const: name }, { type: 'array', contains: { const: name } }],
});
const MOTIVATION = {
  anyOf: [
    {
      enum: ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging'],
    },
    IRI,
  ],
};
/** Every body and target item, whether given as one value or a list. */
const eachResource = (schema: object) => ({
  properties: {
    body: { anyOf: [{ not: { type: 'object' } }, schema], items: { anyOf: [{ not: { type: 'object' } }, schema] } },
    target: { anyOf: [{ not: { type: 'object' } }, schema], items: { anyOf: [{ not: { type: 'object' } }, schema] } },
  },
});

/** A selector and, recursively, its refinements. */
const SELECTOR_DEFS = {
  selector: {
    type: 'object',
    required: ['type'],
    allOf: [
      { if: { properties: { type: { const: 'FragmentSelector' } } }, then: { required: ['value'], properties: { value: { type: 'string' }, conformsTo: IRI } } },
      { if: { properties: { type: { const: 'CssSelector' } } }, then: { required: ['value'], properties: { value: { type: 'string' } } } },
      { if: { properties: { type: { const: 'XPathSelector' } } }, then: { required: ['value'], properties: { value: { type: 'string' } } } },
      { if: { properties: { type: { const: 'TextQuoteSelector' } } }, then: { required: ['exact'], properties: { exact: { type: 'string' }, prefix: { type: 'string' }, suffix: { type: 'string' } } } },
      {
        if: { properties: { type: { enum: ['TextPositionSelector', 'DataPositionSelector'] } } },
        then: { required: ['start', 'end'], properties: { start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 } } },
      },
      { if: { properties: { type: { const: 'RangeSelector' } } }, then: { required: ['startSelector', 'endSelector'], properties: { startSelector: { $ref: '#/definitions/selector' }, endSelector: { $ref: '#/definitions/selector' } } } },
      { if: { properties: { type: { const: 'SvgSelector' } } }, then: { anyOf: [{ required: ['value'] }, { required: ['id'] }] } },
    ],
    properties: { refinedBy: { anyOf: [{ $ref: '#/definitions/selector' }, { type: 'array', minItems: 1, items: { $ref: '#/definitions/selector' } }] } },
  },
};

export const ANNOTATION_MUSTS: Record<string, object> = {
  '3.1 @context is (or includes) the anno.jsonld context': {
    required: ['@context'],
    properties: { '@context': { oneOf: [{ const: ANNO }, { type: 'array', contains: { const: ANNO } }] } },
  },
  '3.1 exactly one id, an IRI': { required: ['id'], properties: { id: IRI } },
  '3.1 type is (or includes) Annotation': { required: ['type'], properties: { type: hasType('Annotation') } },
  '3.1 at least one target': {
    required: ['target'],
    properties: { target: { anyOf: [IRI, { type: 'object' }, { type: 'array', minItems: 1, items: { anyOf: [IRI, { type: 'object' }] } }] } },
  },
  '3.2 body, when present, holds at least one resource': {
    properties: { body: { anyOf: [IRI, { type: 'object' }, { type: 'array', minItems: 1, items: { anyOf: [IRI, { type: 'object' }] } }] } },
  },
  '3.2.5 bodyValue is one string and never used with body': {
    properties: { bodyValue: { type: 'string' } },
    not: { required: ['body', 'bodyValue'] },
  },
  '3.2.4 a TextualBody has exactly one value, a string': eachResource({
    if: { properties: { type: hasType('TextualBody') }, required: ['type'] },
    then: { required: ['value'], properties: { value: { type: 'string' } } },
  }),
  '3.2.1 an external resource has an id': eachResource({
    if: { not: { anyOf: [{ required: ['source'] }, { required: ['selector'] }, { required: ['value'] }, { properties: { type: { enum: ['Choice', 'Composite', 'List', 'Independents'] } }, required: ['type'] }] } },
    then: { required: ['id'], properties: { id: IRI } },
  }),
  '4 a SpecificResource has exactly one source, an IRI': eachResource({
    if: { anyOf: [{ required: ['selector'] }, { required: ['styleClass'] }, { required: ['state'] }, { required: ['source'] }] },
    then: { required: ['source'], properties: { source: IRI } },
  }),
  '4.2 every selector has what its type requires': {
    definitions: SELECTOR_DEFS,
    ...eachResource({ properties: { selector: { anyOf: [{ $ref: '#/definitions/selector' }, { type: 'array', minItems: 1, items: { $ref: '#/definitions/selector' } }] } } }),
  },
  '3.3.5 motivation and purpose are motivations': {
    allOf: [{ properties: { motivation: oneOrMore(MOTIVATION) } }, eachResource({ properties: { purpose: oneOrMore(MOTIVATION) } })],
  },
  '3.3.1 created, modified and generated are xsd:dateTime': {
    properties: { created: DATE_TIME, modified: DATE_TIME, generated: DATE_TIME },
  },
  '3.3.1 creator and generator are IRIs or agents': {
    properties: Object.fromEntries(
      ['creator', 'generator'].map((k) => [k, oneOrMore({ anyOf: [IRI, { type: 'object', properties: { id: IRI, name: oneOrMore({ type: 'string' }) } }] })]),
    ),
  },
  '4.3.1 styleClass needs a stylesheet on the annotation': {
    if: {
      properties: {
        target: { anyOf: [{ type: 'object', required: ['styleClass'] }, { type: 'array', contains: { type: 'object', required: ['styleClass'] } }] },
      },
      required: ['target'],
    },
    then: { required: ['stylesheet'] },
  },
  '4.3.1 a stylesheet is an IRI or a CssStylesheet with a value or an id': {
    properties: { stylesheet: { anyOf: [IRI, { type: 'object', required: ['type'], properties: { type: hasType('CssStylesheet') }, anyOf: [{ required: ['value'] }, { required: ['id'] }] }] } },
  },
  '3.2.4 textDirection is ltr, rtl or auto': {
    allOf: [{ properties: { textDirection: { enum: ['ltr', 'rtl', 'auto'] } } }, eachResource({ properties: { textDirection: { enum: ['ltr', 'rtl', 'auto'] } } })],
  },
  '3.3.6 rights, canonical and via are IRIs': {
    properties: { rights: oneOrMore(IRI), canonical: IRI, via: oneOrMore(IRI) },
  },
};

export const COLLECTION_MUSTS: Record<string, object> = {
  '5.1 @context is (or includes) the anno.jsonld context': ANNOTATION_MUSTS['3.1 @context is (or includes) the anno.jsonld context']!,
  '5.1 exactly one id, an IRI': { required: ['id'], properties: { id: IRI } },
  '5.1 type is (or includes) AnnotationCollection': { required: ['type'], properties: { type: hasType('AnnotationCollection') } },
  '5.1 total is a non-negative integer': { properties: { total: { type: 'integer', minimum: 0 } } },
  '5.1 first is an IRI or an AnnotationPage': { properties: { first: { anyOf: [IRI, { type: 'object' }] } } },
  '5.2 an AnnotationPage has an id, its type and items': {
    properties: {
      first: {
        anyOf: [
          IRI,
          { type: 'object', required: ['id', 'type', 'items'], properties: { id: IRI, type: hasType('AnnotationPage'), items: { type: 'array' }, startIndex: { type: 'integer', minimum: 0 } } },
        ],
      },
    },
  },
};

const ajv = new Ajv({ allErrors: true, strict: false });
const compile = (checks: Record<string, object>) =>
  Object.entries(checks).map(([name, schema]): [string, ValidateFunction] => [name, ajv.compile(schema)]);
const annotationChecks = compile(ANNOTATION_MUSTS);
const collectionChecks = compile(COLLECTION_MUSTS);

/** The names of the MUST checks `annotation` fails ([] when it conforms). */
export const checkAnnotation = (annotation: unknown) => annotationChecks.filter(([, check]) => !check(annotation)).map(([name]) => name);

/** The failures of a collection and of each of its items ("item 3: …"). */
export function checkCollection(collection: unknown): string[] {
  const failures = collectionChecks.filter(([, check]) => !check(collection)).map(([name]) => name);
  const items = (collection as { first?: { items?: unknown[] } })?.first?.items ?? [];
  items.forEach((item, i) => failures.push(...checkAnnotation(item).map((name) => `item ${i + 1}: ${name}`)));
  return failures;
}
