/**
 * Many results load a screenful at a time, through the real search page and Pagefind, on an
 * index of passages written for this test: the built site is copied with its /pagefind/
 * replaced by one made here (same records and indexing as the build,
 * src/integrations/search-index.ts), so the number of results is known and large whatever the
 * dossier holds. What the reader sees: a first batch, more as they scroll or ask with the
 * keyboard, facet counts that count every passage (and no editors' note), notes labelled.
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSearchIndex } from '../../src/integrations/search-index';
import { serveDist, type RunningServer } from '../../scripts/lib/static-server';
import type { RecordMeta } from '../../src/contract/search';
import type { SearchRecord } from '../../src/corpus/search-records';
import type { DossierJson } from './dossier-json';

let site: string;
let server: RunningServer;
let articles: { prefix: string; slug: string; meta: RecordMeta }[];

/** Passages per article that say the word, and one editors' note that does too. */
const PER_ARTICLE = [41, 23];
const TOTAL = PER_ARTICLE[0]! + PER_ARTICLE[1]!;
const WORD = 'lantern';
const PLACES = ['harbour', 'market', 'checkpoint', 'mosque', 'school', 'bridge', 'border post'];

test.beforeAll(async () => {
  const dossier = JSON.parse(readFileSync('dist/data/dossier.json', 'utf8')) as DossierJson;
  articles = dossier.articles.slice(0, 2).map((x) => ({ prefix: x.meta.idPrefix, slug: x.slug, meta: { headline: x.meta.headline.value ?? x.slug, outlet: x.meta.outlet } }));

  site = mkdtempSync(join(tmpdir(), 'dossier-search-lazy-'));
  cpSync('dist', site, { recursive: true, filter: (src) => !/^dist\/(pagefind|p)(\/|$)/.test(src) });
  const records: SearchRecord[] = PER_ARTICLE.flatMap((n, a) =>
    Array.from({ length: n }, (_, i) => ({
      url: `/articles/${articles[a]!.slug}/#${articles[a]!.prefix}-${(0xd00000 + i).toString(16)}`,
      // passages of a few lines, of different lengths, as real ones are
      content:
        `A ${WORD} hung by the ${PLACES[i % PLACES.length]} (${a}.${i}) where the patrol waited for the night to pass, ` +
        'and the men who kept the road talked of the weeks before the town changed hands, of prices and of who had left.'.repeat(1 + (i % 3)),
      language: 'en',
      meta: articles[a]!.meta,
      filters: { kind: ['passage'], source: [articles[a]!.prefix] },
    })),
  );
  records.push({
    url: `/articles/${articles[0]!.slug}/?note=test#${articles[0]!.prefix}-d00000`,
    content: `Editors: the ${WORD} ${WORD} ${WORD} is a figure of speech here.`,
    language: 'en',
    meta: articles[0]!.meta,
    filters: { kind: ['note'] },
  });
  // indexed the way the build indexes its records
  await writeSearchIndex(records, join(site, 'pagefind'));
  server = await serveDist(Number(process.env.E2E_PORT ?? 4390) + 51, site, '127.0.0.1', 20);
});

test.afterAll(async () => {
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

test.use({ viewport: { width: 1280, height: 900 } });

const results = (page: Page) => page.locator('.search-result');

test('a first screenful is listed, and no more until the reader scrolls or asks', async ({ page }) => {
  await page.goto(`${server.url}search/?q=${WORD}`);
  const summary = page.locator('[data-search-summary]');
  await expect(summary).toContainText(`${TOTAL} passages and 1 editors’ note match “${WORD}”`);
  // the facet counts are in: whatever else the page was going to load after the first paint has started
  await expect(page.locator('.search-facets')).not.toHaveAttribute('aria-busy');
  const first = await results(page).count();
  expect(first).toBeGreaterThan(0);
  expect(first).toBeLessThan(TOTAL + 1);
  await expect(summary).toContainText(`(showing ${first})`);
  await expect(page.locator('[data-search-more]')).toBeVisible();
  await page.waitForTimeout(500);
  await expect(results(page)).toHaveCount(first);
});

test('scrolling towards the end of the list loads the next results', async ({ page }) => {
  await page.goto(`${server.url}search/?q=${WORD}`);
  await expect(results(page).first()).toBeVisible();
  const first = await results(page).count();
  await page.mouse.move(640, 600);
  // scroll in steps, as a reader does, until every result is listed
  await expect
    .poll(
      async () => {
        await page.mouse.wheel(0, 1200);
        return results(page).count();
      },
      { timeout: 20_000 },
    )
    .toBe(TOTAL + 1);
  expect(TOTAL + 1).toBeGreaterThan(first);
  await expect(page.locator('[data-search-more]')).toBeHidden();
  await expect(page.locator('[data-search-summary]')).not.toContainText('showing');
  // the editors' note is among them, labelled, and never counted as a passage
  await expect(page.locator('.search-result.is-note')).toHaveCount(1);
  await expect(page.locator('.search-result.is-note .search-result-kind')).toHaveText('Editors’ note');
});

test('the best result shows as soon as it has loaded, and the rest of the screenful follow in order', async ({ page }) => {
  const list = page.locator('[data-search-results]');
  const excerpts = page.locator('.search-result-excerpt');
  await page.goto(`${server.url}search/?q=${WORD}`);
  await expect(results(page).first()).toBeVisible();
  await expect(list).not.toHaveAttribute('aria-busy');
  const screenful = await excerpts.allInnerTexts();
  expect(screenful.length).toBeGreaterThan(2);

  // again, with every result's data held back but the first one asked for (routing also
  // turns the browser's cache off: each is fetched again)
  let asked = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/pagefind/fragment/**', async (route: Route) => {
    if (asked++ > 0) await released;
    await route.continue();
  });
  await page.reload();
  await expect(results(page)).toHaveCount(1);
  await expect(excerpts.first()).toHaveText(screenful[0]!);
  // the summary counts the screenful on its way, and the list says it is still loading
  await expect(page.locator('[data-search-summary]')).toContainText(`(showing ${screenful.length})`);
  await expect(list).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('[data-search-more]')).toHaveText(`Show ${Math.min(20, TOTAL + 1 - screenful.length)} more results`);
  await page.waitForTimeout(300);
  await expect(results(page)).toHaveCount(1);
  release();
  await expect(list).not.toHaveAttribute('aria-busy');
  expect(await excerpts.allInnerTexts()).toEqual(screenful);
});

test('the best result is fetched alone: the rest of the screenful are asked for once it is in', async ({ page }) => {
  // fetched side by side, the first of a screenful's fragments came in with the last of them
  const asked: string[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/pagefind/fragment/**', async (route: Route) => {
    asked.push(route.request().url());
    if (asked.length === 1) await released;
    await route.continue();
  });
  await page.goto(`${server.url}search/?q=${WORD}`);
  await expect.poll(() => asked.length).toBe(1);
  await page.waitForTimeout(300);
  expect(asked).toHaveLength(1);
  await expect(results(page)).toHaveCount(0);
  release();
  await expect(results(page).first()).toBeVisible();
  await expect(page.locator('[data-search-results]')).not.toHaveAttribute('aria-busy');
  const screenful = await results(page).count();
  expect(screenful).toBeGreaterThan(2);
  expect(asked).toHaveLength(screenful);
});

test('"Show more" works from the keyboard and carries focus to the first new result', async ({ page }) => {
  await page.goto(`${server.url}search/?q=${WORD}`);
  await expect(results(page).first()).toBeVisible();
  // the first screenful is in
  await expect(page.locator('[data-search-results]')).not.toHaveAttribute('aria-busy');
  const first = await results(page).count();
  const more = page.locator('[data-search-more]');
  await expect(more).toHaveText(/^Show \d+ more results?$/);
  const announced = Number(/\d+/.exec((await more.textContent())!)![0]);
  // Tab from the last result's last link reaches the button
  await results(page).nth(first - 1).locator('a').last().focus();
  await page.keyboard.press('Tab');
  await expect(more).toBeFocused();
  // focusing scrolled the page, which may have started loading the next results: let them land
  const list = page.locator('[data-search-results]');
  await expect(list).not.toHaveAttribute('aria-busy');
  const before = await results(page).count();
  const offered = before === first ? announced : Number(/\d+/.exec((await more.textContent())!)![0]);
  await page.keyboard.press('Enter');
  await expect(results(page)).toHaveCount(before + offered);
  await expect(list).not.toHaveAttribute('aria-busy');
  await expect(results(page).nth(before).locator('a.search-result-title')).toBeFocused();
});

test('facet counts count every passage the query finds, not only those listed, and no note', async ({ page }) => {
  await page.goto(`${server.url}search/?q=${WORD}`);
  await expect(page.locator('.search-facets')).not.toHaveAttribute('aria-busy');
  const count = (prefix: string) =>
    page.locator(`[data-facet="source"] input[data-filter-value="${prefix}"]`).locator('xpath=..').locator('[data-facet-count]');
  await expect(count(articles[0]!.prefix)).toHaveText(String(PER_ARTICLE[0]));
  await expect(count(articles[1]!.prefix)).toHaveText(String(PER_ARTICLE[1]));
  // ticking a source narrows the results to its passages, a first screenful of them again
  await page.locator(`[data-facet="source"] input[data-filter-value="${articles[1]!.prefix}"]`).check();
  await expect(page.locator('[data-search-summary]')).toContainText(`${PER_ARTICLE[1]} passages match “${WORD}”`);
  expect(await results(page).count()).toBeLessThan(PER_ARTICLE[1]! + 1);
  await expect(page.locator('.search-result.is-note')).toHaveCount(0);
});
