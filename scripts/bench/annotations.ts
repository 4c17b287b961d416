/**
 * A large notebook in headless Chromium: 10,000 annotations in the browser's own IndexedDB,
 * 3,000 of them on the article page measured (the longest article), the rest on the others.
 * The article page is loaded fresh (same profile) a few times, scrolled to the top; inside the
 * page, once per frame, a probe notes
 *
 *   first highlight  the first frame painted with one of the reader's highlights in it
 *   all anchored     when the annotator says every annotation is placed and drawn
 *                    (`data-annotations-drawn` on <html>)
 *
 * and a PerformanceObserver the long tasks (the page cannot answer a key or click meanwhile).
 * Times are from the navigation's start. Then the notebook page with all 10,000: until its
 * list is drawn, and until every quote link has been checked against its article's page.
 *
 * Run alone on a built site (the real dossier's dist/):
 *   npx tsx scripts/bench/annotations.ts [dist]
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { selectorsFor } from '../../src/annotations/anchoring/selectors';
import { HIGHLIGHT_COLOURS, newAnnotation, type Annotation } from '../../src/annotations/model';
import { readArticlesFromDisk, type ArticleOnDisk } from '../../src/corpus/read-articles';
import { articleUrl, NOTEBOOK_URL } from '../../src/contract/routes';
import { DB_NAME, STORE_NAME } from '../../src/client/store/names';
import { toStored } from '../../src/client/store/record';
import { ANNOTATION_MARKS } from '../../src/client/timing';
import { createRandom } from './random';

export const LARGE_NOTEBOOK = { total: 10_000, onOneArticle: 3_000, loads: 3 } as const;

export interface LargeNotebookTiming {
  article: string;
  annotations: number;
  onArticle: number;
  /** Median of the loads, ms from navigation start. */
  firstHighlightMs: number;
  allAnchoredMs: number;
  /** How many the page said it drew (should be onArticle). */
  drawn: number;
  /** Longest single task and the sum of the parts of long tasks over 50 ms (total blocking time), median of the loads. */
  longestTaskMs: number;
  blockingMs: number;
  runs: { firstHighlightMs: number; allAnchoredMs: number; longestTaskMs: number; blockingMs: number }[];
  /** Where the time to the first highlight goes: the page's own load, then the annotator's marks (median ms from navigation start). */
  stages: Record<string, number>;
  notebook: { listedMs: number | null; linksCheckedMs: number | null };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Annotations spread over passages at random (seeded), each on a few words of its passage, as readers make them. */
export function makeAnnotations(articles: ArticleOnDisk[], target: ArticleOnDisk, origin: string, seed = '1'): Annotation[] {
  const random = createRandom(`large-notebook-${seed}`);
  const others = articles.filter((a) => a !== target && a.passages.length);
  const out: Annotation[] = [];
  const now = new Date('2026-01-01T00:00:00.000Z');
  for (let i = 0; i < LARGE_NOTEBOOK.total; i++) {
    const article = i < LARGE_NOTEBOOK.onOneArticle ? target : random.pick(others);
    const passage = random.pick(article.passages);
    const words = [...passage.text.matchAll(/\S+/g)];
    const from = random.int(0, Math.max(0, words.length - 1));
    const to = Math.min(words.length - 1, from + random.int(0, 7));
    const start = words[from]!.index;
    const end = words[to]!.index + words[to]![0].length;
    out.push(
      newAnnotation({
        id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        source: `${origin}${articleUrl(article.slug)}`,
        selectors: selectorsFor({ id: passage.id, text: passage.text }, start, end),
        now,
        colour: random.pick(HIGHLIGHT_COLOURS),
        note: random.chance(0.2) ? `Note ${i}: worth checking against the other sources.` : '',
        tags: random.chance(0.1) ? ['check'] : [],
      }),
    );
  }
  return out;
}

/** Writes the annotations into the site's store the way the site stores them (same database, store and record shape). */
async function seed(page: Page, annotations: Annotation[]) {
  for (let i = 0; i < annotations.length; i += 2_000) {
    await page.evaluate(
      async ({ records, db, store }) => {
        await new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(db);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(store, 'readwrite');
            for (const r of records) tx.objectStore(store).put(r);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        });
      },
      { records: annotations.slice(i, i + 2_000).map(toStored), db: DB_NAME, store: STORE_NAME },
    );
  }
}

/** The in-page probe: frame by frame, the first painted highlight and the annotator's "all drawn". */
const PROBE = () => {
  const probe = { firstHighlight: -1, allAnchored: -1, drawn: 0, longTasks: [] as number[] };
  (window as unknown as { __largeNotebook: typeof probe }).__largeNotebook = probe;
  try {
    new PerformanceObserver((list) => list.getEntries().forEach((e) => probe.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  } catch {
    /* no long-task timing in this browser */
  }
  const frame = () => {
    if (probe.firstHighlight < 0 && document.querySelector('mark.annotation-highlight')) probe.firstHighlight = performance.now();
    const drawn = document.documentElement.dataset.annotationsDrawn;
    if (drawn !== undefined) {
      probe.allAnchored = performance.now();
      probe.drawn = Number(drawn);
      return;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

async function loadArticle(context: BrowserContext, url: string) {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __largeNotebook: { allAnchored: number } }).__largeNotebook.allAnchored >= 0, null, {
      timeout: 120_000,
      polling: 250,
    });
    // Long tasks are reported a little after they end.
    await page.waitForTimeout(300);
    const probe = await page.evaluate(() => (window as unknown as { __largeNotebook: { firstHighlight: number; allAnchored: number; drawn: number; longTasks: number[] } }).__largeNotebook);
    const stages = await page.evaluate((marks) => {
      const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      const out: Record<string, number | undefined> = {
        'HTML received': nav?.responseEnd,
        'DOM parsed': nav?.domInteractive,
        'first contentful paint': paint?.startTime,
        'page loaded': nav?.loadEventEnd,
      };
      // (No named functions in here: tsx would wrap them in a helper the page lacks.)
      for (const [key, name] of Object.entries(marks)) out[`mark: ${key}`] = performance.getEntriesByName(name, 'mark')[0]?.startTime;
      return out;
    }, ANNOTATION_MARKS);
    return {
      stages: Object.fromEntries(Object.entries(stages).filter((e): e is [string, number] => e[1] !== undefined).map(([k, v]) => [k, Math.round(v)])),
      firstHighlightMs: Math.round(probe.firstHighlight),
      allAnchoredMs: Math.round(probe.allAnchored),
      drawn: probe.drawn,
      longestTaskMs: Math.round(Math.max(0, ...probe.longTasks)),
      blockingMs: Math.round(probe.longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0)),
    };
  } finally {
    await page.close();
  }
}

async function loadNotebook(context: BrowserContext, url: string): Promise<LargeNotebookTiming['notebook']> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    const since = (selector: string) =>
      page
        .waitForSelector(selector, { state: 'attached', timeout: 180_000 })
        .then(() => page.evaluate(() => Math.round(performance.now())))
        .catch(() => null);
    const listedMs = await since('dossier-notebook[data-ready]');
    const linksCheckedMs = await since('dossier-notebook[data-links-checked]');
    return { listedMs, linksCheckedMs };
  } finally {
    await page.close();
  }
}

export async function measureLargeNotebook(browser: Browser, siteUrl: string, articlesDir?: string): Promise<LargeNotebookTiming> {
  const articles = readArticlesFromDisk(articlesDir);
  const target = [...articles].sort((a, b) => b.passages.length - a.passages.length)[0]!;
  const origin = new URL(siteUrl).origin;
  const annotations = makeAnnotations(articles, target, origin);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const url = new URL(articleUrl(target.slug), siteUrl).href;
    // The notebook opens (and so creates) the store with the site's own code: its version and stores are the site's.
    const first = await context.newPage();
    await first.goto(new URL(NOTEBOOK_URL, siteUrl).href);
    await first.waitForSelector('dossier-notebook[data-ready]', { state: 'attached' });
    await seed(first, annotations);
    await first.close();

    // tsx (esbuild's keepNames) wraps the probe's inner functions in __name(), which the page lacks.
    await context.addInitScript({ content: `var __name = (f) => f; (${PROBE.toString()})();` });
    const runs: Awaited<ReturnType<typeof loadArticle>>[] = [];
    for (let i = 0; i < LARGE_NOTEBOOK.loads; i++) runs.push(await loadArticle(context, url));
    const notebook = await loadNotebook(context, new URL(NOTEBOOK_URL, siteUrl).href);
    return {
      article: target.slug,
      annotations: annotations.length,
      onArticle: LARGE_NOTEBOOK.onOneArticle,
      firstHighlightMs: median(runs.map((r) => r.firstHighlightMs)),
      allAnchoredMs: median(runs.map((r) => r.allAnchoredMs)),
      drawn: Math.min(...runs.map((r) => r.drawn)),
      longestTaskMs: median(runs.map((r) => r.longestTaskMs)),
      blockingMs: median(runs.map((r) => r.blockingMs)),
      runs: runs.map(({ drawn: _drawn, stages: _stages, ...r }) => r),
      stages: Object.fromEntries(Object.keys(runs[0]!.stages).map((k) => [k, median(runs.map((r) => r.stages[k] ?? NaN))])),
      notebook,
    };
  } finally {
    await context.close();
  }
}

/** One line per figure, for the bench's report and for running alone. */
export function formatLargeNotebook(t: LargeNotebookTiming): string {
  return [
    `Large notebook: ${t.annotations.toLocaleString('en')} annotations, ${t.onArticle.toLocaleString('en')} on ${t.article} (median of ${t.runs.length} loads, from navigation start)`,
    `  first highlight painted  ${t.firstHighlightMs} ms`,
    `  all anchored and drawn   ${t.allAnchoredMs} ms (${t.drawn} drawn)`,
    `  longest task             ${t.longestTaskMs} ms; total blocking ${t.blockingMs} ms`,
    `  notebook listed          ${t.notebook.listedMs ?? '—'} ms; quote links checked ${t.notebook.linksCheckedMs ?? '—'} ms`,
    `  on the way (ms):         ${Object.entries(t.stages)
      .sort((a, b) => a[1] - b[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')}`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('playwright-core');
  const { launchOptions } = await import('../../tests/browser');
  const { serveDist } = await import('../../tests/serve');
  const dist = process.argv[2] ?? 'dist';
  const browser = await chromium.launch(launchOptions());
  const server = await serveDist(Number(process.env.BENCH_PORT ?? 4480), dist);
  try {
    console.log(formatLargeNotebook(await measureLargeNotebook(browser, server.url)));
  } finally {
    await server.close();
    await browser.close();
  }
}
