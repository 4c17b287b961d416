/**
 * The normaliser's memory between runs, so that adding one article to a thousand normalises
 * one article. Per article: a hash of everything its output depends on (the source's bytes,
 * its manifest entry, the normaliser's code and the packages installed), a hash of the output
 * it gave, and the report printed about it. An article is taken as it is on disk only when
 * both still match: the same inputs, and the output file as the normaliser left it (an output
 * edited by hand, deleted or restored from git is normalised again). Anything else, including
 * a cache that cannot be read, means normalising as if there were none.
 *
 * Sound because normalising is a fixed point: the previous output is the id memory, and
 * normalising unchanged inputs against their own output gives that output again, which is what
 * `npm run normalize -- --check` (in CI, on a fresh clone: no cache) verifies. The cache holds
 * only the articles of the last run and is written atomically.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** Bump when the file's layout changes. */
const FORMAT = 1;
/**
 * The code an output depends on: the normaliser, the corpus and contract modules it uses, and
 * the installed packages; paths in the project this file belongs to (not the dossier's root).
 */
const CODE = ['scripts/normalize', 'src/corpus', 'src/contract', 'package-lock.json'];
const PROJECT = resolve(import.meta.dirname, '../..');

export const NORMALIZE_CACHE_FILE = 'normalize.json';
/** $DOSSIER_CACHE_DIR (as for the build's caches: a scratch project keeps its own), else node_modules/.cache/dossier. */
export const defaultCacheDir = (root: string) => process.env.DOSSIER_CACHE_DIR ?? join(root, 'node_modules', '.cache', 'dossier');

export interface Remembered<Report> {
  /** Hash of the source's bytes, its manifest entry and the code. */
  inputs: string;
  /** Hash of the output written. */
  output: string;
  report: Report;
}

interface CacheFile<Report> {
  format: number;
  articles: Record<string, Remembered<Report>>;
}

export const hash = (...parts: (string | Uint8Array)[]) => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('base64url');
};

/** One hash of the code in CODE (files read in a stable order, folders walked without recursion). */
export async function codeVersion(root = PROJECT): Promise<string> {
  const files: string[] = [];
  const queue = [...CODE];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const entries = await readdir(join(root, next), { withFileTypes: true }).catch(() => null);
    if (!entries) {
      files.push(next);
      continue;
    }
    for (const entry of entries) queue.push(`${next}/${entry.name}`);
  }
  files.sort();
  const h = createHash('sha256');
  for (const file of files) {
    const bytes = await readFile(join(root, file)).catch(() => null);
    if (bytes) h.update(file).update('\0').update(bytes).update('\0');
  }
  return h.digest('base64url');
}

export class NormalizeCache<Report> {
  readonly #path: string;
  readonly #before: Record<string, Remembered<Report>>;
  readonly #after: Record<string, Remembered<Report>> = {};

  private constructor(path: string, before: Record<string, Remembered<Report>>) {
    this.#path = path;
    this.#before = before;
  }

  /** The cache in `dir` (empty when missing, unreadable or of another format). */
  static async open<Report>(dir: string): Promise<NormalizeCache<Report>> {
    const path = join(dir, NORMALIZE_CACHE_FILE);
    let before: Record<string, Remembered<Report>> = {};
    try {
      const file = JSON.parse(await readFile(path, 'utf8')) as CacheFile<Report>;
      if (file.format === FORMAT && file.articles && typeof file.articles === 'object') before = file.articles;
    } catch {
      /* no memory: normalise everything */
    }
    return new NormalizeCache(path, before);
  }

  /** The report of `slug`, when its inputs are these and its output on disk is the one remembered. */
  recall(slug: string, inputs: string, outputOnDisk: string | null): Report | null {
    const remembered = Object.hasOwn(this.#before, slug) ? this.#before[slug] : undefined;
    if (!remembered || outputOnDisk === null || remembered.inputs !== inputs || remembered.output !== hash(outputOnDisk)) return null;
    this.#after[slug] = remembered;
    return remembered.report;
  }

  remember(slug: string, inputs: string, output: string, report: Report): void {
    this.#after[slug] = { inputs, output: hash(output), report };
  }

  /** Writes this run's articles (only them), atomically. */
  async save(): Promise<void> {
    const file: CacheFile<Report> = { format: FORMAT, articles: this.#after };
    await mkdir(dirname(this.#path), { recursive: true });
    const temporary = `${this.#path}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(file));
    await rename(temporary, this.#path);
  }
}
