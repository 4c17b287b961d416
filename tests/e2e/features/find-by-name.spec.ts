/**
 * "Find a source" on the home page and "Find a name" on the name index, shown when the list runs
 * to several pages (the fixture site's lists do: FIXTURE_PAGE_SIZE). What they list comes from
 * the site's own files (/compare/sources.json, /search/facets.json), never typed in here.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  COMPARE_SOURCES_URL,
  SEARCH_FACETS_URL,
  entityPlacesUrl,
  themePlacesUrl,
  type CompareSourceJson,
  type SearchFacetsJson,
} from '../../../src/contract/endpoints';
import { articleUrl, entityUrl, figuresSourceAnchor, figuresSourceUrl, figuresUrl, pageOf, themeUrl } from '../../../src/contract/routes';
import { FIXTURE_PAGE_SIZE } from '../../fixture-site';
import { foldText as fold } from '../../../src/client/search/fold';

let sources: CompareSourceJson[];
let facets: SearchFacetsJson;
test.beforeAll(async ({ request }) => {
  sources = (await (await request.get(COMPARE_SOURCES_URL)).json()) as CompareSourceJson[];
  facets = (await (await request.get(SEARCH_FACETS_URL)).json()) as SearchFacetsJson;
});
test.use({ viewport: { width: 1280, height: 900 } });

const sourceField = (page: Page) => page.getByRole('searchbox', { name: 'Find a source' });
const nameField = (page: Page) => page.getByRole('searchbox', { name: 'Find a name' });
const status = (page: Page) => page.locator('.find-status');
const matches = (page: Page) => page.locator('.find-found a');
/** The addresses the field links to, in the order listed. */
const hrefs = (page: Page) => matches(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')));

test('the home page finds any source by outlet or headline, on every page of the list, and follows it', async ({ page }) => {
  // the last source is on the last page of the list, not on the first
  const last = sources.at(-1)!;
  await page.goto('/');
  await expect(page.locator(`.source-grid a[href="${articleUrl(last.slug)}"]`)).toHaveCount(0);
  // a word of its headline, typed in capitals and without its accents
  const word = last.headline.split(/\s+/).find((w) => w.length > 4)!;
  const typed = fold(word).toUpperCase();
  await sourceField(page).fill(typed);
  const expected = sources.filter((s) => fold(`${s.outlet} ${s.headline}`).includes(fold(word)));
  await expect(status(page)).toHaveText(expected.length === 1 ? '1 source' : `${expected.length} sources`);
  expect((await hrefs(page)).sort()).toEqual(expected.map((s) => articleUrl(s.slug)).sort());
  const item = page.locator('.find-found li').filter({ has: page.locator(`a[href="${articleUrl(last.slug)}"]`) });
  await expect(item.locator('.outlet')).toHaveText(last.outlet);
  await expect(item.locator('.find-meta')).toHaveText(last.year);
  await item.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`${articleUrl(last.slug)}$`));
});

test('a theme’s pages find any source: one with passages on its column, one without in the list after the last page’s columns', async ({ page, request }) => {
  const dossier = (await (await request.get('/data/dossier.json')).json()) as { themes: { id: string }[]; passages: { article: string; themes: string[] }[] };
  // the theme with the most sources on it of those some source says nothing on (the fixture's
  // source in another language is not read for themes)
  const onTheme = (theme: string) => new Set(dossier.passages.filter((p) => p.themes.includes(theme)).map((p) => p.article));
  const theme = dossier.themes
    .map((t) => t.id)
    .filter((id) => onTheme(id).size < sources.length)
    .sort((a, b) => onTheme(b).size - onTheme(a).size)[0]!;
  const speaking = sources.filter((s) => onTheme(theme).has(s.slug));
  const quiet = sources.find((s) => !onTheme(theme).has(s.slug))!;
  const lastPage = Math.ceil(speaking.length / FIXTURE_PAGE_SIZE);
  const lastSpeaking = speaking.at(-1)!;
  expect(lastPage, 'the theme’s columns run past one page').toBeGreaterThanOrEqual(2);

  for (const [source, onPage, landing] of [
    [lastSpeaking, Math.floor((speaking.length - 1) / FIXTURE_PAGE_SIZE) + 1, '.theme-column'],
    [quiet, lastPage, '.theme-apart li'],
  ] as const) {
    await page.goto(themeUrl(theme));
    await expect(page.locator(`#source-${source.slug}`)).toHaveCount(0);
    await page.getByRole('searchbox', { name: 'Find a source on this theme' }).fill(source.headline);
    const href = `${themeUrl(theme, onPage)}#source-${source.slug}`;
    const item = page.locator('.find-found li').filter({ has: page.locator(`a[href="${href}"]`) });
    await expect(item.locator('.find-meta')).toHaveText(`${source.year} · page ${onPage}`);
    await item.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.locator(`${landing}#source-${source.slug}`)).toBeInViewport();
  }
});

test('an entity’s pages find the sources that name it, and land on their mentions on the page where they begin', async ({ page, request }) => {
  const dossier = (await (await request.get('/data/dossier.json')).json()) as {
    entities: { id: string; name: string; mentionCount: number }[];
    passages: { article: string; entities: { entity: string }[] }[];
  };
  // the entity with the most mentions: its pages are several; its mentions in corpus order, each with its source
  const entity = [...dossier.entities].sort((a, b) => b.mentionCount - a.mentionCount)[0]!;
  const lines = dossier.passages.flatMap((p) => p.entities.filter((m) => m.entity === entity.id).map(() => p.article));
  expect(Math.ceil(lines.length / FIXTURE_PAGE_SIZE), 'the entity’s mentions run past one page').toBeGreaterThanOrEqual(2);
  const naming = sources.filter((s) => lines.includes(s.slug));
  const silent = sources.filter((s) => !lines.includes(s.slug));
  const last = naming.at(-1)!;
  const onPage = Math.floor(lines.indexOf(last.slug) / FIXTURE_PAGE_SIZE) + 1;

  await page.goto(entityUrl(entity.id));
  const field = page.getByRole('searchbox', { name: `Find a source that names ${entity.name}` });
  // every source that names it, and no other
  expect(silent.length, 'some fixture source does not name it').toBeGreaterThan(0);
  for (const source of sources) {
    await field.fill(source.headline);
    if (naming.includes(source)) await expect(page.locator(`.find-found a[href*="#source-${source.slug}"]`)).toHaveCount(1);
    else await expect(status(page)).toHaveText(/^No source matches/);
  }
  await field.fill(last.headline);
  const href = `${entityUrl(entity.id, onPage)}#source-${last.slug}`;
  const item = page.locator('.find-found li').filter({ has: page.locator(`a[href="${href}"]`) });
  await expect(item.locator('.find-meta')).toHaveText(`${last.year} · page ${onPage}`);
  await item.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator(`.kwic-group#source-${last.slug}`)).toBeInViewport();
});

test('the figures’ pages find any source and land on its sentences, on the page that holds them', async ({ page }) => {
  const index = sources.length - 1;
  const last = sources[index]!;
  await page.goto(figuresUrl());
  await expect(page.locator(`#${figuresSourceAnchor(last.slug)}`)).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Find a source’s sentences' }).fill(last.outlet);
  const link = page.locator(`.find-found a[href="${figuresSourceUrl(last.slug, index, FIXTURE_PAGE_SIZE)}"]`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${figuresUrl(pageOf(index, FIXTURE_PAGE_SIZE))}#${figuresSourceAnchor(last.slug)}$`));
  await expect(page.locator(`#${figuresSourceAnchor(last.slug)}`)).toBeInViewport();
});

test('the name index finds any name and links to its page, the names with a word that begins so first', async ({ page }) => {
  await page.goto('/entities/');
  // a name the index's first page does not list
  const onFirstPage = await page.locator('main a[href^="/entities/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const wanted = facets.entity.find((o) => !onFirstPage.includes(entityUrl(o.param)))!;
  const piece = fold(wanted.label).split(/\s+/)[0]!.slice(0, 3);
  await nameField(page).fill(piece);
  const found = facets.entity.filter((o) => fold(o.label).includes(piece));
  const atWord = found.filter((o) => ` ${fold(o.label)}`.includes(` ${piece}`));
  await expect(status(page)).toHaveText(found.length === 1 ? '1 name' : `${found.length} names`);
  const listed = await hrefs(page);
  expect(listed.slice(0, atWord.length)).toEqual(atWord.map((o) => entityUrl(o.param)));
  expect(listed).toContain(entityUrl(wanted.param));
  // its kind and its passages, as its own page says them
  expect(wanted.kind).toMatch(/^(Person|Organisation|Place)$/);
  await expect(page.locator('.find-found li').filter({ hasText: wanted.label }).locator('.find-meta')).toHaveText(
    `${wanted.kind} · ${wanted.passages} passage${wanted.passages === 1 ? '' : 's'}`,
  );
  await page.getByRole('link', { name: wanted.label, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(wanted.label);
  await expect(page.locator('main .kicker').first()).toHaveText(wanted.kind!, { ignoreCase: true });
});

test('the keyboard goes from the field down the matches and back, Escape empties the field, Enter follows the first match', async ({ page }) => {
  await page.goto('/');
  const field = sourceField(page);
  await field.fill('a');
  const links = matches(page);
  await expect(links.first()).toBeVisible();
  const count = await links.count();
  expect(count).toBeGreaterThan(1);
  await field.press('ArrowDown');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  for (let i = 1; i < count + 1; i++) await page.keyboard.press('ArrowDown');
  await expect(links.nth(count - 1)).toBeFocused(); // the last one stays
  for (let i = 0; i < count; i++) await page.keyboard.press('ArrowUp');
  await expect(field).toBeFocused();
  await field.press('Escape');
  await expect(field).toHaveValue('');
  await expect(links).toHaveCount(0);
  await expect(status(page)).toHaveText('');

  // Enter follows the first match
  await field.fill('a');
  const first = await links.first().getAttribute('href');
  await field.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${first}$`));
});

test('a name nothing matches says so; a list that cannot be loaded says so, and typing again retries', async ({ page }) => {
  await page.goto('/entities/');
  await nameField(page).fill('zzqx');
  await expect(status(page)).toHaveText('No name matches “zzqx”');
  await expect(matches(page)).toHaveCount(0);

  await page.goto('/');
  await page.route(`**${COMPARE_SOURCES_URL}`, (route) => route.fulfill({ status: 503, body: 'busy' }));
  await sourceField(page).fill('a');
  await expect(status(page)).toHaveText('The list of sources could not be loaded. Type again to retry.');
  await page.unroute(`**${COMPARE_SOURCES_URL}`);
  await sourceField(page).fill('an');
  await expect(status(page)).toHaveText(/^\d+ sources?$/);
  await expect(matches(page).first()).toBeVisible();
});

test('a theme’s and an entity’s pages fetch their file of places on first use only, and say so when it cannot be loaded', async ({ page, request }) => {
  const dossier = (await (await request.get('/data/dossier.json')).json()) as {
    themes: { id: string }[];
    entities: { id: string; name: string; mentionCount: number }[];
    passages: { article: string; themes: string[]; entities: { entity: string }[] }[];
  };
  const sourcesOn = (theme: string) => new Set(dossier.passages.filter((p) => p.themes.includes(theme)).map((p) => p.article)).size;
  const widest = dossier.themes.map((t) => t.id).sort((a, b) => sourcesOn(b) - sourcesOn(a))[0]!;
  const entity = [...dossier.entities].sort((a, b) => b.mentionCount - a.mentionCount)[0]!;
  // a source each list holds, whose headline is typed once the file loads
  const onTheme = dossier.passages.find((p) => p.themes.includes(widest))!.article;
  const naming = dossier.passages.find((p) => p.entities.some((m) => m.entity === entity.id))!.article;
  const headline = (slug: string) => sources.find((s) => s.slug === slug)!.headline;
  for (const [url, file, label, typed] of [
    [themeUrl(widest), themePlacesUrl(widest), 'Find a source on this theme', headline(onTheme)],
    [entityUrl(entity.id), entityPlacesUrl(entity.id), `Find a source that names ${entity.name}`, headline(naming)],
  ] as const) {
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(url);
    expect(fetched, 'not before the field is used').not.toContain(file);
    await page.route(`**${file}`, (route) => route.fulfill({ status: 503, body: 'busy' }));
    const field = page.getByRole('searchbox', { name: label });
    await field.fill('a');
    await expect(status(page)).toHaveText('The list of sources could not be loaded. Type again to retry.');
    await page.unroute(`**${file}`);
    await field.fill(typed);
    await expect(matches(page).first()).toBeVisible();
    expect(fetched.filter((path) => path === file)).toHaveLength(2); // the failure, then the retry
    page.removeAllListeners('request');
  }
});

test('with matches listed the page has no accessibility violations, and fits a phone in the dark', async ({ page }) => {
  await page.goto('/');
  await sourceField(page).fill('a');
  await expect(matches(page).first()).toBeVisible();
  expect((await new AxeBuilder({ page }).include('find-by-name').analyze()).violations).toEqual([]);

  await page.setViewportSize({ width: 360, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/entities/');
  await nameField(page).fill('a');
  await expect(matches(page).first()).toBeVisible();
  expect((await new AxeBuilder({ page }).include('find-by-name').analyze()).violations).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('a printed page leaves the field out', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('find-by-name')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('find-by-name')).toBeHidden();
});

test.describe('without scripts', () => {
  test.use({ javaScriptEnabled: false });
  test('the fields are hidden and the pages are there to browse', async ({ page, request }) => {
    const dossier = (await (await request.get('/data/dossier.json')).json()) as { themes: { id: string }[]; passages: { article: string; themes: string[] }[] };
    // the theme with the most sources on it: its columns run to several pages
    const sourcesOn = (theme: string) => new Set(dossier.passages.filter((p) => p.themes.includes(theme)).map((p) => p.article)).size;
    const widest = dossier.themes.map((t) => t.id).sort((a, b) => sourcesOn(b) - sourcesOn(a))[0]!;
    for (const path of ['/', '/entities/', themeUrl(widest), figuresUrl()]) {
      await page.goto(path);
      await expect(page.locator('find-by-name')).toBeHidden();
      await expect(page.locator('nav.pager').first()).toBeVisible();
    }
  });
});
