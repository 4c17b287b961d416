/**
 * The analysis cache: the names found in each passage (curated aliases and compromise's
 * people, places and organisations — about 5–8 ms a passage, most of the analysis) kept
 * between builds, keyed by the hash of the passage's text. A rebuild after adding one
 * article to a thousand re-reads only the new article's passages.
 *
 * The whole cache is dropped when its version changes: the version hashes the curated list
 * (content/entities.yaml as parsed), the code that finds names (src/corpus/entities.ts) and
 * compromise's version, so a rule or code change never serves a stale answer. The file
 * holds only the passages of the last build (it does not grow with edits) and is written
 * atomically (a half-written cache is never read).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { EntitiesFile, EntityKind } from './analysis-schema';
import { nameFinder, type NameFinder, type NameSpan } from './entities';

/** Bump when the file's layout changes. */
const FORMAT = 1;
/** Where the code that finds names lives (hashed into the version when it can be read). */
const FINDER_SOURCES = ['src/corpus/entities.ts'];
export const CACHE_FILE = 'analysis-names.json';

/** Where caches go: $DOSSIER_CACHE_DIR (the build sets it inside Astro's cacheDir), else node_modules/.cache/dossier. */
export const cacheDir = () => process.env.DOSSIER_CACHE_DIR ?? join('node_modules', '.cache', 'dossier');

type Stored = [start: number, end: number, key: string, kind?: EntityKind];
interface CacheFile {
  format: number;
  version: string;
  names: Record<string, Stored[]>;
}

const sha = (text: string) => createHash('sha256').update(text).digest('base64url');

function compromiseVersion(): string {
  try {
    const require = createRequire(join(process.cwd(), 'package.json'));
    return (require('compromise/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** The cache's version for this curated list and this code. */
export function namesCacheVersion(aliases: EntitiesFile, cwd = process.cwd()): string {
  const code = FINDER_SOURCES.map((file) => {
    const path = join(cwd, file);
    // Bundled without its sources (not the usual case): the finder's own text stands in.
    return existsSync(path) ? readFileSync(path, 'utf8') : nameFinder.toString();
  });
  return sha(JSON.stringify([FORMAT, compromiseVersion(), code, aliases]));
}

export interface CachedNameFinder {
  findNames: NameFinder;
  /** Writes what this build used (and only that) for the next build. */
  save(): void;
  stats(): { hits: number; misses: number };
}

/** A name finder that answers from the cache when it can and remembers what it computes. */
export function cachedNameFinder(aliases: EntitiesFile, file = join(cacheDir(), CACHE_FILE)): CachedNameFinder {
  const version = namesCacheVersion(aliases);
  const find = nameFinder(aliases);
  const previous = readCache(file, version);
  const used: Record<string, Stored[]> = {};
  let hits = 0;
  let misses = 0;
  const findNames: NameFinder = (text) => {
    const key = sha(text);
    const known = used[key] ?? previous[key];
    if (known) {
      hits++;
      used[key] = known;
      return known.map(([start, end, entity, kind]) => (kind ? { start, end, key: entity, kind } : { start, end, key: entity }));
    }
    misses++;
    const spans = find(text);
    used[key] = spans.map((s: NameSpan): Stored => (s.kind ? [s.start, s.end, s.key, s.kind] : [s.start, s.end, s.key]));
    return spans;
  };
  return {
    findNames,
    save() {
      const content: CacheFile = { format: FORMAT, version, names: used };
      mkdirSync(dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(content));
      renameSync(temp, file);
    },
    stats: () => ({ hits, misses }),
  };
}

function readCache(file: string, version: string): Record<string, Stored[]> {
  if (!existsSync(file)) return {};
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
    return data.format === FORMAT && data.version === version && data.names ? data.names : {};
  } catch {
    // An unreadable cache is no cache: the build recomputes and rewrites it.
    return {};
  }
}
