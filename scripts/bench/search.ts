/**
 * Search speed in headless Chromium, on the search page of a built site: the time from a
 * query entering the field (one `input` event, as when the last key is typed) to its
 * results being painted, measured inside the page with performance.now(). "Painted": the
 * page has rewritten its results summary (which it does once the results are in the list,
 * or when there are none), and the next frame has been drawn.
 *
 *   cold  the first search of a fresh page (Pagefind's script, WebAssembly and index
 *         chunks are fetched), median of a few fresh browser contexts; the bytes fetched
 *         for it are counted from the response bodies
 *   warm  later searches on the same page, each a different word, median and worst
 */
import type { Browser, Page } from 'playwright-core';
import { recordResponses, sumBytes } from '../../tests/gates/first-load';

/** The search page's contract as the bench relies on it (src/pages/search.astro). */
export const SEARCH_PAGE = {
  path: '/search/',
  input: '#search-q',
  results: '[data-search-results]',
  summary: '[data-search-summary]',
} as const;

/** Words every corpus has (the synthetic ones are made of the real sentences). */
export const COLD_QUERY = 'Raqqa';
export const WARM_QUERIES = ['Tunisia', 'returnees', 'propaganda', 'Mosul', 'prison', 'Europe', 'fighters', 'Libya', 'Turkey', 'caliphate'];

export interface SearchTiming {
  coldMs: number;
  coldRuns: number[];
  /** Results the cold query showed (0 would mean the timing is of "no results"). */
  coldResults: number;
  warmMedianMs: number;
  warmMaxMs: number;
  /** Median number of requests a warm query makes. */
  warmRequestsMedian: number;
  /** Each warm query: its time, results shown, and what it fetched (index chunks, result fragments). */
  warmRuns: { query: string; ms: number; results: number; requests: number; bytes: number }[];
  /** Fetched between typing the first query and its results painted. */
  firstSearchBytes: { raw: number; gzip: number; requests: number };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Types `query` into the field and resolves with the ms until results are painted, and how many. */
async function timeQuery(page: Page, query: string): Promise<{ ms: number; results: number }> {
  return page.evaluate(
    ({ query, input: inputSelector, results: resultsSelector, summary: summarySelector }) =>
      new Promise<{ ms: number; results: number }>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>(inputSelector);
        const list = document.querySelector<HTMLElement>(resultsSelector);
        const summary = document.querySelector<HTMLElement>(summarySelector);
        const missing = [!input && inputSelector, !list && resultsSelector, !summary && summarySelector].filter(Boolean);
        if (!input || !list || !summary) {
          reject(new Error(`The search page has no ${missing.join(', ')}: update SEARCH_PAGE in scripts/bench/search.ts`));
          return;
        }
        let started = 0;
        const timeout = setTimeout(() => reject(new Error(`No answer to "${query}" within 30 s`)), 30_000);
        const observer = new MutationObserver(() => {
          observer.disconnect();
          // The frame after the next animation frame has painted the results.
          requestAnimationFrame(() =>
            setTimeout(() => {
              clearTimeout(timeout);
              resolve({ ms: performance.now() - started, results: list.children.length });
            }, 0),
          );
        });
        observer.observe(summary, { childList: true, characterData: true, subtree: true });
        input.value = query;
        started = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    { query, ...SEARCH_PAGE },
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

export async function measureSearch(browser: Browser, siteUrl: string, coldRuns = 3): Promise<SearchTiming> {
  const url = new URL(SEARCH_PAGE.path, siteUrl).href;
  const colds: number[] = [];
  let coldResults = 0;
  let firstSearchBytes = { raw: 0, gzip: 0, requests: 0 };
  let warmRuns: SearchTiming['warmRuns'] = [];

  for (let run = 0; run < coldRuns; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'networkidle' });
      const recorder = recordResponses(context);
      const cold = await timeQuery(page, COLD_QUERY);
      const fetched = await recorder.stop();
      colds.push(cold.ms);
      coldResults = cold.results;
      if (run === 0) {
        const { raw, gzip, requests } = sumBytes(fetched);
        firstSearchBytes = { raw, gzip, requests };
      }
      if (run === coldRuns - 1) {
        warmRuns = [];
        for (const query of WARM_QUERIES) {
          await clearQuery(page);
          const recorder = recordResponses(context);
          const warm = await timeQuery(page, query);
          const { raw, requests } = sumBytes(await recorder.stop());
          warmRuns.push({ query, ms: round1(warm.ms), results: warm.results, requests, bytes: raw });
        }
      }
    } finally {
      await context.close();
    }
  }
  const warms = warmRuns.map((r) => r.ms);
  return {
    coldMs: round1(median(colds)),
    coldResults,
    coldRuns: colds.map(round1),
    warmMedianMs: round1(median(warms)),
    warmMaxMs: round1(Math.max(...warms)),
    warmRequestsMedian: median(warmRuns.map((r) => r.requests)),
    warmRuns,
    firstSearchBytes,
  };
}
