/**
 * Query understanding, through the real search page and Pagefind, on an index of passages
 * written for this test (not the dossier's): the built site is copied with its /pagefind/
 * and vocabulary replaced by ones made here from the records below, built with the same
 * records and indexing as the build (src/integrations/search-index.ts). Each class of query
 * the reader types differently from the text has its own examples:
 *   dash or space, diacritics, apostrophes, misspellings, and editors' notes.
 */
import { expect, test, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSearchIndex } from '../../src/integrations/search-index';
import { serveDist, type RunningServer } from '../../scripts/lib/static-server';
import type { RecordMeta } from '../../src/contract/search';
import type { SearchRecord } from '../../src/corpus/search-records';
import { buildVocabulary } from '../../src/corpus/vocabulary';
import type { EntityIndex } from '../../src/corpus/entities';
import type { DossierJson } from './dossier-json';

let site: string;
let server: RunningServer;
let a: { prefix: string; slug: string; meta: RecordMeta };
let b: { prefix: string; slug: string; meta: RecordMeta };

/** The test's passages, in two of the site's articles (so results name real articles). */
const PASSAGES: [article: 'a' | 'b', text: string][] = [
  ['a', 'Fighters loyal to Jabhat al Nusra crossed the river at night.'],
  ['b', 'The al-Nusra front held the market town for a year.'],
  ['a', 'Both spellings, al Nusra and al-Nusra, appear in the same report.'],
  ['b', 'Nusra commanders and al fighters met, a coincidence of words.'],
  ['a', 'Hayat Tahrir al-Shām now controls the province and its crossings.'],
  ['b', 'A Qur’anic verse was painted on the checkpoint wall.'],
  ['a', "Another Qur'anic reference closed the sermon."],
  ['b', 'The commander Abdulrahman Zarqawiyya addressed the recruits in person.'],
  ['a', 'Recruiters promised salaries and housing to the volunteers.'],
  ['b', 'The ceasefire held for three weeks along the valley.'],
];
const NOTE = { on: 0, text: 'Editors: read this beside the report on the ceasefire negotiations and their mediators.' };

const passageId = (i: number) => `${(PASSAGES[i]![0] === 'a' ? a : b).prefix}-${(0xabc000 + i).toString(16)}`;
const articleOf = (i: number) => (PASSAGES[i]![0] === 'a' ? a : b);

test.beforeAll(async () => {
  const dossier = JSON.parse(readFileSync('dist/data/dossier.json', 'utf8')) as DossierJson;
  const [first, second] = dossier.articles.map((x) => ({ prefix: x.meta.idPrefix, slug: x.slug, meta: { headline: x.meta.headline.value ?? x.slug, outlet: x.meta.outlet } }));
  a = first!;
  b = second!;

  site = mkdtempSync(join(tmpdir(), 'dossier-search-understanding-'));
  cpSync('dist', site, { recursive: true, filter: (src) => !/^dist\/(pagefind|p)(\/|$)/.test(src) });
  const records: SearchRecord[] = PASSAGES.map(([, text], i) => ({
    url: `/articles/${articleOf(i).slug}/#${passageId(i)}`,
    content: text,
    language: 'en',
    meta: articleOf(i).meta,
    filters: { kind: ['passage'], source: [articleOf(i).prefix] },
  }));
  records.push({
    url: `/articles/${articleOf(NOTE.on).slug}/?note=test#${passageId(NOTE.on)}`,
    content: NOTE.text,
    language: 'en',
    meta: articleOf(NOTE.on).meta,
    filters: { kind: ['note'] },
  });
  // indexed the way the build indexes its records
  await writeSearchIndex(records, join(site, 'pagefind'));
  const vocabulary = buildVocabulary(
    PASSAGES.map(([, text], i) => ({ id: passageId(i), text })) as unknown as Parameters<typeof buildVocabulary>[0],
    { entities: [] } as unknown as EntityIndex,
  );
  mkdirSync(join(site, 'data'), { recursive: true });
  writeFileSync(join(site, 'data', 'vocabulary.json'), JSON.stringify(vocabulary));
  server = await serveDist(Number(process.env.E2E_PORT ?? 4390) + 50, site, '127.0.0.1', 20);
});

test.afterAll(async () => {
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

test.use({ viewport: { width: 1280, height: 900 } });

/** Searches and returns the passage ids of every result (pressing "Show more" until all are listed). */
async function search(page: Page, query: string, extra = ''): Promise<string[]> {
  await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}${extra}`);
  // a correction needs the vocabulary and a few more searches: allow for a busy machine
  await expect(page.locator('[data-search-summary]')).not.toContainText('Type a word', { timeout: 15_000 });
  const more = page.locator('[data-search-more]');
  while (await more.isVisible()) {
    const shown = await page.locator('.search-result').count();
    // scrolling to the button may load the next results first and hide it: either will do
    await more.click({ timeout: 5_000 }).catch(() => {});
    await expect
      .poll(async () => (await page.locator('.search-result').count()) > shown || !(await more.isVisible()))
      .toBe(true);
  }
  return page
    .locator('.search-result a.search-result-title')
    .evaluateAll((links) => links.map((l) => new URL((l as HTMLAnchorElement).href).hash.slice(1)));
}
const ids = (...indexes: number[]) => indexes.map(passageId).sort();

test('a dashed name also finds it written with a space, and the reverse, each passage once', async ({ page }) => {
  expect((await search(page, 'al-Nusra')).sort()).toEqual(ids(0, 1, 2));
  await expect(page.locator('[data-search-summary]')).toContainText('3 passages match “al-Nusra”');
  // the words apart, as a phrase: "Nusra … al" in another order is no match
  expect(await search(page, 'al-Nusra')).not.toContain(passageId(3));
  expect((await search(page, 'al Nusra')).sort()).toEqual(expect.arrayContaining(ids(0, 1, 2)));
});

test('the source facet counts each passage once when two spellings find it', async ({ page }) => {
  await search(page, 'al-Nusra');
  const count = (prefix: string) =>
    page.locator(`[data-facet="source"] input[data-filter-value="${prefix}"]`).locator('xpath=..').locator('[data-facet-count]');
  await expect(count(a.prefix)).toHaveText('2');
  await expect(count(b.prefix)).toHaveText('1');
});

test('a query without diacritics finds the word written with them, and marks it in the excerpt', async ({ page }) => {
  expect(await search(page, 'al-Sham')).toEqual(ids(4));
  expect(await search(page, 'Tahrir al Sham')).toEqual(ids(4));
  await expect(page.locator('.search-result-excerpt mark', { hasText: 'al-Shām' })).toBeVisible();
});

test('either apostrophe, or none, finds both spellings', async ({ page }) => {
  for (const query of ["Qur'anic", 'Qur’anic', 'Quranic']) expect((await search(page, query)).sort()).toEqual(ids(5, 6));
});

test('a misspelt name is searched as its correction, said so, with one click back to the words as typed', async ({ page }) => {
  expect(await search(page, 'Zarqawyya')).toEqual(ids(7));
  const correction = page.locator('[data-correction]');
  await expect(correction).toContainText('Showing results for Zarqawiyya');
  await expect(correction).toContainText('search instead for Zarqawyya');
  await expect(page.locator('#search-q')).toHaveValue('Zarqawyya');

  await correction.getByRole('link').click();
  await expect(page.locator('[data-search-summary]')).toContainText('No passage matches “Zarqawyya”');
  await expect(page.locator('.search-result')).toHaveCount(0);
  await expect(correction).toBeHidden();
  await expect(page).toHaveURL(/[?&]literal=1/);
  // the literal search still offers the correction, as a link
  await expect(page.locator('.did-you-mean a', { hasText: 'Zarqawiyya' })).toBeVisible();

  // a reload keeps the literal search; typing again corrects again
  await page.reload();
  await expect(page.locator('[data-search-summary]')).toContainText('No passage matches “Zarqawyya”');
  await page.locator('#search-q').fill('Recrutiers');
  await expect(correction).toContainText('Showing results for Recruiters');
  await expect(page.locator(`.search-result a[href$="#${passageId(8)}"]`)).toBeVisible();
});

test('an editors’ note hit is labelled, links to its passage and is not counted for the passage’s source', async ({ page }) => {
  // "mediators" is only in the note
  expect(await search(page, 'mediators')).toEqual(ids(NOTE.on));
  const result = page.locator('.search-result');
  await expect(result).toHaveClass(/is-note/);
  await expect(result.locator('.search-result-kind')).toHaveText('Editors’ note');
  await expect(page.locator('[data-search-summary]')).toContainText('1 editors’ note matches “mediators”; no passage does.');
  await expect(page.locator('.search-facets[aria-busy="true"]')).toHaveCount(0);
  for (const count of await page.locator('[data-facet="source"] [data-facet-count]').allInnerTexts()) expect(count).toBe('0');

  // "ceasefire" is in the note and in a passage of the other article: only that passage counts
  expect((await search(page, 'ceasefire')).sort()).toEqual(ids(NOTE.on, 9));
  await expect(page.locator('[data-search-summary]')).toContainText('1 passage and 1 editors’ note match “ceasefire”');
  const sourceCount = (prefix: string) =>
    page.locator(`[data-facet="source"] input[data-filter-value="${prefix}"]`).locator('xpath=..').locator('[data-facet-count]');
  await expect(sourceCount(articleOf(9).prefix)).toHaveText('1');
  await expect(sourceCount(articleOf(NOTE.on).prefix)).toHaveText('0');
});
