/**
 * `npm run bench` — how fast and light Dossier is, against its targets.
 *
 *   npm run bench -- [--sizes 5,100,1000] [--seed 1] [--skip lighthouse,search,pages,annotations] [--keep]
 *                    [--stage-timeout 20] [--max-memory 12] [--max-output 10]
 *
 * For each size, a scratch copy of the project gets a corpus (the real dossier when the size
 * is its article count, else a synthetic one made from it) and runs the whole pipeline,
 * stage by stage (scripts/bench/pipeline.ts). Then, in headless Chromium: page weights per
 * page type, Lighthouse and a large notebook (10,000 annotations, scripts/bench/annotations.ts)
 * on the real dossier, search speed at every size. Prints the tables
 * and writes the same figures to bench-results/ (git-ignored): bench-<date>.json, latest.json
 * and README-table.md.
 *
 * The machine is shared: a stage that runs past its time, memory or disk limit is stopped
 * (with everything it started) and reported as unfinished, with how far it got.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { ARTICLES_DIR } from '../src/corpus/read-articles';
import { launchOptions } from '../tests/browser';
import { serveDist } from '../tests/serve';
import { builtPages, samplePages } from '../tests/gates/site';
import { BENCH_PAGE_TYPES } from '../tests/gates/page-types';
import { formatLargeNotebook, measureLargeNotebook } from './bench/annotations';
import { runLighthouse } from './bench/lighthouse';
import { measurePageWeights, reportedTypes } from './bench/pages';
import { runPipeline, type SizeRun } from './bench/pipeline';
import { readRealDossier } from './bench/real';
import { checkTargets, formatReport, growthRows, readmeTable, type BenchReport } from './bench/report';
import { measureSearch } from './bench/search';

const USAGE = `Usage: npm run bench -- [--sizes 5,100,1000] [--seed 1] [--skip lighthouse,search,pages,annotations] [--keep] [--port 4480] [--stage-timeout 20] [--max-memory 12] [--max-output 10]

  --sizes   corpus sizes in articles; the real dossier's count means the real dossier
  --seed    seed of the synthetic corpora (same seed, same corpora)
  --skip    leave out browser measurements: pages, search, lighthouse, annotations
  --keep    keep the scratch projects and their build logs (size-N-build.log, size-N-rebuild.log) in bench-results/work/ (deleted otherwise)
  --port    first port for the static servers
  --stage-timeout  minutes after which a pipeline stage is stopped and reported as unfinished (default 20)
  --max-memory     GB of memory a stage may hold before it is stopped (default 12)
  --max-output     GB the built site may reach before the build is stopped, to spare the disk (default 10)
  --report FILE    measure nothing: print the tables of a saved report (e.g. bench-results/latest.json)
                   and write its README table again`;

const SKIPPABLE = ['pages', 'search', 'lighthouse', 'annotations'] as const;

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        sizes: { type: 'string', default: '5,100,1000' },
        seed: { type: 'string', default: '1' },
        skip: { type: 'string', default: '' },
        keep: { type: 'boolean', default: false },
        port: { type: 'string', default: '4480' },
        'stage-timeout': { type: 'string', default: '20' },
        'max-memory': { type: 'string', default: '12' },
        'max-output': { type: 'string', default: '10' },
        out: { type: 'string', default: 'bench-results' },
        report: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
})();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

if (values.report) {
  const saved = JSON.parse(readFileSync(values.report, 'utf8')) as BenchReport;
  const { targets: _old, ...rest } = saved;
  const again: BenchReport = { ...rest, errors: rest.errors ?? [], targets: checkTargets(rest) };
  mkdirSync(values.out, { recursive: true });
  writeFileSync(join(values.out, 'README-table.md'), `${readmeTable(again)}\n`);
  console.log(`${formatReport(again)}\n\nWritten: ${join(values.out, 'README-table.md')}`);
  process.exit(0);
}

const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 1)) fail(`--sizes takes whole numbers ≥ 1, e.g. 5,100,1000 (got "${values.sizes}")`);
const skip = new Set(values.skip.split(',').map((s) => s.trim()).filter(Boolean));
for (const s of skip) if (!(SKIPPABLE as readonly string[]).includes(s)) fail(`--skip knows ${SKIPPABLE.join(', ')} (got "${s}")`);
const projectRoot = process.cwd();
const outDir = resolve(values.out);
const workDir = join(outDir, 'work');
let port = Number(values.port);

const stageTimeoutMs = Number(values['stage-timeout']) * 60_000;
if (!(stageTimeoutMs > 0)) fail(`--stage-timeout takes minutes > 0 (got "${values['stage-timeout']}")`);
const maxRss = Number(values['max-memory']) * 1e9;
const maxOutput = Number(values['max-output']) * 1e9;
if (!(maxRss > 0) || !(maxOutput > 0)) fail('--max-memory and --max-output take a number of GB > 0');
const loadAtStart = loadavg()[0]!;
const realCount = readRealDossier(projectRoot).length;
const log = (line: string) => console.log(`[bench] ${line}`);

const browser = await chromium.launch(launchOptions());
const chromiumVersion = browser.version();
const runs: SizeRun[] = [];
const search: BenchReport['search'] = [];
let pages: BenchReport['pages'] = null;
let lighthouse: BenchReport['lighthouse'] = null;
let annotations: BenchReport['annotations'] = null;
const errors: string[] = [];
/** One measurement failing (a page changed, a browser hiccup) must not lose the others. */
async function attempt(what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const message = `${what}: ${(error as Error).message.split('\n')[0]}`;
    errors.push(message);
    log(`FAILED ${message}`);
  }
}

try {
  for (const size of [...sizes].sort((a, b) => a - b)) {
    log(`— ${size} articles${size === realCount ? ' (the real dossier)' : ''} —`);
    const run = await runPipeline({ size, seed: values.seed, projectRoot, workDir, log, stageTimeoutMs, maxRss, maxOutput });
    runs.push(run);
    for (const s of run.stages) log(`  ${s.stage}: ${s.wallMs ?? '—'} ms${s.note ? ` (${s.note})` : ''}`);
    if (run.incomplete) {
      log(`  ${run.incomplete}: no browser measurements at this size`);
      if (!values.keep) rmSync(join(workDir, `size-${size}`), { recursive: true, force: true });
      continue;
    }

    if (!skip.has('search') || (size === realCount && (!skip.has('pages') || !skip.has('lighthouse') || !skip.has('annotations')))) {
      const server = await serveDist(port++, run.dist);
      try {
        if (!skip.has('search')) {
          log('search in Chromium…');
          await attempt(`search at ${size} articles`, async () => {
            search.push({ articles: run.articles, timing: await measureSearch(browser, server.url) });
          });
        }
        if (size === realCount && !skip.has('pages')) {
          log('page weights…');
          await attempt('page weights', async () => {
            pages = (await measurePageWeights(browser, server.url, run.dist)).map((p) => ({
              ...p,
              load: p.load && { resources: p.load.resources, byKind: p.load.byKind, total: p.load.total },
            }));
          });
        }
        if (size === realCount && !skip.has('lighthouse')) await attempt('Lighthouse', async () => {
          const samples = samplePages(builtPages(run.dist));
          const targets = reportedTypes(run.dist)
            .map((type) => samples.find((p) => p.type === type))
            .filter((p): p is NonNullable<typeof p> => Boolean(p) && (BENCH_PAGE_TYPES as readonly string[]).includes(p!.type));
          log(`Lighthouse on ${targets.length} page types…`);
          const results = await runLighthouse(targets.map((p) => new URL(p.path, server.url).href));
          lighthouse = results.map((r, i) => ({ type: targets[i]!.type, path: targets[i]!.path, ...r }));
        });
        if (size === realCount && !skip.has('annotations')) {
          log('a large notebook (10,000 annotations) in Chromium…');
          await attempt('large notebook', async () => {
            annotations = await measureLargeNotebook(browser, server.url, join(run.dist, '..', ARTICLES_DIR));
            log(formatLargeNotebook(annotations).replaceAll('\n', '\n[bench] '));
          });
        }
      } finally {
        await server.close();
      }
    }
    if (!values.keep) rmSync(join(workDir, `size-${size}`), { recursive: true, force: true });
  }
} finally {
  await browser.close();
}

const pipeline = runs.map(({ dist: _dist, ...run }) => run);
const cpu = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
const partial: Omit<BenchReport, 'targets'> = {
  version: 1,
  date: new Date().toISOString(),
  machine: {
    cpu,
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1e9),
    os: `${platform()} ${release()}`,
    node: process.versions.node,
    chromium: `Chromium ${chromiumVersion}`,
    loadAverage: { start: loadAtStart, end: loadavg()[0]! },
  },
  seed: values.seed,
  sizes,
  pipeline,
  growth: growthRows(pipeline.filter((run) => !run.incomplete)),
  pages,
  search,
  lighthouse,
  annotations,
  errors,
};
const report: BenchReport = { ...partial, targets: checkTargets(partial) };

mkdirSync(outDir, { recursive: true });
const json = `${JSON.stringify(report, null, 2)}\n`;
const stamp = report.date.replace(/[:.]/g, '-');
writeFileSync(join(outDir, `bench-${stamp}.json`), json);
writeFileSync(join(outDir, 'latest.json'), json);
writeFileSync(join(outDir, 'README-table.md'), `${readmeTable(report)}\n`);
if (!values.keep) rmSync(workDir, { recursive: true, force: true });

console.log(`\n${formatReport(report)}\n`);
console.log(`Written: ${join(values.out, `bench-${stamp}.json`)}, ${join(values.out, 'latest.json')}, ${join(values.out, 'README-table.md')}`);
