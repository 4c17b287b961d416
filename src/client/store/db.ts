/**
 * The reader's annotations, one IndexedDB record per annotation (through `idb`).
 *
 * - Edits are saved with `saveEdit`: merged field by field with the stored
 *   version in one transaction (see src/annotations/merge.ts), so two tabs never
 *   revert each other's fields.
 * - A deletion leaves a tombstone: an editor still open in another tab cannot
 *   bring the annotation back by saving (only Undo and an explicit import can).
 * - Other tabs hear of every write through a BroadcastChannel and reload.
 * - Each record carries its article's path and passage id, indexed (./record): an
 *   article page reads its own annotations, not the whole store, and can read those
 *   of the passages on screen before the rest.
 * - When IndexedDB cannot be used (private browsing, blocked storage) the store
 *   falls back to memory and says so: the page keeps working for this visit.
 * - Write failures (storage full) reject with a message for people; what was
 *   already stored is untouched, as each write is its own transaction.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { mergeEdit } from '../../annotations/merge';
import { articlePathOf, editAnnotation, passageIdOf, upgradeRecord, type Annotation, type AnnotationContent } from '../../annotations/model';
import { ARTICLE_INDEX, ARTICLE_KEY, channelFor, DB_NAME, PASSAGE_INDEX, PASSAGE_KEY, STORE_NAME as STORE, TOMBSTONES } from './names';
import { fromStored, toStored, type StoredAnnotation } from './record';

interface Tombstone {
  id: string;
  deleted: string;
}

interface AnnotationDB extends DBSchema {
  annotations: { key: string; value: StoredAnnotation; indexes: { [ARTICLE_INDEX]: string; [PASSAGE_INDEX]: [string, string] } };
  tombstones: { key: string; value: Tombstone };
}

/** What saving an edit did. */
export interface SavedEdit {
  annotation: Annotation;
  /** Fields another tab had changed meanwhile, kept as that tab left them. */
  keptFromOthers: (keyof AnnotationContent)[];
}

/** Saving an edit of an annotation that another tab deleted meanwhile. */
export class DeletedElsewhereError extends Error {
  override name = 'DeletedElsewhereError';
  constructor() {
    super('This annotation was deleted in another tab, so your changes were not saved.');
  }
}

/** What other tabs are told. */
export interface StoreChange {
  ids: string[];
  deleted: boolean;
}

export { DB_NAME };

export interface AnnotationStore {
  /** False when annotations only last until the tab is closed. */
  readonly persistent: boolean;
  /** Why the store is not persistent, for the reader. */
  readonly problem: string | null;
  list(): Promise<Annotation[]>;
  /** Annotations of one article page (by path, whatever host they were made on). */
  listForPath(path: string): Promise<Annotation[]>;
  /** Those of the page's annotations that name one of these passages (a page reads what is on screen first). */
  listForPassages(path: string, passageIds: Iterable<string>): Promise<Annotation[]>;
  get(id: string): Promise<Annotation | undefined>;
  /** Writes a new annotation, or brings a deleted one back (Undo). */
  put(annotation: Annotation): Promise<void>;
  /** All or nothing: one transaction (imports: they may bring deleted annotations back). */
  putMany(annotations: readonly Annotation[]): Promise<void>;
  /**
   * Saves `content` as an edit of `base` (the version the editor opened),
   * merged with what is stored now. Rejects with DeletedElsewhereError if it was deleted.
   */
  saveEdit(base: Annotation, content: AnnotationContent, now: Date): Promise<SavedEdit>;
  remove(id: string): Promise<void>;
  /** Called when another tab changed the store. Returns an unsubscribe function. */
  subscribe(listener: (change: StoreChange) => void): () => void;
  close(): void;
}

export class StoreError extends Error {}

let persistAsked = false;

/**
 * Once per page, when the reader first saves: ask the browser not to evict the store under
 * storage pressure (the annotations exist nowhere else). A refusal changes nothing else.
 */
function askToPersist() {
  if (persistAsked) return;
  persistAsked = true;
  void globalThis.navigator?.storage?.persist?.().catch(() => false);
}

export async function openAnnotationStore(name = DB_NAME): Promise<AnnotationStore> {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
    const db = await openDB<AnnotationDB>(name, 4, {
      upgrade(database, oldVersion, _newVersion, transaction) {
        if (oldVersion < 1) database.createObjectStore(STORE, { keyPath: 'id' });
        if (oldVersion < 2) database.createObjectStore(TOMBSTONES, { keyPath: 'id' });
        const annotations = transaction.objectStore(STORE);
        if (oldVersion < 3) annotations.createIndex(ARTICLE_INDEX, ARTICLE_KEY);
        if (oldVersion < 4) annotations.createIndex(PASSAGE_INDEX, [ARTICLE_KEY, PASSAGE_KEY]);
        // Records of older versions get the keys the indexes need, so that they hold them too.
        // Part of the upgrade's transaction: the store opens once they are all rewritten.
        if (oldVersion >= 1 && oldVersion < 4) {
          void annotations.getAll().then((records) => {
            for (const r of records) if (r?.target) void annotations.put(toStored(fromStored(r)));
          });
        }
      },
      // A newer version of the site opened in another tab: let it upgrade.
      blocking() {
        db.close();
      },
    });
    return new IndexedDbStore(db, name);
  } catch {
    return new MemoryStore(
      'This browser is not letting the site store annotations (private browsing, or storage is blocked). ' +
        'Highlights and notes will last until you close this tab: export them from the notebook to keep them.',
    );
  }
}

class IndexedDbStore implements AnnotationStore {
  readonly persistent = true;
  readonly problem = null;
  private readonly channel: BroadcastChannel | null;
  private readonly listeners = new Set<(change: StoreChange) => void>();

  constructor(
    private readonly db: IDBPDatabase<AnnotationDB>,
    name: string,
  ) {
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelFor(name)) : null;
    this.channel?.addEventListener('message', (event: MessageEvent) => {
      const data = event.data as Partial<StoreChange> | null;
      const change = { ids: Array.isArray(data?.ids) ? data.ids.map(String) : [], deleted: data?.deleted === true };
      this.listeners.forEach((l) => l(change));
    });
  }

  async list() {
    return (await this.db.getAll(STORE)).map(read);
  }

  async listForPath(path: string) {
    return (await this.db.getAllFromIndex(STORE, ARTICLE_INDEX, path)).map(read);
  }

  async listForPassages(path: string, passageIds: Iterable<string>) {
    const index = this.db.transaction(STORE).store.index(PASSAGE_INDEX);
    const found = await Promise.all([...new Set(passageIds)].map((id) => index.getAll([path, id])));
    return found.flat().map(read);
  }

  async get(id: string) {
    const found = await this.db.get(STORE, id);
    return found && read(found);
  }

  async put(annotation: Annotation) {
    await this.putMany([annotation]);
  }

  async putMany(annotations: readonly Annotation[]) {
    if (annotations.length === 0) return;
    askToPersist();
    await this.write({ ids: annotations.map((a) => a.id), deleted: false }, async () => {
      const tx = this.db.transaction([STORE, TOMBSTONES], 'readwrite');
      // If any put fails the transaction aborts and none is kept. A put can also
      // throw synchronously (a value that cannot be stored): abort by hand then.
      const puts: Promise<unknown>[] = [];
      try {
        for (const a of annotations) {
          puts.push(tx.objectStore(STORE).put(toStored(a)), tx.objectStore(TOMBSTONES).delete(a.id));
        }
      } catch (error) {
        for (const put of puts) put.catch(() => {});
        tx.abort();
        await tx.done.catch(() => {});
        throw error;
      }
      await Promise.all([...puts, tx.done]);
    });
  }

  async saveEdit(base: Annotation, content: AnnotationContent, now: Date): Promise<SavedEdit> {
    let saved: SavedEdit | undefined;
    await this.write({ ids: [base.id], deleted: false }, async () => {
      // Read, merge and write in one transaction: no other tab can write in between.
      const tx = this.db.transaction([STORE, TOMBSTONES], 'readwrite');
      const [stored, tombstone] = await Promise.all([tx.objectStore(STORE).get(base.id), tx.objectStore(TOMBSTONES).get(base.id)]);
      if (!stored || tombstone) {
        tx.abort();
        await tx.done.catch(() => {});
        throw new DeletedElsewhereError();
      }
      const current = read(stored);
      const merged = mergeEdit(base, content, current);
      const annotation = editAnnotation(current, merged.content, now);
      await Promise.all([tx.objectStore(STORE).put(toStored(annotation)), tx.done]);
      saved = { annotation, keptFromOthers: merged.keptFromOthers };
    });
    return saved!;
  }

  async remove(id: string) {
    await this.write({ ids: [id], deleted: true }, async () => {
      const tx = this.db.transaction([STORE, TOMBSTONES], 'readwrite');
      await Promise.all([tx.objectStore(STORE).delete(id), tx.objectStore(TOMBSTONES).put({ id, deleted: new Date().toISOString() }), tx.done]);
    });
  }

  subscribe(listener: (change: StoreChange) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close() {
    this.channel?.close();
    this.db.close();
  }

  private async write(change: StoreChange, run: () => Promise<unknown>) {
    try {
      await run();
    } catch (error) {
      if (error instanceof DeletedElsewhereError) throw error;
      throw new StoreError(describeWriteError(error));
    }
    this.channel?.postMessage(change);
  }
}

/** A stored record as the rest of the site sees it: the W3C annotation, in the current shape. */
const read = (record: StoredAnnotation) => upgradeRecord(fromStored(record));

class MemoryStore implements AnnotationStore {
  readonly persistent = false;
  private readonly records = new Map<string, Annotation>();
  private readonly tombstones = new Set<string>();

  constructor(readonly problem: string) {}

  async list() {
    return [...this.records.values()].map((a) => structuredClone(a));
  }
  async listForPath(path: string) {
    return (await this.list()).filter((a) => articlePathOf(a) === path);
  }
  async listForPassages(path: string, passageIds: Iterable<string>) {
    const ids = new Set(passageIds);
    return (await this.listForPath(path)).filter((a) => ids.has(passageIdOf(a)));
  }
  async get(id: string) {
    const a = this.records.get(id);
    return a && structuredClone(a);
  }
  async put(annotation: Annotation) {
    await this.putMany([annotation]);
  }
  async putMany(annotations: readonly Annotation[]) {
    const copies = annotations.map((a) => structuredClone(a));
    for (const a of copies) {
      this.records.set(a.id, a);
      this.tombstones.delete(a.id);
    }
  }
  async saveEdit(base: Annotation, content: AnnotationContent, now: Date): Promise<SavedEdit> {
    const stored = this.records.get(base.id);
    if (!stored || this.tombstones.has(base.id)) throw new DeletedElsewhereError();
    const merged = mergeEdit(base, content, stored);
    const annotation = editAnnotation(stored, merged.content, now);
    this.records.set(annotation.id, structuredClone(annotation));
    return { annotation, keptFromOthers: merged.keptFromOthers };
  }
  async remove(id: string) {
    this.records.delete(id);
    this.tombstones.add(id);
  }
  subscribe() {
    return () => {};
  }
  close() {}
}

function describeWriteError(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') {
    return 'Your browser’s storage for this site is full, so this change was not saved. Your earlier annotations are safe; export them from the notebook, then free some space.';
  }
  return `This change could not be saved (${(error as Error)?.message || name || 'unknown error'}). Your earlier annotations are safe.`;
}
