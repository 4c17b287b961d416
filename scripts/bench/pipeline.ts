/**
 * The whole pipeline at one corpus size, in a scratch copy of the project, stage by stage:
 *
 *   normalise            `npm run normalize`'s command (raw sources → content/articles)
 *   tagging & links      the analysis layer once, on its own (scripts/bench/analysis-probe.ts)
 *   astro build          `astro build`, less the Pagefind step it ends with
 *   pagefind index       the Pagefind step, timed by its own log line, its binary's memory
 *
 * Then, per page type, the files, bytes and render time of the built site (from Astro's
 * per-route log lines), and for a synthetic corpus one more article added and the
 * pipeline run again ("add one, rebuild"), with the caches the first build left, and how many
 * of the pages both builds have the new article changed (what an incremental render could
 * not skip).
 *
 * Each stage is a child process measured by measure.ts: wall time, peak memory, output size.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { createRequire } from 'node:module';
import { delimiter, join, resolve } from 'node:path';
import { astroBuildCommand, makeScratchProject, SCRATCH_CACHE } from '../../tests/gates/scratch';
import { builtPages } from '../../tests/gates/site';
import { fileDigest } from '../../tests/gates/tree-diff';
import { routeRenderTimes } from './build-log';
import { generateCorpus, materialFrom, type SyntheticCorpus } from './corpus';
import { fileCount, runMeasured, sizeOf, type MeasuredRun } from './measure';
import { ARTICLES_DIR, MANIFEST, readRealDossier, SOURCES_DIR, writeSyntheticSources } from './real';

export const STAGES = ['normalise', 'tagging & links', 'astro build', 'pagefind index'] as const;
export type StageName = (typeof STAGES)[number];

export interface StageResult {
  stage: StageName;
  wallMs: number | null;
  /** Peak resident memory of the stage's process(es), bytes. */
  peakRss: number | null;
  outputBytes: number | null;
  outputFiles: number | null;
  note?: string;
}

export interface SizeRun {
  /** Articles in the corpus. */
  articles: number;
  /** True for a synthetic corpus, false for the real dossier. */
  synthetic: boolean;
  seed: string;
  passages: number;
  words: number;
  pages: number;
  stages: StageResult[];
  /** The build as one command (astro + pagefind): wall time and the tree's peak memory. */
  build: { wallMs: number; peakRss: number | null };
  /** Where the built site is (for the browser measurements). */
  dist: string;
  /** Set when a stage was stopped at the time limit: the stages after it did not run. */
  incomplete?: string;
  /** The built site by page type (first path segment): files, bytes, Astro's render time. */
  pageTypes?: PageTypeOutput[];
  /** One article added to the synthetic corpus, then normalise + build again (caches warm). */
  rebuild?:
    | { normaliseMs: number; buildMs: number; wallMs: number; peakRss: number | null; cacheNote?: string; changed?: ChangedPages[] }
    | { failed: string };
}

/** Of one page type, the pages two builds both have, and how many of them differ by a byte or more. */
export interface ChangedPages {
  type: string;
  pages: number;
  changed: number;
}

/** A built page's type and the digest of its bytes, by its path. */
export type PageDigests = Map<string, { type: string; digest: string }>;

export function pageDigests(dist: string): PageDigests {
  return new Map(
    builtPages(dist).map((page) => [page.path, { type: page.type, digest: fileDigest(page.file) }]),
  );
}

/** Per page type (sorted by name), the pages both builds have and how many of them changed; added and removed pages are left out. */
export function changedPages(before: PageDigests, after: PageDigests): ChangedPages[] {
  const byType = new Map<string, ChangedPages>();
  for (const [path, now] of after) {
    const then = before.get(path);
    if (!then) continue;
    let row = byType.get(now.type);
    if (!row) byType.set(now.type, (row = { type: now.type, pages: 0, changed: 0 }));
    row.pages++;
    if (then.digest !== now.digest) row.changed++;
  }
  return [...byType.values()].sort((a, b) => a.type.localeCompare(b.type));
}

export interface PageTypeOutput {
  type: string;
  files: number;
  bytes: number;
  /** Sum of Astro's per-route times (+N ms) for the type's pages; null for files Astro does not log. */
  renderMs: number | null;
  /** Routes Astro logged for the type (its pages, less files it copies such as the search index): renderMs ÷ this is the time a page. */
  rendered?: number;
}

export interface PipelineOptions {
  size: number;
  seed: string;
  /** The project to copy (its real dossier is the material for synthetic corpora). */
  projectRoot: string;
  /** Scratch projects go under here, one per size. */
  workDir: string;
  log: (line: string) => void;
  /** Stop a stage that runs longer than this (ms). */
  stageTimeoutMs: number;
  /** Stop a stage whose processes hold more memory than this (bytes). */
  maxRss: number;
  /** Stop the build when the site grows past this (bytes): protects the machine's disk. */
  maxOutput: number;
}

const require = createRequire(import.meta.url);

/**
 * Hand-made data that names the real dossier's articles and passages (theme overrides,
 * figures' quotes, editors' published notes): a synthetic corpus has none of them, so the
 * build would rightly refuse it. Each is replaced by its empty form. A new file of this
 * kind makes the synthetic build fail with the project's own message: add it here.
 */
const REAL_DOSSIER_DATA: { path: string; empty: string | null }[] = [
  { path: 'content/theme-overrides.yaml', empty: '# Emptied by `npm run bench` for a synthetic corpus.\n{}\n' },
  { path: 'content/claims.yaml', empty: '# Emptied by `npm run bench` for a synthetic corpus.\ngroups: []\n' },
  { path: 'content/annotations', empty: null },
];

function forgetRealDossier(root: string): void {
  for (const { path, empty } of REAL_DOSSIER_DATA) {
    const target = join(root, path);
    if (!existsSync(target)) continue;
    if (empty === null) {
      // A folder: keep it (and any README), drop the data files.
      for (const name of readdirSync(target)) if (/\.(json|ya?ml)$/.test(name)) rmSync(join(target, name));
    } else writeFileSync(target, empty);
  }
}

/** The last lines of a failed stage's output that say something (not the progress lines). */
function failureSummary(stage: StageName, run: MeasuredRun): string {
  const lines = run.output
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => line.trim() && !/[├└]─/.test(line));
  return `${stage} failed (exit ${run.exitCode}):\n${lines.slice(-25).join('\n')}`;
}

/** Frontmatter totals of the normalised articles. */
function corpusTotals(articlesDir: string): { articles: number; passages: number; words: number } {
  let passages = 0;
  let words = 0;
  const files = readdirSync(articlesDir).filter((f) => f.endsWith('.md'));
  for (const file of files) {
    const head = readFileSync(join(articlesDir, file), 'utf8').slice(0, 8000);
    passages += Number(/^passageCount: (\d+)$/m.exec(head)?.[1] ?? 0);
    words += Number(/^wordCount: (\d+)$/m.exec(head)?.[1] ?? 0);
  }
  return { articles: files.length, passages, words };
}

export async function runPipeline(options: PipelineOptions): Promise<SizeRun> {
  const { size, seed, log } = options;
  const projectRoot = resolve(options.projectRoot);
  const real = readRealDossier(projectRoot);
  const synthetic = size !== real.length;
  const root = resolve(options.workDir, `size-${size}`);
  rmSync(root, { recursive: true, force: true });

  // Sources only: the normalised articles, builds and caches are what the stages make.
  const generated = (file: string) =>
    file.startsWith(`${ARTICLES_DIR}/`) || file.startsWith('dist/') || file.startsWith('bench-results/') || file.startsWith(`${SCRATCH_CACHE}/`);
  makeScratchProject(root, { from: projectRoot, exclude: generated });
  // One article more than measured: the last is added afterwards, for the incremental rebuild.
  const corpus = synthetic ? generateCorpus(materialFrom(real), size + 1, { seed }) : null;
  if (corpus) {
    log(`generating ${size} synthetic articles (seed ${seed})…`);
    writeSyntheticSources(root, withoutLast(corpus));
    forgetRealDossier(root);
  }

  const env = {
    ...process.env,
    FORCE_COLOR: '0',
    PATH: [join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
    // the scratch project's caches (normaliser's and build's) stay its own: node_modules is shared
    DOSSIER_CACHE_DIR: join(root, SCRATCH_CACHE, 'dossier'),
  };
  const stages: StageResult[] = [];

  // normalise: whatever `npm run normalize` runs, so the bench follows the project's CLI.
  const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts ?? {};
  if (!scripts.normalize) throw new Error('package.json has no "normalize" script: the bench cannot run the normaliser.');
  log('normalise…');
  const limit = { cwd: root, env, timeoutMs: options.stageTimeoutMs, maxRss: options.maxRss };
  let why = '';
  const partial = (stage: StageName): SizeRun => ({
    articles: size,
    synthetic,
    seed,
    passages: 0,
    words: 0,
    pages: 0,
    stages,
    build: { wallMs: 0, peakRss: null },
    dist: join(root, 'dist'),
    incomplete: `${stage} was stopped: ${why}; the stages after it did not run`,
  });
  const stopped = (stage: StageName, run: MeasuredRun): StageResult => {
    why = run.stopped!;
    return {
      stage,
      wallMs: run.wallMs,
      peakRss: run.peakRss,
      outputBytes: null,
      outputFiles: null,
      note: `stopped after ${(run.wallMs / 1000).toFixed(0)} s: ${run.stopped}`,
    };
  };

  const normalise = await runMeasured('sh', ['-c', scripts.normalize], limit);
  if (normalise.stopped) {
    stages.push(stopped('normalise', normalise));
    return partial('normalise');
  }
  if (normalise.exitCode !== 0) return { ...partial('normalise'), incomplete: failureSummary('normalise', normalise) };
  const articlesDir = join(root, ARTICLES_DIR);
  const totals = corpusTotals(articlesDir);
  stages.push({
    stage: 'normalise',
    wallMs: normalise.wallMs,
    peakRss: normalise.peakRss,
    outputBytes: sizeOf(articlesDir),
    outputFiles: fileCount(articlesDir),
  });

  log(`tagging & links (${totals.passages} passages)…`);
  const tsx = join(require.resolve('tsx/package.json').replace(/package\.json$/, ''), 'dist', 'cli.mjs');
  const probe = await runMeasured(process.execPath, [tsx, join('scripts', 'bench', 'analysis-probe.ts')], limit);
  if (probe.stopped) {
    stages.push(stopped('tagging & links', probe));
    return partial('tagging & links');
  }
  if (probe.exitCode !== 0) return { ...partial('tagging & links'), incomplete: failureSummary('tagging & links', probe) };
  const summary = JSON.parse(probe.output.trim().split('\n').pop()!) as { bytes: number; relatedLinks: number; entities: number; tagged: number };
  stages.push({
    stage: 'tagging & links',
    wallMs: probe.wallMs,
    peakRss: probe.peakRss,
    outputBytes: summary.bytes,
    outputFiles: null,
    note: `${summary.tagged} passages tagged, ${summary.relatedLinks} related links, ${summary.entities} entities (in memory; JSON size)`,
  });

  log('astro build + pagefind…');
  const dist = join(root, 'dist');
  const [command, args] = astroBuildCommand(root, dist);
  const build = await runMeasured(command, args, { ...limit, maxOutput: { dir: dist, maxBytes: options.maxOutput } });
  if (build.stopped) {
    stages.push({ ...stopped('astro build', build), outputBytes: sizeOf(dist), outputFiles: fileCount(dist) });
    return { ...partial('astro build'), ...corpusTotals(articlesDir), stages };
  }
  if (build.exitCode !== 0) {
    return { ...partial('astro build'), ...corpusTotals(articlesDir), incomplete: failureSummary('astro build', build) };
  }
  // The build's own log, for what the tables do not break down (beside the scratch project: kept with it).
  writeFileSync(join(options.workDir, `size-${size}-build.log`), build.output);
  const indexed = /indexed (\d+) pages in (\d+) ms/.exec(build.output);
  const pagefindMs = indexed ? Number(indexed[2]) : null;
  const isPagefind = (name: string) => /^pagefind/.test(name);
  const astroPeak = Math.max(0, ...build.byProcess.filter((p) => !isPagefind(p.name)).map((p) => p.peakRss));
  const pagefindPeak = Math.max(0, ...build.byProcess.filter((p) => isPagefind(p.name)).map((p) => p.peakRss));
  const inPagefind = (rel: string) => rel === 'pagefind' || rel.startsWith('pagefind/');
  stages.push({
    stage: 'astro build',
    wallMs: pagefindMs === null ? build.wallMs : build.wallMs - pagefindMs,
    peakRss: build.peakRss === null ? null : astroPeak,
    outputBytes: sizeOf(dist, inPagefind),
    outputFiles: fileCount(dist) - fileCount(join(dist, 'pagefind')),
    note: pagefindMs === null ? 'Pagefind did not log its time: this includes the index' : undefined,
  });
  stages.push({
    stage: 'pagefind index',
    wallMs: pagefindMs,
    peakRss: build.peakRss === null || !pagefindPeak ? null : pagefindPeak,
    outputBytes: sizeOf(join(dist, 'pagefind')),
    outputFiles: fileCount(join(dist, 'pagefind')),
  });

  const pageTypes = pageTypeOutput(dist, build.output);
  const pages = builtPages(dist).length;

  let rebuild: SizeRun['rebuild'];
  if (corpus) {
    log('add one article, rebuild…');
    const before = pageDigests(dist);
    const extra = corpus.articles.at(-1)!;
    writeFileSync(join(root, SOURCES_DIR, extra.entry.file), extra.text);
    writeFileSync(join(root, SOURCES_DIR, MANIFEST), `# Generated by \`npm run bench\`: a synthetic dossier. Do not edit.\n${stringify(corpus.manifest, { lineWidth: 0 })}`);
    const again = await runMeasured('sh', ['-c', scripts.normalize], limit);
    const rebuilt = again.exitCode === 0 && !again.stopped ? await runMeasured(command, args, limit) : null;
    if (rebuilt) writeFileSync(join(options.workDir, `size-${size}-rebuild.log`), rebuilt.output);
    if (!rebuilt || rebuilt.exitCode !== 0 || rebuilt.stopped) {
      rebuild = { failed: (rebuilt ? failureSummary('astro build', rebuilt) : failureSummary('normalise', again)).split('\n').slice(0, 3).join(' ') };
    } else {
      rebuild = {
        normaliseMs: again.wallMs,
        buildMs: rebuilt.wallMs,
        wallMs: again.wallMs + rebuilt.wallMs,
        peakRss: Math.max(again.peakRss ?? 0, rebuilt.peakRss ?? 0) || null,
        cacheNote: /\[dossier\] analysis: ([^\n]*)/.exec(rebuilt.output)?.[1],
        changed: changedPages(before, pageDigests(dist)),
      };
    }
  }

  return {
    articles: totals.articles,
    synthetic,
    seed,
    passages: totals.passages,
    words: totals.words,
    pages,
    stages,
    build: { wallMs: build.wallMs, peakRss: build.peakRss },
    dist,
    pageTypes,
    rebuild,
  };
}

function withoutLast(corpus: SyntheticCorpus): SyntheticCorpus {
  return { manifest: { ...corpus.manifest, articles: corpus.manifest.articles.slice(0, -1) }, articles: corpus.articles.slice(0, -1) };
}

/** A page's type: its first path segment (`articles`, `p`, `entities`…), or the file itself at the top. */
const typeOf = (rel: string) => (rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : rel.replace(/\/?index\.html$|\.html$/, '') || 'home');

function pageTypeOutput(dist: string, buildLog: string): PageTypeOutput[] {
  const byType = new Map<string, PageTypeOutput>();
  const entry = (type: string) => {
    let found = byType.get(type);
    if (!found) byType.set(type, (found = { type, files: 0, bytes: 0, renderMs: null }));
    return found;
  };
  for (const { rel, bytes } of filesUnder(dist)) {
    const e = entry(rel === 'index.html' ? 'home' : typeOf(rel));
    e.files++;
    e.bytes += bytes;
  }
  for (const { file, ms } of routeRenderTimes(buildLog)) {
    const rel = file.slice(1);
    const e = entry(rel === 'index.html' ? 'home' : typeOf(rel));
    e.renderMs = (e.renderMs ?? 0) + ms;
    e.rendered = (e.rendered ?? 0) + 1;
  }
  return [...byType.values()].sort((a, b) => b.bytes - a.bytes);
}

/** Every file under `dir` with its size, without recursion (a queue of folders). */
function filesUnder(dir: string): { rel: string; bytes: number }[] {
  const out: { rel: string; bytes: number }[] = [];
  const queue = [''];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const item of readdirSync(join(dir, next), { withFileTypes: true })) {
      const rel = next ? `${next}/${item.name}` : item.name;
      if (item.isDirectory()) queue.push(rel);
      else out.push({ rel, bytes: statSync(join(dir, rel)).size });
    }
  }
  return out;
}
