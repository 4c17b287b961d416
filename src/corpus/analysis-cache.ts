/**
 * The analysis cache: what the analysis computes from one passage's text alone, kept between
 * builds and keyed by the hash of the text, so a rebuild after adding one article to a
 * thousand computes only the new article's passages. Three kinds, one file each:
 *
 *   names    the names found in the text (curated aliases and compromise's people, places
 *            and organisations: about 5–8 ms a passage, most of the analysis)
 *   themes   the text's own scores against every theme's rules (context and the decision
 *            are cheap arithmetic on top, redone every build)
 *   stems    the content stems related passages compare (the weights depend on the whole
 *            corpus and are redone every build)
 *
 * A kind's whole cache is dropped when its version changes: the version hashes the data its
 * answers depend on (content/entities.yaml or content/themes.yaml as parsed), the code that
 * computes them and, for names, compromise's version, so a rule or code change never serves
 * a stale answer. A file holds only the texts of the last build (it does not grow with
 * edits) and is written atomically (a half-written cache is never read).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { EntitiesFile, EntityKind, ThemesFile } from './analysis-schema';
import { nameFinder, type NameFinder, type NameSpan } from './entities';
import { findNamesInParallel, type ParallelOptions } from './parallel-names';
import { contentStems } from './related';
import { compileThemes, scoreOwn, type OwnScore } from './themes';

/** Bump when a file's layout changes. */
const FORMAT = 1;
/** The code each kind's answers come from (hashed into its version when it can be read). */
const NAME_SOURCES = ['src/corpus/entities.ts'];
const THEME_SOURCES = ['src/corpus/themes.ts', 'src/corpus/text.ts'];
const STEM_SOURCES = ['src/corpus/related.ts', 'src/corpus/text.ts'];
export const CACHE_FILE = 'analysis-names.json';
export const THEMES_CACHE_FILE = 'analysis-themes.json';
export const STEMS_CACHE_FILE = 'analysis-stems.json';

/** Where caches go: $DOSSIER_CACHE_DIR (the build sets it inside Astro's cacheDir), else node_modules/.cache/dossier. */
export const cacheDir = () => process.env.DOSSIER_CACHE_DIR ?? join('node_modules', '.cache', 'dossier');

interface CacheFile<Stored> {
  format: number;
  version: string;
  /** Text hash → stored answer, whatever the kind (the key keeps the first kind's name, so files stay readable). */
  names: Record<string, Stored>;
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

/** A version for answers computed by the code in `sources` from `data`. */
function versionOf(sources: string[], fallback: () => string, data: unknown, cwd: string): string {
  const code = sources.map((file) => {
    const path = join(cwd, file);
    // Bundled without its sources (not the usual case): the function's own text stands in.
    return existsSync(path) ? readFileSync(path, 'utf8') : fallback();
  });
  return sha(JSON.stringify([FORMAT, code, data]));
}

/** The names cache's version for this curated list and this code. */
export const namesCacheVersion = (aliases: EntitiesFile, cwd = process.cwd()): string =>
  versionOf(NAME_SOURCES, () => nameFinder.toString(), [compromiseVersion(), aliases], cwd);

/** The themes cache's version for these rules and this code. */
export const themesCacheVersion = (themes: ThemesFile, cwd = process.cwd()): string =>
  versionOf(THEME_SOURCES, () => scoreOwn.toString(), [themes.themes, themes.background], cwd);

export const stemsCacheVersion = (cwd = process.cwd()): string => versionOf(STEM_SOURCES, () => contentStems.toString(), null, cwd);

export interface TextCache<Value> {
  /** The answer for a text: from the cache when it is there, else computed and remembered. */
  get(text: string): Value;
  /** Of these texts, those the cache has no answer for (each once). */
  missing(texts: Iterable<string>): string[];
  /** Remembers an answer computed elsewhere (counted as computed afresh, not as a hit when read). */
  add(text: string, value: Value): void;
  /** Writes what this build used (and only that) for the next build. */
  save(): void;
  stats(): { hits: number; misses: number };
}

interface TextCacheOptions<Value, Stored> {
  file: string;
  version: string;
  compute: (text: string) => Value;
  encode: (value: Value) => Stored;
  decode: (stored: Stored) => Value;
}

/** A per-text cache kept in one JSON file; answers are stored encoded and decoded afresh for each caller. */
function textCache<Value, Stored>({ file, version, compute, encode, decode }: TextCacheOptions<Value, Stored>): TextCache<Value> {
  const previous = readCache<Stored>(file, version);
  const used: Record<string, Stored> = {};
  /** Keys added by `add` and not read yet. */
  const added = new Set<string>();
  let hits = 0;
  let misses = 0;
  return {
    get(text) {
      const key = sha(text);
      const known = used[key] ?? previous[key];
      if (known !== undefined) {
        if (!added.delete(key)) hits++;
        used[key] = known;
        return decode(known);
      }
      misses++;
      const value = compute(text);
      used[key] = encode(value);
      return value;
    },
    missing(texts) {
      const out = new Map<string, string>();
      for (const text of texts) {
        const key = sha(text);
        if (used[key] === undefined && previous[key] === undefined) out.set(key, text);
      }
      return [...out.values()];
    },
    add(text, value) {
      const key = sha(text);
      if (used[key] !== undefined) return;
      misses++;
      added.add(key);
      used[key] = encode(value);
    },
    save() {
      const content: CacheFile<Stored> = { format: FORMAT, version, names: used };
      mkdirSync(dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(content));
      renameSync(temp, file);
    },
    stats: () => ({ hits, misses }),
  };
}

function readCache<Stored>(file: string, version: string): Record<string, Stored> {
  if (!existsSync(file)) return {};
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile<Stored>>;
    return data.format === FORMAT && data.version === version && data.names ? data.names : {};
  } catch {
    // An unreadable cache is no cache: the build recomputes and rewrites it.
    return {};
  }
}

type StoredSpan = [start: number, end: number, key: string, kind?: EntityKind];

export interface CachedNameFinder {
  findNames: NameFinder;
  /** Finds, ahead of use and on every core, the names of those texts the cache lacks (src/corpus/parallel-names.ts). */
  prefill(texts: readonly string[], options?: ParallelOptions): Promise<void>;
  save(): void;
  stats(): { hits: number; misses: number };
}

/** A name finder that answers from the cache when it can and remembers what it computes. */
export function cachedNameFinder(aliases: EntitiesFile, file = join(cacheDir(), CACHE_FILE)): CachedNameFinder {
  const cache = textCache<NameSpan[], StoredSpan[]>({
    file,
    version: namesCacheVersion(aliases),
    compute: nameFinder(aliases),
    encode: (spans) => spans.map((s): StoredSpan => (s.kind ? [s.start, s.end, s.key, s.kind] : [s.start, s.end, s.key])),
    decode: (stored) => stored.map(([start, end, key, kind]) => (kind ? { start, end, key, kind } : { start, end, key })),
  });
  return {
    findNames: (text) => cache.get(text),
    async prefill(texts, options) {
      const missing = cache.missing(texts);
      const found = await findNamesInParallel(missing, aliases, options);
      found?.forEach((spans, i) => cache.add(missing[i]!, spans));
    },
    save: cache.save,
    stats: cache.stats,
  };
}

/** A theme's own score stored compactly: 0 for no hit (most themes of most passages). */
type StoredHit = [phrase: string, count: number, weight: number, background?: number];
type StoredScore = 0 | [score: number, hits: StoredHit[], excludedBy: string | null];

/** A text's own scores against these theme rules (`scoreOwn`), from the cache when it can. */
export function cachedThemeScores(themes: ThemesFile, file = join(cacheDir(), THEMES_CACHE_FILE)): TextCache<OwnScore[]> {
  const compiled = compileThemes(themes);
  return textCache<OwnScore[], StoredScore[]>({
    file,
    version: themesCacheVersion(themes),
    compute: (text) => scoreOwn(text, compiled, themes.background),
    encode: (scores) =>
      scores.map((s): StoredScore =>
        s.score === 0 && s.hits.length === 0 && s.excludedBy === null ? 0 : [s.score, s.hits.map((h): StoredHit => (h.background ? [h.phrase, h.count, h.weight, h.background] : [h.phrase, h.count, h.weight])), s.excludedBy],
      ),
    decode: (stored) =>
      stored.map((s) =>
        s === 0
          ? { score: 0, hits: [], excludedBy: null }
          : { score: s[0], hits: s[1].map(([phrase, count, weight, background]) => ({ phrase, count, weight, ...(background ? { background } : {}) })), excludedBy: s[2] },
      ),
  });
}

/** A text's content stems (`contentStems`), from the cache when it can. */
export function cachedStems(file = join(cacheDir(), STEMS_CACHE_FILE)): TextCache<readonly string[]> {
  return textCache<readonly string[], string>({
    file,
    version: stemsCacheVersion(),
    compute: contentStems,
    // One string a text: smaller and faster to read than an array of strings.
    encode: (stems) => stems.join(' '),
    decode: (stored) => (stored ? stored.split(' ') : []),
  });
}
