import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCollection } from '../../src/annotations/export';
import { checkPublishedAnnotations, loadPublishedAnnotations, notesByPassage, type PassageLike } from '../../src/corpus/published-notes';
import { scratchDir } from '../scratch';
import { makeAnnotation, passages } from './annotation-helpers';

const corpus = new Map<string, PassageLike>(passages.map((p, order) => [p.id, { ...p, article: 'cnn-isis-2-0', order }]));
const file = (name: string, ...annotations: ReturnType<typeof makeAnnotation>[]) => ({
  name,
  text: JSON.stringify(toCollection(annotations, { id: 'urn:x' })),
});

describe('checkPublishedAnnotations', () => {
  it('should anchor valid notes and return them in passage order', () => {
    const late = makeAnnotation('agile attacks, mobility and surprise', { note: 'A return to insurgency.', tags: ['insurgency'] });
    const early = makeAnnotation('remain and expand', { note: 'The motto.' });
    const notes = checkPublishedAnnotations([file('editors.json', late, early)], corpus);
    expect(notes.map((n) => [n.passageId, n.quote, n.note, n.method])).toEqual([
      ['cnn-4dd3d1', 'remain and expand', 'The motto.', 'position'],
      ['cnn-955440', 'agile attacks, mobility and surprise', 'A return to insurgency.', 'position'],
    ]);
    expect([...notesByPassage(notes).keys()]).toEqual(['cnn-4dd3d1', 'cnn-955440']);
  });

  it('should fail with the file and id of a note that no longer anchors', () => {
    const gone = makeAnnotation('remain and expand', { id: 'urn:uuid:99999999-9999-4999-8999-999999999999' });
    const rebuilt = new Map([...corpus].map(([id, p]) => [id, id === 'cnn-4dd3d1' ? { ...p, text: 'Rewritten entirely.' } : p]));
    expect(() => checkPublishedAnnotations([file('editors.json', gone)], rebuilt)).toThrow(
      /editors\.json: annotation urn:uuid:99999999-9999-4999-8999-999999999999 cannot be anchored: the quote "remain and expand"/,
    );
  });

  it('should fail on invalid files and unknown articles, listing every problem', () => {
    const a = makeAnnotation('remain and expand');
    const elsewhere = { ...a, id: 'urn:uuid:88888888-8888-4888-8888-888888888888', target: { ...a.target, source: 'https://x.example/about/' } };
    let message = '';
    try {
      checkPublishedAnnotations([{ name: 'broken.json', text: '{' }, file('other.json', elsewhere)], corpus);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/broken\.json: The file is not valid JSON/);
    expect(message).toMatch(/other\.json: item 1 \(urn:uuid:8888.*not an article of this site/);
  });

  it('should follow retired passage ids', () => {
    const a = makeAnnotation('remain and expand', { passageId: 'cnn-4dd3d1' });
    const moved = new Map([...corpus].filter(([id]) => id !== 'cnn-4dd3d1'));
    moved.set('cnn-4dd3d2', { ...corpus.get('cnn-4dd3d1')!, id: 'cnn-4dd3d2', text: `Now merged. ${corpus.get('cnn-4dd3d1')!.text}` });
    const [note] = checkPublishedAnnotations([file('e.json', a)], moved, new Map([['cnn-4dd3d1', 'cnn-4dd3d2']]));
    expect(note).toMatchObject({ passageId: 'cnn-4dd3d2', method: 'quote' });
  });
});

describe('loadPublishedAnnotations', () => {
  it('should read every JSON file of the folder, and treat a missing folder as no notes', async () => {
    const dir = scratchDir('dossier-published');
    await writeFile(join(dir, 'a.json'), file('a.json', makeAnnotation('remain and expand', { note: 'x' })).text);
    await writeFile(join(dir, 'README.md'), 'not json');
    expect(await loadPublishedAnnotations(dir, corpus)).toHaveLength(1);
    expect(await loadPublishedAnnotations(join(dir, 'missing'), corpus)).toEqual([]);
  });
});
