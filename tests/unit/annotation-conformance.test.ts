import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeCollection, toCollection } from '../../src/annotations/export';
import { parseAnnotationFile } from '../../src/annotations/import';
import { editAnnotation, noteOf, passageIdOf, quoteOf, tagsOf, type Annotation } from '../../src/annotations/model';
import { normalizeAnnotation } from '../../src/annotations/normalize';
import { checkAnnotation, checkCollection } from '../conformance/web-annotation-musts';
import { makeAnnotation } from './annotation-helpers';

const SITE = 'https://dossier.example/articles/cnn-isis-2-0/';
const ANNO = 'http://www.w3.org/ns/anno.jsonld';
const quote = { type: 'TextQuoteSelector', exact: 'remain and expand', prefix: 'tamaddad,” or “', suffix: '.”' };
const base = { '@context': ANNO, type: 'Annotation', created: '2026-03-01T10:00:00Z', modified: '2026-03-02T10:00:00Z' };
const target = { source: SITE, selector: [{ type: 'FragmentSelector', value: 'cnn-4dd3d1' }, quote] };
const id = (n: number) => `urn:uuid:11111111-2222-4333-8444-${String(n).padStart(12, '0')}`;

/** Annotations shaped unlike Dossier's own, each valid under the model, all about the same words. */
const VALID_SHAPES: Record<string, Record<string, unknown>> = {
  '@context as a list with an extension': { ...base, '@context': [ANNO, { dc: 'http://purl.org/dc/elements/1.1/' }], 'dc:subject': 'ideology', target },
  'body as one object': { ...base, body: { type: 'TextualBody', value: 'One body', format: 'text/plain' }, target },
  bodyValue: { ...base, bodyValue: 'Said in bodyValue', target },
  'no body at all': { ...base, motivation: 'highlighting', target },
  'motivation as a list': { ...base, motivation: ['commenting', 'tagging'], body: [{ type: 'TextualBody', value: 'x', purpose: 'commenting' }], target },
  'motivation bookmarking': { ...base, motivation: 'bookmarking', target },
  'creator as an IRI': { ...base, creator: 'https://example.org/people/ana', target },
  'a generator': { ...base, generator: { id: 'https://hypothes.is/', type: 'Software', name: 'Hypothesis' }, target },
  'a stylesheet of its own': { ...base, stylesheet: 'https://example.org/notes.css', target: { ...target, styleClass: 'important' } },
  'a single selector object, no passage': { ...base, target: { source: SITE, selector: quote } },
  'a FragmentSelector refined by a TextQuoteSelector': {
    ...base,
    target: { source: SITE, selector: { type: 'FragmentSelector', value: 'cnn-4dd3d1', conformsTo: 'http://tools.ietf.org/rfc/rfc3986', refinedBy: quote } },
  },
  'created without modified': { '@context': ANNO, type: 'Annotation', created: '2026-03-01T10:00:00+02:00', target },
  'no dates at all': { '@context': ANNO, type: 'Annotation', target },
  textDirection: { ...base, body: { type: 'TextualBody', value: 'ملاحظة', language: 'ar', textDirection: 'rtl' }, target },
  'type as a list': { ...base, type: ['Annotation'], target },
  'the passage in the source’s fragment': { ...base, target: { source: `${SITE}#cnn-4dd3d1`, selector: [quote] } },
  'an IRI body beside a tag': { ...base, body: ['https://example.org/topics/isis', { type: 'TextualBody', purpose: 'tagging', value: 'ideology' }], target },
  'target with an id and state': { ...base, target: { ...target, id: 'https://example.org/targets/1', state: { type: 'HttpRequestState', value: 'Accept: text/html' } } },
};

describe('the MUST checks themselves', () => {
  it('should pass on each valid shape and fail on each broken one', () => {
    for (const [name, shape] of Object.entries(VALID_SHAPES)) expect(checkAnnotation({ id: id(1), ...shape }), name).toEqual([]);
    const good = makeAnnotation('remain and expand', { note: 'n' });
    const broken: [string, unknown][] = [
      ['3.1 @context', { ...good, '@context': 'http://example.org/other' }],
      ['3.1 exactly one id', { ...good, id: 'not an iri' }],
      ['3.2 body, when present', { ...good, body: [] }],
      ['3.2.5 bodyValue', { ...good, bodyValue: 'x' }],
      ['3.2.4 a TextualBody', { ...good, body: [{ type: 'TextualBody' }] }],
      ['4.3.1 styleClass needs a stylesheet', { ...good, stylesheet: undefined }],
      ['4.2 every selector', { ...good, target: { ...good.target, selector: [{ type: 'TextPositionSelector', start: -1, end: 2 }] } }],
      ['4 a SpecificResource', { ...good, target: { selector: good.target.selector } }],
      ['3.3.1 created', { ...good, created: 'yesterday' }],
      ['3.3.5 motivation', { ...good, motivation: 'liking' }],
    ];
    for (const [check, annotation] of broken) expect(checkAnnotation(JSON.parse(JSON.stringify(annotation))).join(' | '), check).toContain(check);
    expect(checkCollection({ '@context': ANNO, type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [] } })).toEqual([
      '5.1 exactly one id, an IRI',
      '5.2 an AnnotationPage has an id, its type and items',
    ]);
  });
});

describe('Dossier’s exports and published notes', () => {
  it('should pass every MUST: highlights, notes, tags, as a collection', () => {
    const list = [
      makeAnnotation('remain and expand'),
      makeAnnotation('Raqqa headquarters', { note: 'A note', tags: ['a', 'b'], colour: 'blue' }),
      makeAnnotation('agile attacks', { tags: ['only a tag'], colour: 'pink' }),
    ];
    const edited = editAnnotation(list[1]!, { note: '', tags: [], colour: 'green' }, new Date('2027-01-01T00:00:00Z'));
    const collection = JSON.parse(serializeCollection(toCollection([...list, edited], { id: id(9) })));
    expect(checkCollection(collection)).toEqual([]);
    expect('body' in edited).toBe(false);
  });

  it('should keep every published notes file conforming', () => {
    for (const dir of ['content/annotations', 'tests/fixtures/dossier/content/annotations']) {
      const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
      expect(files.length, dir).toBeGreaterThan(0);
      for (const file of files) expect(checkCollection(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'))), `${dir}/${file}`).toEqual([]);
    }
  });

  it('should place the offsets in a TextPositionSelector refining the passage’s FragmentSelector', () => {
    const a = makeAnnotation('remain and expand');
    expect(a.target.selector).toEqual([
      { type: 'FragmentSelector', value: 'cnn-4dd3d1', conformsTo: 'http://tools.ietf.org/rfc/rfc3986', refinedBy: { type: 'TextPositionSelector', start: expect.any(Number), end: expect.any(Number) } },
      expect.objectContaining({ type: 'TextQuoteSelector', exact: 'remain and expand' }),
    ]);
  });
});

describe('importing annotations from elsewhere', () => {
  it('should take every valid shape, normalised, and give unknown keys back on export', () => {
    const items = Object.values(VALID_SHAPES).map((shape, i) => ({ id: id(i + 1), ...shape }));
    const result = parseAnnotationFile(JSON.stringify(items));
    if (!result.ok) throw new Error(result.error);
    expect(result.refused).toEqual([]);
    expect(result.annotations).toHaveLength(items.length);
    for (const a of result.annotations) expect(quoteOf(a)).toBe('remain and expand');
    const byName = (name: string) => result.annotations[Object.keys(VALID_SHAPES).indexOf(name)]!;
    expect(noteOf(byName('bodyValue'))).toBe('Said in bodyValue');
    expect(noteOf(byName('body as one object'))).toBe('One body');
    expect(passageIdOf(byName('the passage in the source’s fragment'))).toBe('cnn-4dd3d1');
    expect(byName('created without modified').modified).toBe('2026-03-01T10:00:00+02:00');
    expect(tagsOf(byName('an IRI body beside a tag'))).toEqual(['ideology']);

    // Re-exported, the foreign keys are still there and everything still conforms.
    const again = JSON.parse(serializeCollection(toCollection(result.annotations, { id: id(99) })));
    expect(checkCollection(again)).toEqual([]);
    const first = again.first.items.find((a: Annotation) => a.id === id(1));
    expect(first['dc:subject']).toBe('ideology');
    expect(first['@context']).toEqual([ANNO, { dc: 'http://purl.org/dc/elements/1.1/' }]);
    expect(again.first.items.find((a: Annotation) => a.id === id(8)).generator).toMatchObject({ name: 'Hypothesis' });
    expect(again.first.items.find((a: Annotation) => a.id === id(18)).target.state).toMatchObject({ type: 'HttpRequestState' });
  });

  it('should keep foreign bodies and keys when the reader edits the note', () => {
    const imported = normalizeAnnotation({ id: id(1), ...VALID_SHAPES['an IRI body beside a tag'], generator: 'https://example.org/tool' });
    if (!imported.ok) throw new Error(imported.reason);
    const edited = editAnnotation(imported.annotation, { note: 'mine', tags: ['x'], colour: 'green' }, new Date('2027-01-01T00:00:00Z'));
    expect(edited.body).toContain('https://example.org/topics/isis');
    expect(edited.generator).toBe('https://example.org/tool');
    expect(checkAnnotation(edited)).toEqual([]);
  });

  it('should refuse what does not conform, or is not about this site’s text, each with its reason', () => {
    const cases: [unknown, RegExp][] = [
      [{ ...base, id: id(1), '@context': 'http://example.org/ctx', target }, /@context/],
      [{ ...base, id: id(2), body: { type: 'TextualBody' }, target }, /value/],
      [{ ...base, id: id(3), body: { type: 'TextualBody', value: 'a' }, bodyValue: 'b', target }, /bodyValue must not be used together with body/],
      [{ ...base, id: id(4), target: { ...target, styleClass: 'x' } }, /stylesheet/],
      [{ ...base, id: id(5), target: { source: 'https://elsewhere.example/blog/post/', selector: quote } }, /not an article of this site/],
      [{ ...base, id: id(6), target: SITE }, /no TextQuoteSelector|whole page/],
      [{ ...base, id: id(7), target: { source: SITE, selector: { type: 'TextPositionSelector', start: 3, end: 1 } } }, /start must not be after end/],
      [{ ...base, id: 'just-a-name', target }, /id: must be an IRI/],
      [{ ...base, id: id(9), created: '1 March 2026', target }, /created/],
      [{ ...base, id: id(10), target: [target, target] }, /2 targets/],
    ];
    const result = parseAnnotationFile(JSON.stringify(cases.map(([a]) => a)));
    if (!result.ok) throw new Error(result.error);
    expect(result.annotations).toEqual([]);
    cases.forEach(([, reason], i) => expect(result.refused[i]?.reason, String(i)).toMatch(reason));
  });

  it('should read backups made by earlier versions (empty body, no stylesheet, flat selectors)', () => {
    const a = makeAnnotation('remain and expand', { colour: 'blue' });
    const [fragment, quoteSel] = a.target.selector as unknown as [Record<string, unknown>, Record<string, unknown>];
    const { refinedBy, ...plainFragment } = fragment;
    const { stylesheet: _s, ...rest } = a;
    const legacy = { ...rest, body: [], target: { ...a.target, selector: [plainFragment, refinedBy, quoteSel] } };
    const result = parseAnnotationFile(JSON.stringify([legacy]));
    if (!result.ok) throw new Error(result.error);
    expect(result.refused).toEqual([]);
    expect(result.annotations[0]).toEqual(a);
  });
});

describe('backups', () => {
  it('should import again an export of the most annotations the store holds, with long notes', () => {
    const note = 'A long note. '.repeat(40);
    const one = makeAnnotation('Raqqa headquarters', { note, tags: ['one', 'two', 'three'] });
    const list = Array.from({ length: 20_000 }, (_, i) => ({ ...one, id: id(i) }));
    const text = serializeCollection(toCollection(list, { id: id(99_999) }));
    const result = parseAnnotationFile(text);
    if (!result.ok) throw new Error(result.error);
    expect(result.refused).toEqual([]);
    expect(result.annotations).toHaveLength(20_000);
  }, 60_000);
});
