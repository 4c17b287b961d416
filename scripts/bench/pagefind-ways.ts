/**
 * Two ways to build the search index, measured on sites already built (issue 13):
 *
 *   pages    Pagefind reads the share pages (/p/<id>/, one per passage, their data-pagefind-*
 *            markup), as the site did before custom records
 *   records  one custom record per passage (and per editors' note) from the corpus model,
 *            through Pagefind's Node API, as src/integrations/pagefind.ts does
 *
 * For each: wall time, peak memory of the indexing process tree (Node + Pagefind's binary),
 * the index's bytes and files, and, in headless Chromium, the result URLs of a few queries
 * (where a result lands, and whether both ways find the same passages).
 *
 *   npx tsx scripts/bench/pagefind-ways.ts bench-results/work/size-100 bench-results/work/size-300
 *
 * Each argument is a project kept by `npm run bench -- --keep` whose dist/ still has share pages
 * with search markup (a build from before the markup was dropped), or `--records-only`.
 * Indexes are written beside the site (dist/pagefind-ways/<way>/), never over dist/pagefind/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serveDist } from '../lib/static-server';
import { fileCount, runMeasured, sizeOf } from './measure';
import { WARM_QUERIES } from './search';

const WAYS = ['pages', 'records'] as const;
type Way = (typeof WAYS)[number];
const require = createRequire(import.meta.url);
const tsx = join(require.resolve('tsx/package.json').replace(/package\.json$/, ''), 'dist', 'cli.mjs');
const self = new URL(import.meta.url).pathname;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { index: { type: 'string' }, records: { type: 'string' }, out: { type: 'string' } },
});

/** The child: one way, indexed and written; prints a JSON line. */
async function indexOne(way: Way, site: string, out: string, recordsFile: string): Promise<void> {
  const pagefind = await import('pagefind');
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(errors.join('; '));
  let count = 0;
  if (way === 'pages') {
    const added = await index.addDirectory({ path: site, glob: 'p/*/index.html' });
    if (added.errors.length) throw new Error(added.errors.join('; '));
    count = added.page_count;
  } else {
    const records = JSON.parse(readFileSync(recordsFile, 'utf8')) as Parameters<typeof index.addCustomRecord>[0][];
    for (let i = 0; i < records.length; i += 500) {
      const added = await Promise.all(records.slice(i, i + 500).map((r) => index.addCustomRecord(r)));
      const failed = added.flatMap((a) => a.errors);
      if (failed.length) throw new Error(failed.slice(0, 3).join('; '));
    }
    count = records.length;
  }
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length) throw new Error(written.errors.join('; '));
  await pagefind.close();
  console.log(JSON.stringify({ way, count, ms: Math.round(performance.now() - started) }));
}

/** The child that writes the records file from the project's corpus (cwd = the project). */
async function writeRecords(file: string): Promise<void> {
  const { getCorpus } = await import('../../src/corpus/model');
  const { searchRecords } = await import('../../src/corpus/search-records');
  const corpus = await getCorpus();
  writeFileSync(file, JSON.stringify(searchRecords(corpus, [...corpus.notesByPassage.values()].flat())));
}

interface WayResult {
  way: Way;
  documents: number;
  indexMs: number;
  wallMs: number;
  peakRss: number | null;
  pagefindRss: number | null;
  bytes: number;
  files: number;
}

async function measureProject(root: string): Promise<{ results: WayResult[]; queries: Record<Way, { query: string; total: number; urls: string[] }[]> }> {
  const site = join(root, 'dist');
  const base = join(site, 'pagefind-ways');
  rmSync(base, { recursive: true, force: true });
  mkdirSync(base, { recursive: true });
  const recordsFile = join(root, 'pagefind-ways-records.json');
  // DOSSIER_CACHE_DIR: the analysis cache the project's build left, so the records take seconds.
  const env = { ...process.env, DOSSIER_CACHE_DIR: join(root, '.scratch-astro-cache', 'dossier') };
  const made = spawnSync(process.execPath, [tsx, self, '--records', recordsFile], { cwd: root, env, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`records for ${root}: ${made.stderr}`);
  const results: WayResult[] = [];
  for (const way of WAYS) {
    const out = join(base, way);
    const run = await runMeasured(process.execPath, [tsx, self, '--index', way, '--records', recordsFile, '--out', out, site], {
      cwd: root,
      env,
      timeoutMs: 20 * 60_000,
      maxRss: 8 * 2 ** 30,
    });
    if (run.exitCode !== 0) throw new Error(`${way} on ${root}: ${run.output.slice(-2000)}`);
    const line = JSON.parse(run.output.trim().split('\n').pop()!) as { count: number; ms: number };
    results.push({
      way,
      documents: line.count,
      indexMs: line.ms,
      wallMs: run.wallMs,
      peakRss: run.peakRss,
      pagefindRss: run.byProcess.find((p) => /^pagefind/.test(p.name))?.peakRss ?? null,
      bytes: sizeOf(out),
      files: fileCount(out),
    });
  }
  rmSync(recordsFile, { force: true });
  return { results, queries: await resultUrls(site) };
}

/** Each way's first ten result URLs for the bench's queries, through Pagefind's own search API. */
async function resultUrls(site: string): Promise<Record<Way, { query: string; total: number; urls: string[] }[]>> {
  const server = await serveDist(4402, site, '127.0.0.1', 20);
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await page.goto(`${server.url}/404.html`);
    const out = {} as Record<Way, { query: string; total: number; urls: string[] }[]>;
    for (const way of WAYS) {
      out[way] = await page.evaluate(
        async ({ path, queries }) => {
          const pagefind = await import(path);
          await pagefind.init();
          const answers = [];
          for (const query of queries) {
            const search = await pagefind.search(query);
            const data = await Promise.all(search.results.slice(0, 10).map((r: { data: () => Promise<{ url: string }> }) => r.data()));
            answers.push({ query, total: search.results.length, urls: data.map((d: { url: string }) => d.url) });
          }
          return answers;
        },
        { path: `/pagefind-ways/${way}/pagefind.js`, queries: WARM_QUERIES },
      );
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

const mb = (n: number | null) => (n === null ? '—' : `${(n / 2 ** 20).toFixed(1)} MB`);

if (values.index) {
  await indexOne(values.index as Way, resolve(positionals[0]!), values.out!, values.records!);
} else if (values.records) {
  await writeRecords(values.records);
} else {
  if (!positionals.length) {
    console.error('Usage: npx tsx scripts/bench/pagefind-ways.ts <kept bench project>…');
    process.exit(2);
  }
  for (const root of positionals.map((p) => resolve(p))) {
    if (!existsSync(join(root, 'dist', 'p'))) throw new Error(`${root}/dist has no share pages: build the project first`);
    const { results, queries } = await measureProject(root);
    console.log(`\n${root}`);
    console.log('| way | documents | index time | wall | peak (tree) | peak (pagefind) | index bytes | files |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of results) {
      console.log(`| ${r.way} | ${r.documents} | ${(r.indexMs / 1000).toFixed(1)} s | ${(r.wallMs / 1000).toFixed(1)} s | ${mb(r.peakRss)} | ${mb(r.pagefindRss)} | ${mb(r.bytes)} | ${r.files} |`);
    }
    // The same passages? A share page /p/<id>/ and a record /articles/<slug>/#<id> name the same passage.
    const idOf = (url: string) => /\/p\/([^/]+)\/$/.exec(url)?.[1] ?? /#(.+)$/.exec(url)?.[1] ?? url;
    for (let i = 0; i < queries.pages.length; i++) {
      const a = queries.pages[i]!;
      const b = queries.records[i]!;
      const shared = a.urls.filter((u) => b.urls.map(idOf).includes(idOf(u))).length;
      console.log(`  ${a.query}: pages ${a.total} results, records ${b.total}; top 10 in common ${shared}; e.g. ${a.urls[0] ?? '—'} vs ${b.urls[0] ?? '—'}`);
    }
    writeFileSync(join(root, 'pagefind-ways.json'), JSON.stringify({ results, queries }, null, 2));
  }
}
