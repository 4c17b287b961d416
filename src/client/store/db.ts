/**
 * The reader's annotations, one IndexedDB record per annotation (through `idb`).
 *
 * - Other tabs hear of every write through a BroadcastChannel and reload.
 * - When IndexedDB cannot be used (private browsing, blocked storage) the store
 *   falls back to memory and says so: the page keeps working for this visit.
 * - Write failures (storage full) reject with a message for people; what was
 *   already stored is untouched, as each write is its own transaction.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { articlePathOf, upgradeRecord, type Annotation } from '../../annotations/model';

interface AnnotationDB extends DBSchema {
  annotations: { key: string; value: Annotation };
}

import { channelFor, DB_NAME, STORE_NAME as STORE } from './names';

export { DB_NAME };

export interface AnnotationStore {
  /** False when annotations only last until the tab is closed. */
  readonly persistent: boolean;
  /** Why the store is not persistent, for the reader. */
  readonly problem: string | null;
  list(): Promise<Annotation[]>;
  /** Annotations of one article page (by path, whatever host they were made on). */
  listForPath(path: string): Promise<Annotation[]>;
  get(id: string): Promise<Annotation | undefined>;
  put(annotation: Annotation): Promise<void>;
  /** All or nothing: one transaction. */
  putMany(annotations: readonly Annotation[]): Promise<void>;
  remove(id: string): Promise<void>;
  /** Called when another tab changed the store. Returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  close(): void;
}

export class StoreError extends Error {}

export async function openAnnotationStore(name = DB_NAME): Promise<AnnotationStore> {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
    const db = await openDB<AnnotationDB>(name, 1, {
      upgrade(database) {
        database.createObjectStore(STORE, { keyPath: 'id' });
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
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly db: IDBPDatabase<AnnotationDB>,
    name: string,
  ) {
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelFor(name)) : null;
    this.channel?.addEventListener('message', () => this.listeners.forEach((l) => l()));
  }

  async list() {
    return (await this.db.getAll(STORE)).map(upgradeRecord);
  }

  async listForPath(path: string) {
    return (await this.list()).filter((a) => articlePathOf(a) === path);
  }

  async get(id: string) {
    const found = await this.db.get(STORE, id);
    return found && upgradeRecord(found);
  }

  async put(annotation: Annotation) {
    await this.write(async () => {
      await this.db.put(STORE, annotation);
    });
  }

  async putMany(annotations: readonly Annotation[]) {
    if (annotations.length === 0) return;
    await this.write(async () => {
      const tx = this.db.transaction(STORE, 'readwrite');
      // If any put fails the transaction aborts and none is kept. A put can also
      // throw synchronously (a value that cannot be stored): abort by hand then.
      const puts: Promise<unknown>[] = [];
      try {
        for (const a of annotations) puts.push(tx.store.put(a));
      } catch (error) {
        for (const put of puts) put.catch(() => {});
        tx.abort();
        await tx.done.catch(() => {});
        throw error;
      }
      await Promise.all([...puts, tx.done]);
    });
  }

  async remove(id: string) {
    await this.write(() => this.db.delete(STORE, id));
  }

  subscribe(listener: () => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close() {
    this.channel?.close();
    this.db.close();
  }

  private async write(run: () => Promise<unknown>) {
    try {
      await run();
    } catch (error) {
      throw new StoreError(describeWriteError(error));
    }
    this.channel?.postMessage('changed');
  }
}

class MemoryStore implements AnnotationStore {
  readonly persistent = false;
  private readonly records = new Map<string, Annotation>();

  constructor(readonly problem: string) {}

  async list() {
    return [...this.records.values()].map((a) => structuredClone(a));
  }
  async listForPath(path: string) {
    return (await this.list()).filter((a) => articlePathOf(a) === path);
  }
  async get(id: string) {
    const a = this.records.get(id);
    return a && structuredClone(a);
  }
  async put(annotation: Annotation) {
    this.records.set(annotation.id, structuredClone(annotation));
  }
  async putMany(annotations: readonly Annotation[]) {
    const copies = annotations.map((a) => structuredClone(a));
    for (const a of copies) this.records.set(a.id, a);
  }
  async remove(id: string) {
    this.records.delete(id);
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
