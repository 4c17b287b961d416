import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { colourOf, editAnnotation, noteOf, tagsOf } from '../../src/annotations/model';
import { openDB } from 'idb';
import { ARTICLE_KEY, PASSAGE_KEY } from '../../src/client/store/names';
import { passageIdOf } from '../../src/annotations/model';
import { DeletedElsewhereError, openAnnotationStore, StoreError, type AnnotationStore, type StoreChange } from '../../src/client/store/db';
import { makeAnnotation } from './annotation-helpers';

let opened: AnnotationStore[] = [];
let dbCount = 0;
async function open(name = `test-${++dbCount}`) {
  const store = await openAnnotationStore(name);
  opened.push(store);
  return store;
}
afterEach(() => {
  opened.forEach((s) => s.close());
  opened = [];
});

describe('openAnnotationStore', () => {
  it('should ask the browser to keep the store (persistent storage) when the first annotation is saved, once', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persist } });
    try {
      const store = await open();
      expect(persist).not.toHaveBeenCalled();
      await store.put(makeAnnotation('remain and expand'));
      await store.put(makeAnnotation('agile attacks'));
      expect(persist).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('should keep one record per annotation and find them by article path', async () => {
    const store = await open();
    expect(store.persistent).toBe(true);
    const a = makeAnnotation('remain and expand');
    const other = { ...makeAnnotation('agile attacks'), target: { ...a.target, source: 'http://x.example/articles/bbc-returning-fighters/' } };
    await store.put(a);
    await store.put(other);
    expect(await store.get(a.id)).toEqual(a);
    expect(await store.listForPath('/articles/cnn-isis-2-0/')).toEqual([a]);
    const edited = editAnnotation(a, { note: 'n', tags: [], colour: 'blue' }, new Date());
    await store.put(edited);
    expect(await store.list()).toHaveLength(2);
    await store.remove(a.id);
    expect(await store.list()).toEqual([other]);
  });

  it('should keep annotations when the store is reopened', async () => {
    const first = await open('reopen');
    const a = makeAnnotation('remain and expand');
    await first.put(a);
    first.close();
    const second = await open('reopen');
    expect(await second.list()).toEqual([a]);
  });

  it('should write all of putMany or nothing', async () => {
    const store = await open();
    const kept = makeAnnotation('remain and expand');
    await store.put(kept);
    const good = makeAnnotation('agile attacks');
    // A function cannot be stored: the second put fails, so the transaction aborts.
    const bad = { ...makeAnnotation('Raqqa headquarters'), oops: () => 1 } as never;
    await expect(store.putMany([good, bad])).rejects.toBeInstanceOf(StoreError);
    expect(await store.list()).toEqual([kept]);
  });

  it('should tell other tabs about a change', async () => {
    const tabA = await open('tabs');
    const tabB = await open('tabs');
    const heard = new Promise<StoreChange>((resolve) => tabB.subscribe(resolve));
    const a = makeAnnotation('remain and expand');
    await tabA.put(a);
    expect(await heard).toEqual({ ids: [a.id], deleted: false });
    expect(await tabB.list()).toHaveLength(1);
  });

  it('should merge an edit field by field with what another tab saved since the editor opened', async () => {
    const tabA = await open('merge');
    const tabB = await open('merge');
    const a = makeAnnotation('remain and expand', { note: 'first', tags: ['x'], colour: 'yellow' });
    await tabA.put(a);
    const openedInB = (await tabB.get(a.id))!;
    // Tab A changes colour, note and tag; tab B, from its stale copy, changes only the note.
    await tabA.saveEdit(a, { colour: 'blue', note: 'from A', tags: ['y'] }, new Date('2027-01-01T00:00:00Z'));
    const saved = await tabB.saveEdit(openedInB, { colour: 'yellow', note: 'from B', tags: ['x'] }, new Date('2027-01-01T00:00:01Z'));
    expect(saved.keptFromOthers).toEqual(['colour', 'tags']);
    const now = (await tabA.get(a.id))!;
    expect([colourOf(now), noteOf(now), tagsOf(now)]).toEqual(['blue', 'from B', ['y']]);
  });

  it('should not let a stale editor bring back an annotation deleted in another tab; Undo and import can', async () => {
    const tabA = await open('tombstone');
    const tabB = await open('tombstone');
    const a = makeAnnotation('remain and expand', { note: 'n' });
    await tabA.put(a);
    const openedInB = (await tabB.get(a.id))!;
    await tabA.remove(a.id);
    await expect(tabB.saveEdit(openedInB, { colour: 'pink', note: 'late', tags: [] }, new Date())).rejects.toBeInstanceOf(DeletedElsewhereError);
    expect(await tabA.list()).toEqual([]);
    await tabA.put(a);
    expect(await tabB.list()).toEqual([a]);
  });

  it('should read an article page’s annotations through the article index, after edits too, and keep the store’s key out of what it returns', async () => {
    const store = await open('index');
    const a = makeAnnotation('remain and expand');
    const elsewhere = { ...makeAnnotation('agile attacks'), target: { ...a.target, source: 'https://other.example/articles/bbc-returning-fighters/' } };
    const sameArticleOtherHost = { ...makeAnnotation('Raqqa headquarters'), target: { ...a.target, source: 'https://dossier.example/articles/cnn-isis-2-0/' } };
    await store.putMany([a, elsewhere, sameArticleOtherHost]);
    await store.saveEdit(a, { colour: 'green', note: 'edited', tags: [] }, new Date('2027-01-01T00:00:00Z'));
    const found = await store.listForPath('/articles/cnn-isis-2-0/');
    expect(found.map((x) => x.id).sort()).toEqual([a.id, sameArticleOtherHost.id].sort());
    expect(noteOf(found.find((x) => x.id === a.id)!)).toBe('edited');
    for (const x of [...found, ...(await store.list()), (await store.get(a.id))!]) {
      expect(x).not.toHaveProperty(ARTICLE_KEY);
      expect(x).not.toHaveProperty(PASSAGE_KEY);
    }
    expect(await store.listForPath('/articles/bbc-returning-fighters/')).toEqual([elsewhere]);
    await store.remove(a.id);
    expect(await store.listForPath('/articles/cnn-isis-2-0/')).toEqual([sameArticleOtherHost]);
  });

  it('should read the annotations of some passages of a page through the passage index, and no others', async () => {
    const store = await open('passages');
    const first = makeAnnotation('remain and expand');
    const sameFirst = makeAnnotation('remain and expand', { note: 'twice' });
    const second = makeAnnotation('agile attacks');
    const otherPage = { ...makeAnnotation('remain and expand'), target: { ...first.target, source: 'http://127.0.0.1:4400/articles/bbc-returning-fighters/' } };
    expect(passageIdOf(first)).not.toBe(passageIdOf(second));
    await store.putMany([first, sameFirst, second, otherPage]);
    const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
    expect(ids(await store.listForPassages('/articles/cnn-isis-2-0/', [passageIdOf(first)]))).toEqual(ids([first, sameFirst]));
    expect(ids(await store.listForPassages('/articles/cnn-isis-2-0/', new Set([passageIdOf(first), passageIdOf(second)])))).toEqual(ids([first, sameFirst, second]));
    expect(await store.listForPassages('/articles/cnn-isis-2-0/', [])).toEqual([]);
    expect(await store.listForPassages('/articles/cnn-isis-2-0/', ['no-such-passage'])).toEqual([]);
    expect(ids(await store.listForPassages('/articles/bbc-returning-fighters/', [passageIdOf(first)]))).toEqual([otherPage.id]);
    await store.remove(sameFirst.id);
    expect(ids(await store.listForPassages('/articles/cnn-isis-2-0/', [passageIdOf(first)]))).toEqual([first.id]);
  });

  it('should upgrade a version 3 store (article index only), so that the passage index holds its records too', async () => {
    const name = 'from-v3';
    const a = makeAnnotation('remain and expand', { note: 'kept' });
    const old = await openDB(name, 3, {
      upgrade(db) {
        const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
        annotations.createIndex('byArticle', ARTICLE_KEY);
        db.createObjectStore('tombstones', { keyPath: 'id' });
      },
    });
    await old.put('annotations', { ...a, [ARTICLE_KEY]: '/articles/cnn-isis-2-0/' });
    old.close();
    const store = await open(name);
    expect(await store.listForPassages('/articles/cnn-isis-2-0/', [passageIdOf(a)])).toEqual([a]);
    expect(await store.listForPath('/articles/cnn-isis-2-0/')).toEqual([a]);
  });

  it('should upgrade a version 2 store with annotations (older record shapes too) and deletions, losing none', async () => {
    const name = 'from-v2';
    const current = makeAnnotation('remain and expand', { note: 'kept' });
    // The flat selector list of the first version, with an empty body.
    const [fragment, quote] = current.target.selector as [{ refinedBy: unknown }, unknown];
    const { refinedBy, ...flatFragment } = fragment;
    const legacy = { ...makeAnnotation('agile attacks'), body: [], target: { ...current.target, selector: [flatFragment, refinedBy, quote] } };
    const other = { ...makeAnnotation('Raqqa headquarters'), target: { ...current.target, source: 'http://127.0.0.1:4400/articles/bbc-returning-fighters/' } };
    const old = await openDB(name, 2, {
      upgrade(db) {
        db.createObjectStore('annotations', { keyPath: 'id' });
        db.createObjectStore('tombstones', { keyPath: 'id' });
      },
    });
    await Promise.all([current, legacy, other].map((r) => old.put('annotations', r)));
    await old.put('tombstones', { id: 'urn:uuid:deleted', deleted: '2026-01-01T00:00:00.000Z' });
    old.close();

    const store = await open(name);
    expect(store.persistent).toBe(true);
    const onArticle = await store.listForPath('/articles/cnn-isis-2-0/');
    expect(onArticle.map((x) => x.id).sort()).toEqual([current.id, legacy.id].sort());
    expect(onArticle.find((x) => x.id === current.id)).toEqual(current);
    expect(onArticle.find((x) => x.id === legacy.id)).not.toHaveProperty('body');
    expect(await store.listForPath('/articles/bbc-returning-fighters/')).toEqual([other]);
    expect((await store.listForPassages('/articles/cnn-isis-2-0/', [passageIdOf(current)])).map((x) => x.id).sort()).toEqual([current.id, legacy.id].sort());
    expect(await store.list()).toHaveLength(3);
    // The tombstone still stops a stale editor.
    await expect(store.saveEdit({ ...current, id: 'urn:uuid:deleted' }, { colour: 'pink', note: '', tags: [] }, new Date())).rejects.toBeInstanceOf(DeletedElsewhereError);
  });

  it('should fall back to memory, and say why, when IndexedDB is unavailable', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulating a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      const store = await open();
      expect(store.persistent).toBe(false);
      expect(store.problem).toMatch(/not letting the site store annotations.*export/);
      const a = makeAnnotation('remain and expand');
      await store.put(a);
      expect(await store.list()).toEqual([a]);
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
