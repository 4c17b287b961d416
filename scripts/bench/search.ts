/**
 * Search speed in headless Chromium, on the search page of a built site: the time from a
 * query entering the field (one `input` event, as when the last key is typed) to its
 * results being painted, measured inside the page with performance.now(). "Painted": the
 * page has rewritten its results summary (which it does once the results are in the list,
 * or when there are none), and the next frame has been drawn.
 *
 *   cold  the first search of a fresh page (Pagefind's script, WebAssembly and index
 *         chunks are fetched), median of a few fresh browser contexts; the bytes fetched
 *         for it are counted from the response bodies, twice: until its results are painted,
 *         and until the network is quiet after it (the facet counts' filters included)
 *   warm  later searches on the same page, each a different word (so each may fetch its own
 *         index chunks), median and worst; also when the facet counts arrived, which must
 *         never be before the results. Two ways:
 *           whole  the word arrives in one `input` event, as when it is pasted or a search
 *                  link opens the page: nothing of it was searched before
 *           typed  the word is typed a letter at a time (TYPING_GAP_MS apart, a brisk typist),
 *                  each letter an `input` event as the page gets them; timed from the last
 *                  letter, as the reader feels it. The earlier letters' searches have run,
 *                  so their index chunks and the fragments of the results they showed may be
 *                  loaded: that is what typing does on the page.
 *           faceted  the same words pasted whole on a fresh page with the dossier's first theme
 *                  ticked: a ticked facet must not slow the searches that follow it
 *
 * Run alone on sites already built (e.g. kept by `npm run bench -- --keep`):
 *   npx tsx scripts/bench/search.ts bench-results/work/size-100/dist bench-results/work/size-1000/dist
 */
import type { Browser, Page } from 'playwright-core';
import { recordResponses, sumBytes, type LoadedResource } from '../../tests/gates/first-load';

/** The search page's contract as the bench relies on it (src/pages/search.astro). */
export const SEARCH_PAGE = {
  path: '/search/',
  input: '#search-q',
  results: '[data-search-results]',
  summary: '[data-search-summary]',
  /** Busy (aria-busy) from a search's start until its facet counts are in. */
  facets: '.search-facets',
  /** The theme facet's boxes. */
  themeBox: '[data-facet="theme"] input[type=checkbox]',
} as const;

/** Words every corpus has (the synthetic ones are made of the real sentences). */
export const COLD_QUERY = 'Raqqa';
export const WARM_QUERIES = ['Tunisia', 'returnees', 'propaganda', 'Mosul', 'prison', 'Europe', 'fighters', 'Libya', 'Turkey', 'caliphate'];
/** Between two letters of a typed query: about 80 words a minute. */
export const TYPING_GAP_MS = 150;

export interface SearchTiming {
  coldMs: number;
  coldRuns: number[];
  /** Results the cold query showed (0 would mean the timing is of "no results"). */
  coldResults: number;
  warmMedianMs: number;
  warmMaxMs: number;
  /** Median number of requests a warm query makes. */
  warmRequestsMedian: number;
  /** The same words typed a letter at a time: from the last letter to its results painted. */
  typedMedianMs: number;
  typedMaxMs: number;
  typedRuns: { query: string; ms: number; results: number }[];
  /** Median ms until the facet counts of a word pasted whole were in. */
  countsMedianMs?: number;
  /** The words pasted whole with a theme ticked: median to results painted, and to their counts. */
  facetedMedianMs?: number;
  facetedCountsMedianMs?: number;
  facetedRuns?: { query: string; ms: number; results: number; countsMs: number | null }[];
  /** Each warm query: its time, results shown, and what it fetched (index chunks, result fragments). */
  warmRuns: { query: string; ms: number; results: number; requests: number; bytes: number; countsMs: number | null }[];
  /** Fetched between typing the first query and its results painted. */
  firstSearchBytes: { raw: number; gzip: number; requests: number };
  /** Fetched for the first query until the network was quiet after it (facet counts included). */
  firstSearchSettledBytes?: { raw: number; gzip: number; requests: number };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round1 = (n: number) => Math.round(n * 10) / 10;
/** The median of the values measured (null: not measured), or undefined when none was. */
const medianOf = (values: (number | null)[]) => {
  const measured = values.filter((v) => v !== null);
  return measured.length ? round1(median(measured)) : undefined;
};

/**
 * Types `query` into the field and resolves with the ms until results are painted, how many,
 * and the ms until the facet counts were in (null if they had not come within 10 s).
 */
async function timeQuery(page: Page, query: string): Promise<{ ms: number; results: number; countsMs: number | null }> {
  return page.evaluate(
    ({ query, input: inputSelector, results: resultsSelector, summary: summarySelector, facets: facetsSelector }) =>
      new Promise<{ ms: number; results: number; countsMs: number | null }>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>(inputSelector);
        const list = document.querySelector<HTMLElement>(resultsSelector);
        const summary = document.querySelector<HTMLElement>(summarySelector);
        const facets = document.querySelector<HTMLElement>(facetsSelector);
        const missing = [!input && inputSelector, !list && resultsSelector, !summary && summarySelector, !facets && facetsSelector].filter(Boolean);
        if (!input || !list || !summary || !facets) {
          reject(new Error(`The search page has no ${missing.join(', ')}: update SEARCH_PAGE in scripts/bench/search.ts`));
          return;
        }
        let started = 0;
        let painted: { ms: number; results: number } | null = null;
        let countsMs: number | null = null;
        const timeout = setTimeout(() => reject(new Error(`No answer to "${query}" within 30 s`)), 30_000);
        // (no named functions here: tsx would wrap them in a helper the page lacks)
        const observer = new MutationObserver(() => {
          observer.disconnect();
          // The frame after the next animation frame has painted the results.
          requestAnimationFrame(() =>
            setTimeout(() => {
              painted = { ms: performance.now() - started, results: list.children.length };
              // tells the bench, if it listens, that the results are painted (see measureSearch)
              (window as unknown as { benchPainted?: () => void }).benchPainted?.();
              if (countsMs !== null || !facets.hasAttribute('aria-busy')) {
                clearTimeout(timeout);
                resolve({ ...painted, countsMs });
              }
            }, 0),
          );
        });
        // the counts: the facets stop being busy (they are marked busy when the search starts)
        const counts = new MutationObserver(() => {
          if (facets.hasAttribute('aria-busy') || !started) return;
          counts.disconnect();
          countsMs = performance.now() - started;
          if (painted) {
            clearTimeout(timeout);
            resolve({ ...painted, countsMs });
          }
        });
        setTimeout(() => {
          counts.disconnect();
          if (painted) resolve({ ...painted, countsMs });
        }, 10_000);
        observer.observe(summary, { childList: true, characterData: true, subtree: true });
        counts.observe(facets, { attributes: true, attributeFilter: ['aria-busy'] });
        input.value = query;
        started = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    { query, ...SEARCH_PAGE },
  );
}

/**
 * Types `query` a letter at a time, `gap` ms apart, and resolves with the ms from the last
 * letter to its results painted. A search still running when a letter comes paints nothing
 * (the page drops stale searches), so the first paint after the last letter is its own.
 */
async function timeTyped(page: Page, query: string, gap: number): Promise<{ ms: number; results: number }> {
  return page.evaluate(
    ({ query, gap, input: inputSelector, results: resultsSelector, summary: summarySelector }) =>
      new Promise<{ ms: number; results: number }>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>(inputSelector)!;
        const list = document.querySelector<HTMLElement>(resultsSelector)!;
        const summary = document.querySelector<HTMLElement>(summarySelector)!;
        const timeout = setTimeout(() => reject(new Error(`No answer to "${query}" typed within 30 s`)), 30_000);
        let typed = 0;
        let started = 0;
        // (no named functions here: tsx would wrap them in a helper the page lacks)
        const observer = new MutationObserver(() => {
          if (!started) return;
          observer.disconnect();
          requestAnimationFrame(() =>
            setTimeout(() => {
              clearTimeout(timeout);
              resolve({ ms: performance.now() - started, results: list.children.length });
            }, 0),
          );
        });
        observer.observe(summary, { childList: true, characterData: true, subtree: true });
        const next = setInterval(() => {
          typed++;
          input.value = query.slice(0, typed);
          if (typed === query.length) {
            clearInterval(next);
            started = performance.now();
          }
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }, gap);
      }),
    { query, gap, ...SEARCH_PAGE },
  );
}

async function clearQuery(page: Page): Promise<void> {
  // No named functions inside evaluated code: tsx's transform would wrap them in a helper the page lacks.
  await page.evaluate(({ input }) => {
    const field = document.querySelector<HTMLInputElement>(input)!;
    field.value = '';
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }, SEARCH_PAGE);
  await page.waitForFunction((results) => document.querySelector(results)!.children.length === 0, SEARCH_PAGE.results, {
    timeout: 30_000,
  });
}

/**
 * The warm words pasted whole on a fresh page with the dossier's first theme ticked (its
 * passages listed first, as a link to the theme's search opens): no word was searched before
 * on that page, as for the unticked ones.
 */
async function timeFaceted(browser: Browser, url: string): Promise<NonNullable<SearchTiming['facetedRuns']>> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.locator(SEARCH_PAGE.themeBox).first().check();
    const runs: NonNullable<SearchTiming['facetedRuns']> = [];
    for (const query of WARM_QUERIES) {
      // each word replaces the last: with a theme ticked, an emptied field lists the theme's passages
      await page.waitForFunction((facets) => !document.querySelector(facets)!.hasAttribute('aria-busy'), SEARCH_PAGE.facets, {
        timeout: 30_000,
      });
      await page.waitForTimeout(500);
      const run = await timeQuery(page, query);
      runs.push({ query, ms: round1(run.ms), results: run.results, countsMs: run.countsMs === null ? null : round1(run.countsMs) });
    }
    return runs;
  } finally {
    await context.close();
  }
}

export async function measureSearch(browser: Browser, siteUrl: string, coldRuns = 3): Promise<SearchTiming> {
  const url = new URL(SEARCH_PAGE.path, siteUrl).href;
  const colds: number[] = [];
  let coldResults = 0;
  let firstSearchBytes = { raw: 0, gzip: 0, requests: 0 };
  let firstSearchSettledBytes = { raw: 0, gzip: 0, requests: 0 };
  let warmRuns: SearchTiming['warmRuns'] = [];
  let typedRuns: SearchTiming['typedRuns'] = [];

  for (let run = 0; run < coldRuns; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'networkidle' });
      const recorder = recordResponses(context);
      const settledRecorder = recordResponses(context);
      // what was fetched until the results were painted: the page calls this at that moment
      let toPaint: Promise<LoadedResource[]> | null = null;
      await page.exposeFunction('benchPainted', () => {
        toPaint ??= recorder.stop();
      });
      const cold = await timeQuery(page, COLD_QUERY);
      const fetched = await (toPaint ?? recorder.stop());
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      const settled = await settledRecorder.stop();
      colds.push(cold.ms);
      coldResults = cold.results;
      if (run === 0) {
        const { raw, gzip, requests } = sumBytes(fetched);
        firstSearchBytes = { raw, gzip, requests };
        firstSearchSettledBytes = sumBytes(settled);
      }
      if (run === coldRuns - 1) {
        warmRuns = [];
        for (const query of WARM_QUERIES) {
          await clearQuery(page);
          const recorder = recordResponses(context);
          const warm = await timeQuery(page, query);
          const { raw, requests } = sumBytes(await recorder.stop());
          warmRuns.push({
            query,
            ms: round1(warm.ms),
            results: warm.results,
            requests,
            bytes: raw,
            countsMs: warm.countsMs === null ? null : round1(warm.countsMs),
          });
        }
        typedRuns = [];
        for (const query of WARM_QUERIES) {
          await clearQuery(page);
          // the previous word's facet counts are let finish, as between two searches a reader types
          await page.waitForTimeout(1000);
          const typed = await timeTyped(page, query, TYPING_GAP_MS);
          typedRuns.push({ query, ms: round1(typed.ms), results: typed.results });
        }
      }
    } finally {
      await context.close();
    }
  }
  const facetedRuns = await timeFaceted(browser, url);
  const warms = warmRuns.map((r) => r.ms);
  return {
    coldMs: round1(median(colds)),
    coldResults,
    coldRuns: colds.map(round1),
    warmMedianMs: round1(median(warms)),
    warmMaxMs: round1(Math.max(...warms)),
    warmRequestsMedian: median(warmRuns.map((r) => r.requests)),
    typedMedianMs: round1(median(typedRuns.map((r) => r.ms))),
    typedMaxMs: round1(Math.max(...typedRuns.map((r) => r.ms))),
    typedRuns,
    warmRuns,
    countsMedianMs: medianOf(warmRuns.map((r) => r.countsMs)),
    facetedMedianMs: round1(median(facetedRuns.map((r) => r.ms))),
    facetedCountsMedianMs: medianOf(facetedRuns.map((r) => r.countsMs)),
    facetedRuns,
    firstSearchBytes,
    firstSearchSettledBytes,
  };
}

/** Alone: measure search on built sites given as folders (see the module comment). */
if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('playwright-core');
  const { launchOptions } = await import('../../tests/browser');
  const { serveDist } = await import('../../tests/serve');
  const sites = process.argv.slice(2);
  if (!sites.length) {
    console.error('Usage: npx tsx scripts/bench/search.ts <built site folder>…');
    process.exit(2);
  }
  const browser = await chromium.launch(launchOptions());
  try {
    for (const [i, dir] of sites.entries()) {
      const server = await serveDist(Number(process.env.E2E_PORT ?? 4480) + i, dir);
      try {
        const t = await measureSearch(browser, server.url);
        const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
        console.log(
          `${dir}: cold ${t.coldMs} ms (${t.coldResults} results; fetched ${kb(t.firstSearchBytes.raw)} (${kb(t.firstSearchBytes.gzip)} gzip) in ${t.firstSearchBytes.requests} requests to paint, ` +
            `${kb(t.firstSearchSettledBytes?.raw ?? 0)} in ${t.firstSearchSettledBytes?.requests ?? 0} until quiet); ` +
            `warm median ${t.warmMedianMs} ms, worst ${t.warmMaxMs} ms, ${t.warmRequestsMedian} requests per query`,
        );
        for (const r of t.warmRuns) console.log(`  ${r.query}: ${r.ms} ms, ${r.results} shown, ${r.requests} requests, ${kb(r.bytes)}, counts at ${r.countsMs ?? '—'} ms`);
        console.log(`  typed a letter every ${TYPING_GAP_MS} ms: median ${t.typedMedianMs} ms, worst ${t.typedMaxMs} ms after the last letter`);
        for (const r of t.typedRuns) console.log(`  ${r.query}: ${r.ms} ms, ${r.results} shown`);
        console.log(`  whole, a theme ticked: median ${t.facetedMedianMs} ms, counts at ${t.facetedCountsMedianMs ?? '—'} ms (no theme: ${t.countsMedianMs ?? '—'} ms)`);
        for (const r of t.facetedRuns ?? []) console.log(`  ${r.query}: ${r.ms} ms, ${r.results} shown, counts at ${r.countsMs ?? '—'} ms`);
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
}
