/**
 * The whole corpus: read the manifest, check the sources against it, run the pipeline
 * on every article, then either compare with content/articles/ (check) or replace
 * that folder in one step. Nothing is written unless every article succeeded.
 */
import { mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { codeVersion, defaultCacheDir, hash, NormalizeCache } from './cache.ts';
import { NormalizeError } from './errors.ts';
import { parseManifest } from './manifest.ts';
import { SOURCE_FILE_PATTERN } from '../../src/corpus/schema.ts';
import { createProcessor, normalizeArticle } from './pipeline.ts';
import { rules as defaultRules, type Rule } from './rules.ts';
import { summarizeRemovals } from './stages/remove-boilerplate.ts';
import type { ArticleStats, IdReport, RemovedLine } from './types.ts';

export const MANIFEST_NAME = 'sources.yaml';

export interface NormalizeCorpusOptions {
  /** folder with sources.yaml and the raw .txt files */
  sourcesDir: string;
  /** folder of the generated articles; replaced as a whole */
  outDir: string;
  /** project root: `source` paths and messages are relative to it (default: the working directory) */
  root?: string;
  /** compare only; write nothing */
  check?: boolean;
  /** log every removed line */
  verbose?: boolean;
  log?: (line: string) => void;
  rules?: readonly Rule[];
  /**
   * Where the memory of the last run is kept (scripts/normalize/cache.ts), so that an article
   * whose source, entry and output are as they were is not normalised again; `false`: none.
   * Default: node_modules/.cache/dossier, except in check mode, with rules of one's own and
   * when every removed line is to be logged, which always normalise every article.
   */
  cacheDir?: string | false;
}

export interface ArticleReport {
  slug: string;
  /** the output file, as shown in messages */
  outPath: string;
  /** the generated file's content */
  markdown: string;
  removed: RemovedLine[];
  /** "6 lines removed: dateline 1, image-token 3, …" */
  removedSummary: string;
  headings: string[];
  stats: ArticleStats;
  ids: IdReport;
  /** the output differs from what was on disk (or was missing) */
  changed: boolean;
  /** a paragraph laid out like a standfirst, when the manifest has none */
  standfirstCandidate?: { text: string; line: number | string; reason: string };
}

export interface CorpusResult {
  articles: ArticleReport[];
  /** output files (as shown in messages) that differ from what the sources produce now, are missing or are stale */
  outOfDate: string[];
  /** whether content was written (never in check mode, nor when everything was up to date) */
  written: boolean;
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

async function readIfExists(path: string, where: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw new NormalizeError(where, `cannot read the file (${errorCode(error) ?? (error as Error).message}).`);
  }
}

async function listDir(path: string, where: string): Promise<string[]> {
  try {
    return (await readdir(path)).sort();
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw new NormalizeError(where, `cannot list the folder (${errorCode(error) ?? (error as Error).message}).`);
  }
}

/** Writes the files into a fresh folder beside `outDir`, then swaps it in for `outDir`. */
async function replaceFolder(outDir: string, files: ReadonlyMap<string, string>): Promise<void> {
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const fresh = await mkdtemp(join(parent, `.${basename(outDir)}.new-`));
  try {
    for (const [name, content] of files) await writeFile(join(fresh, name), content);
  } catch (error) {
    await rm(fresh, { recursive: true, force: true });
    throw error;
  }
  const existed = await stat(outDir).then(() => true, () => false);
  // rename() may replace an empty folder: park the old output there, move the new one in.
  const parked = existed ? await mkdtemp(join(parent, `.${basename(outDir)}.old-`)) : null;
  try {
    if (parked) await rename(outDir, parked);
    await rename(fresh, outDir);
  } catch (error) {
    if (parked) await rename(parked, outDir).catch(() => {});
    await rm(fresh, { recursive: true, force: true });
    throw error;
  }
  if (parked) await rm(parked, { recursive: true, force: true });
}

/** What the cache keeps of an article's report (the rest is known without normalising). */
type RememberedReport = Omit<ArticleReport, 'slug' | 'outPath' | 'markdown' | 'changed' | 'ids'>;

/** The cache is a help: failing to write it is said, never fatal. */
async function saveCache(cache: NormalizeCache<RememberedReport> | null, log: (line: string) => void): Promise<void> {
  try {
    await cache?.save();
  } catch (error) {
    log(`[cache] not saved (${errorCode(error) ?? (error as Error).message}); the next run normalises every article`);
  }
}

export async function normalizeCorpus(options: NormalizeCorpusOptions): Promise<CorpusResult> {
  const root = resolve(options.root ?? process.cwd());
  const sourcesDir = resolve(root, options.sourcesDir);
  const outDir = resolve(root, options.outDir);
  const log = options.log ?? (() => {});
  /** A path as people see it: relative to the root when inside it, with `/`. */
  const show = (path: string) => {
    const rel = relative(root, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
  };
  const sourcesShown = show(sourcesDir);

  // read-manifest
  const manifestPath = join(sourcesDir, MANIFEST_NAME);
  const manifestBytes = await readIfExists(manifestPath, show(manifestPath));
  if (!manifestBytes) {
    throw new NormalizeError(show(manifestPath), `not found. The manifest lists the articles of ${sourcesShown}/; create it (see src/corpus/schema.ts).`);
  }
  const manifest = parseManifest(manifestBytes.toString('utf8'), show(manifestPath));
  log(`[read-manifest] ${show(manifestPath)}: ${manifest.articles.length} articles`);

  // check-sources: every entry has its file, every file has its entry.
  const present = new Set(await listDir(sourcesDir, sourcesShown));
  manifest.articles.forEach((entry, index) => {
    const field = `articles[${index}].file`;
    if (basename(entry.file) !== entry.file) {
      throw new NormalizeError(show(manifestPath), `field ${field}: "${entry.file}" must be a file name in ${sourcesShown}/, without folders.`);
    }
    if (!present.has(entry.file)) {
      throw new NormalizeError(
        show(manifestPath),
        `field ${field}: ${sourcesShown}/${entry.file} (article "${entry.slug}") does not exist. Add the file, or fix or remove the entry.`,
      );
    }
  });
  const listed = new Set(manifest.articles.map((entry) => entry.file));
  const unlisted = [...present].filter((name) => SOURCE_FILE_PATTERN.test(name) && !listed.has(name));
  if (unlisted.length) {
    throw new NormalizeError(
      `${sourcesShown}/${unlisted[0]}`,
      `has no entry in ${MANIFEST_NAME}. Add an entry for it (slug, file, idPrefix, …), or move the file out of ${sourcesShown}/.`,
    );
  }
  log(`[check-sources] ${sourcesShown}: every entry has its file and every file its entry`);

  // The pipeline, article by article, all in memory.
  const rules = options.rules ?? defaultRules;
  const processor = createProcessor({ log, verbose: options.verbose ?? false, rules });
  const outputs = new Map<string, string>();
  const articles: ArticleReport[] = [];
  const cacheDir = options.cacheDir ?? (options.check || options.rules || options.verbose ? false : defaultCacheDir(root));
  const cache = cacheDir ? await NormalizeCache.open<RememberedReport>(cacheDir) : null;
  const code = cache ? await codeVersion() : '';
  let recalled = 0;
  for (const entry of manifest.articles) {
    const sourcePath = join(sourcesDir, entry.file);
    const outName = `${entry.slug}.md`;
    const outPath = join(outDir, outName);
    const bytes = (await readIfExists(sourcePath, show(sourcePath)))!;
    const previous = await readIfExists(outPath, show(outPath));
    const previousMarkdown = previous?.toString('utf8') ?? null;
    const inputs = cache ? hash(code, JSON.stringify(entry), bytes) : '';
    const known = cache?.recall(entry.slug, inputs, previousMarkdown);
    if (known && previousMarkdown !== null) {
      outputs.set(outName, previousMarkdown);
      // normalised again, every passage would keep its id: the fixed point the cache relies on
      const ids = { exact: known.stats.passageCount, similar: 0, fresh: 0, retired: [] };
      articles.push({ ...known, slug: entry.slug, outPath: show(outPath), markdown: previousMarkdown, changed: false, ids });
      recalled++;
      continue;
    }
    const { markdown, file } = await normalizeArticle(
      {
        entry,
        bytes: new Uint8Array(bytes),
        displayPath: show(sourcePath),
        sourcePath: relative(root, sourcePath).split(sep).join('/'),
        previousMarkdown,
        previousPath: show(outPath),
      },
      processor,
    );
    outputs.set(outName, markdown);
    const removed = file.data.removed ?? [];
    const report: RememberedReport = {
      removed,
      removedSummary: summarizeRemovals(removed, rules.map((rule) => rule.name)),
      headings: file.data.headings ?? [],
      stats: file.data.stats!,
      ...(file.data.standfirstCandidate ? { standfirstCandidate: file.data.standfirstCandidate } : {}),
    };
    articles.push({ ...report, slug: entry.slug, outPath: show(outPath), markdown, changed: markdown !== previousMarkdown, ids: file.data.idReport! });
    cache?.remember(entry.slug, inputs, markdown, report);
  }
  if (recalled) log(`[cache] ${recalled} of ${manifest.articles.length} articles as the last run left them (same source, entry, code and output): not normalised again`);

  // Compare with what is on disk.
  const stale = (await listDir(outDir, show(outDir))).filter((name) => name.endsWith('.md') && !outputs.has(name));
  const outOfDate = [
    ...articles.filter((a) => a.changed).map((a) => a.outPath),
    ...stale.map((name) => show(join(outDir, name))),
  ];

  if (options.check) {
    for (const path of outOfDate) log(`[check-output] ${path} is not what the sources and rules produce now`);
    if (!outOfDate.length) log(`[check-output] ${show(outDir)}/ is up to date`);
    return { articles, outOfDate, written: false };
  }
  if (!outOfDate.length) {
    log(`[write-output] ${show(outDir)}/ is up to date; nothing written`);
    await saveCache(cache, log);
    return { articles, outOfDate, written: false };
  }
  try {
    await replaceFolder(outDir, outputs);
  } catch (error) {
    throw new NormalizeError(show(outDir), `cannot write the output (${errorCode(error) ?? (error as Error).message}); it was left as it was.`);
  }
  await saveCache(cache, log);
  log(`[write-output] ${show(outDir)}/: ${outputs.size} articles written (${outOfDate.length} changed: ${outOfDate.map((p) => basename(p)).join(', ')})`);
  return { articles, outOfDate, written: true };
}
