import { describe, expect, it } from 'vitest';
import { editAnnotation, IMPORT_BYTES, noteOf } from '../../src/annotations/model';
import { toCollection, toMarkdown } from '../../src/annotations/export';
import { describeImport, parseAnnotationFile, planMerge } from '../../src/annotations/import';
import { makeAnnotation } from './annotation-helpers';

const fileOf = (items: unknown[]) => JSON.stringify({ ...toCollection([], { id: 'urn:x' }), total: items.length, first: { type: 'AnnotationPage', items } });

describe('parseAnnotationFile', () => {
  it('should accept what the notebook exports', () => {
    const a = makeAnnotation('remain and expand', { note: 'n' });
    const result = parseAnnotationFile(JSON.stringify(toCollection([a], { id: 'urn:x' })));
    expect(result).toEqual({ ok: true, annotations: [a], refused: [], notices: [], positions: new Map([[a.id, 1]]) });
  });

  it('should say a file with no annotations holds none, rather than import nothing silently', () => {
    for (const empty of ['[]', JSON.stringify(toCollection([], { id: 'urn:x' }))]) {
      expect(parseAnnotationFile(empty)).toEqual({ ok: false, error: 'The file holds no annotations. Nothing was imported.' });
    }
  });

  it('should name a missing field as missing, not as "Invalid input"', () => {
    const { '@context': _, ...bare } = toCollection([makeAnnotation('remain and expand')], { id: 'urn:x' });
    expect(parseAnnotationFile(JSON.stringify(bare))).toEqual({
      ok: false,
      error: 'The annotation collection is malformed: @context: missing. Nothing was imported.',
    });
  });

  it('should give each annotation its place in the file, for refusals made after reading', () => {
    const [a, b] = [makeAnnotation('remain and expand'), makeAnnotation('agile attacks')];
    const result = parseAnnotationFile(JSON.stringify([{ type: 'nonsense' }, a, b]));
    expect(result.ok && [result.positions.get(a.id), result.positions.get(b.id)]).toEqual([2, 3]);
  });

  it('should also accept a bare list of annotations or a single one', () => {
    const a = makeAnnotation('remain and expand');
    expect(parseAnnotationFile(JSON.stringify([a]))).toMatchObject({ ok: true, annotations: [a] });
    expect(parseAnnotationFile(JSON.stringify(a))).toMatchObject({ ok: true, annotations: [a] });
  });

  it('should refuse a file that is not JSON, saying so', () => {
    const result = parseAnnotationFile('{"type": "AnnotationCollection",');
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON.*Nothing was imported/) });
  });

  it('should say in the reader’s words what a file that is not JSON is, never quoting the parser', () => {
    const notExport = 'This file is not a Dossier or W3C Web Annotation export';
    const cases: [string, string][] = [
      ['\uFFFDPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', `${notExport}: it is not JSON but a PNG image.`],
      ['%PDF-1.7\n%\uFFFD\uFFFD', `${notExport}: it is not JSON but a PDF document.`],
      ['# Dossier annotations\n\n## BBC: x\n', `${notExport}: it is not JSON but Markdown without the annotation records a Markdown export ends with`],
      ['<!DOCTYPE html><html></html>', `${notExport}: it is not JSON but an HTML page.`],
      ['\u0000\u0001\u0002binary', `${notExport}: it is not JSON, nor text of any kind.`],
      ['id,quote\n1,remain', `${notExport}: it is not JSON (it starts “id,quote 1,remain…”).`],
      ['  \n', `${notExport}: it is empty.`],
    ];
    for (const [text, reason] of cases) {
      const result = parseAnnotationFile(text);
      expect(result.ok).toBe(false);
      const error = (result as { error: string }).error;
      expect(error.startsWith(reason), error).toBe(true);
      expect(error).toContain('Export (W3C JSON-LD)');
      expect(error).toMatch(/Nothing was imported\.$/);
      expect(error).not.toMatch(/Unexpected token|is not valid JSON \(/);
    }
  });

  it('should say where broken JSON breaks: cut short, or at a line and column', () => {
    expect(parseAnnotationFile('{"type": "AnnotationCollection",')).toMatchObject({
      ok: false,
      error: 'The file is not valid JSON: it ends before its data is complete, so it may have been cut short. Nothing was imported.',
    });
    expect(parseAnnotationFile('[\n  {"id": 1},\n  {id: 2}\n]')).toMatchObject({
      ok: false,
      error: 'The file is not valid JSON: it has an error at line 3, column 4; it may have been edited by hand or damaged. Nothing was imported.',
    });
    // Where the parser does not say where, neither does the message (and it never quotes the parser).
    expect(parseAnnotationFile('[\n  {"id": oops}\n]')).toMatchObject({
      ok: false,
      error: 'The file is not valid JSON: it has an error; it may have been edited by hand or damaged. Nothing was imported.',
    });
  });

  it('should refuse JSON that is not an annotation file', () => {
    expect(parseAnnotationFile('{"hello": "world"}')).toMatchObject({ ok: false, error: expect.stringMatching(/not an annotation file/) });
    expect(parseAnnotationFile('42')).toMatchObject({ ok: false });
    expect(parseAnnotationFile('null')).toMatchObject({ ok: false });
  });

  it('should refuse files over the limit before parsing them', () => {
    const result = parseAnnotationFile('[]', IMPORT_BYTES + 1);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/over 48\.8 MB are refused/) });
  });

  it('should refuse a file with a __proto__ key anywhere', () => {
    const a = makeAnnotation('remain and expand');
    const text = JSON.stringify(toCollection([a], { id: 'urn:x' })).replace('"motivation":', '"__proto__":{"polluted":true},"motivation":');
    const result = parseAnnotationFile(text);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/"__proto__" key/) });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // in the collection's own keys, and in a Markdown export's records
    const outer = JSON.stringify(toCollection([a], { id: 'urn:x' })).replace('"label":', '"constructor":{"x":1},"label":');
    expect(parseAnnotationFile(outer)).toMatchObject({ ok: false, error: expect.stringMatching(/"constructor" key/) });
    const md = toMarkdown([a], { origin: 'https://dossier.example', articles: new Map() }).replace('"motivation":', '"__proto__":{"polluted":true},"motivation":');
    expect(parseAnnotationFile(md)).toMatchObject({ ok: false, error: expect.stringMatching(/"__proto__" key/) });
  });

  it('should refuse items of the wrong types one by one, keeping the valid ones', () => {
    const good = makeAnnotation('remain and expand');
    const badType = { ...makeAnnotation('Raqqa headquarters'), created: 12 };
    const noStylesheet = { ...makeAnnotation('agile attacks'), stylesheet: undefined, target: { ...good.target, styleClass: 'red' } };
    const result = parseAnnotationFile(fileOf([good, badType, 'just a string', noStylesheet]));
    if (!result.ok) throw new Error(result.error);
    expect(result.annotations).toEqual([good]);
    expect(result.refused.map((r) => [r.item, r.reason.split(':')[0]])).toEqual([
      [2, 'created'],
      [3, 'annotation'],
      [4, 'stylesheet'],
    ]);
  });

  it('should refuse script URLs as sources, and keep unknown keys as inert data', () => {
    const a = makeAnnotation('remain and expand');
    const js = { ...a, target: { ...a.target, source: 'javascript:alert(1)' } };
    const extra = { ...makeAnnotation('Raqqa headquarters'), onload: 'alert(1)' };
    const result = parseAnnotationFile(fileOf([js, extra]));
    if (!result.ok) throw new Error(result.error);
    expect(result.annotations).toEqual([extra]);
    expect(result.refused[0]!.reason).toMatch(/target\.source: javascript:alert\(1\) is not an article of this site/);
  });

  it('should keep script in notes as plain text and say so', () => {
    const a = makeAnnotation('remain and expand', { note: '<script>alert(1)</script><img src=x onerror=alert(2)>' });
    const result = parseAnnotationFile(fileOf([a]));
    if (!result.ok) throw new Error(result.error);
    expect(noteOf(result.annotations[0]!)).toBe('<script>alert(1)</script><img src=x onerror=alert(2)>');
    expect(result.notices).toEqual(['1 note contains HTML markup; it is kept as plain text and never run.']);
  });

  it('should keep the newer of two items with the same id', () => {
    const a = makeAnnotation('remain and expand', { note: 'old' });
    const b = editAnnotation(a, { note: 'new', tags: [], colour: 'blue' }, new Date('2027-01-01T00:00:00Z'));
    const result = parseAnnotationFile(fileOf([b, a]));
    expect(result.ok && result.annotations.map(noteOf)).toEqual(['new']);
  });

  it('should check the hostile fixture files', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const dir = new URL('../fixtures/anchoring/imports/', import.meta.url);
    const files = (await readdir(dir)).filter((f) => f.startsWith('hostile-'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const result = parseAnnotationFile(await readFile(new URL(file, dir), 'utf8'));
      // Every hostile file is refused outright, or yields no annotation that carries the attack.
      if (result.ok) expect(result.refused.length + result.notices.length, file).toBeGreaterThan(0);
    }
  });
});

describe('planMerge', () => {
  it('should add new ids, replace older copies and leave newer or equal ones', () => {
    const a = makeAnnotation('remain and expand', { note: 'a' });
    const b = makeAnnotation('Raqqa headquarters', { note: 'b' });
    const c = makeAnnotation('agile attacks', { note: 'c' });
    const newerB = editAnnotation(b, { note: 'b2', tags: [], colour: 'yellow' }, new Date('2027-01-01T00:00:00Z'));
    const olderC = { ...c, modified: '2020-01-01T00:00:00.000Z', body: [] };
    const d = makeAnnotation('underground resistance');
    const plan = planMerge([a, b, c], [a, newerB, olderC, d]);
    expect(plan.toWrite).toEqual([newerB, d]);
    expect([plan.added, plan.updated, plan.unchanged]).toEqual([1, 1, 2]);
    expect(describeImport(plan, [{ item: 5, reason: 'created: Invalid input' }])).toBe(
      '2 annotations imported (1 new, 1 updated), 2 already here, 1 refused: item 5: created: Invalid input.',
    );
  });
});
