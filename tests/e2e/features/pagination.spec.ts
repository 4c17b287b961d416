/**
 * Pages about the whole dossier are cut into pages. The fixture site is built with a page size
 * smaller than its lists (FIXTURE_PAGE_SIZE), so four articles paginate as a large dossier
 * does. Expectations come from the site's own open data (/data/dossier.json).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { homeUrl } from '../../../src/contract/routes';
import { FIXTURE_PAGE_SIZE } from '../../fixture-site';

interface Dossier {
  articles: { slug: string; meta: { published: { value: string | null } } }[];
  passages: { article: string; themes: string[] }[];
  themes: { id: string; label: string }[];
  entities: { id: string; name: string; mentionCount: number; passageIds: string[] }[];
}

let dossier: Dossier;
test.beforeAll(async ({ request }) => {
  dossier = (await (await request.get('/data/dossier.json')).json()) as Dossier;
});

const pagesFor = (items: number) => Math.max(1, Math.ceil(items / FIXTURE_PAGE_SIZE));

/**
 * Walks a paginated list from its first page to its last by the "Next" link, taken with the
 * keyboard, checking on every page the navigation a reader relies on; returns what `collect`
 * read on each page.
 */
async function walk<T>(page: Page, firstUrl: string, expectedPages: number, collect: () => Promise<T[]>): Promise<T[]> {
  await page.goto(firstUrl);
  const seen: T[] = [];
  for (let n = 1; n <= expectedPages; n++) {
    const pager = page.locator('nav.pager').first();
    await expect(pager).toContainText(`Page ${n} of ${expectedPages}`);
    await expect(pager.locator('[aria-current="page"]')).toHaveText(new RegExp(`\\b${n}$`));
    await expect(page.locator('head link[rel="prev"]')).toHaveCount(n > 1 ? 1 : 0);
    await expect(page.locator('head link[rel="next"]')).toHaveCount(n < expectedPages ? 1 : 0);
    await expect(page).toHaveTitle(new RegExp(`page ${n} of ${expectedPages}`));
    seen.push(...(await collect()));
    if (n === expectedPages) {
      await expect(pager.locator('a[rel="next"]')).toHaveCount(0);
      break;
    }
    const next = pager.locator('a[rel="next"]');
    const here = new URL(page.url()).pathname;
    await next.focus();
    await expect(next).toBeFocused();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname !== here);
  }
  // and back: "Previous" returns to the page before
  if (expectedPages > 1) {
    await page.locator('nav.pager a[rel="prev"]').first().click();
    await expect(page.locator('nav.pager').first()).toContainText(`Page ${expectedPages - 1} of ${expectedPages}`);
  }
  return seen;
}

test('the entity index is cut into pages, and going through them lists every name once', async ({ page }) => {
  const pages = pagesFor(dossier.entities.length);
  expect(pages, 'the fixture has more names than a page holds').toBeGreaterThanOrEqual(2);
  const rows = await walk(page, '/entities/', pages, async () => {
    const ids = await page.locator('.entity-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-entity')!));
    expect(ids.length).toBeLessThanOrEqual(FIXTURE_PAGE_SIZE);
    return ids;
  });
  expect([...rows].sort()).toEqual(dossier.entities.map((e) => e.id).sort());
});

test('an entity with more mentions than a page holds has pages that together hold every mention', async ({ page }) => {
  const entity = [...dossier.entities].sort((a, b) => b.mentionCount - a.mentionCount)[0]!;
  const pages = pagesFor(entity.mentionCount);
  expect(pages, 'some fixture name is mentioned more often than a page holds').toBeGreaterThanOrEqual(2);
  const lines = await walk(page, `/entities/${entity.id}/`, pages, () =>
    page.locator('.kwic-item').evaluateAll((items) => items.map((li) => li.getAttribute('data-passage-id')!)),
  );
  expect(lines).toHaveLength(entity.mentionCount);
  expect(new Set(lines)).toEqual(new Set(entity.passageIds));
});

test('a theme page shows the sources with passages on it a few a page, in publication order, lists the others after the last page’s, and the home matrix links to the right page', async ({ page }) => {
  // the theme with the most sources on it of those some source says nothing on
  const onTheme = (theme: string) => new Set(dossier.passages.filter((p) => p.themes.includes(theme)).map((p) => p.article));
  const theme = dossier.themes
    .filter((t) => onTheme(t.id).size < dossier.articles.length)
    .sort((a, b) => onTheme(b.id).size - onTheme(a.id).size)[0]!;
  const speaking = dossier.articles.filter((a) => onTheme(theme.id).has(a.slug));
  const quiet = dossier.articles.filter((a) => !onTheme(theme.id).has(a.slug));
  const pages = pagesFor(speaking.length);
  expect(pages, 'the fixture has more sources on the theme than a theme page holds').toBeGreaterThanOrEqual(2);
  const columns = await walk(page, `/themes/${theme.id}/`, pages, async () => {
    // the sources without a column are listed on the last page alone
    const listed = await page.locator('.theme-apart li').evaluateAll((items) => items.map((li) => li.getAttribute('data-source')!));
    const onLast = new URL(page.url()).pathname === `/themes/${theme.id}/${pages}/`;
    expect(listed.sort()).toEqual(onLast ? quiet.map((a) => a.slug).sort() : []);
    return page.locator('.theme-column').evaluateAll((cols) => cols.map((c) => c.getAttribute('data-source')!));
  });
  expect(columns).toEqual(speaking.map((a) => a.slug));

  // the last source with passages on the theme: its coverage cell leads to the page holding its column
  const last = speaking.at(-1)!;
  await page.goto(homeUrl(pagesFor(dossier.articles.length)));
  await page.locator(`a[href^="/themes/${theme.id}/"][href$="#source-${last.slug}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/themes/${theme.id}/${pages}/#source-${last.slug}$`));
  await expect(page.locator(`#source-${last.slug}`)).toBeInViewport();

  // the theme's summary sends a reader to the list of the others
  await page.goto(`/themes/${theme.id}/`);
  await page.locator('.theme-summary a[href$="#theme-silent"], .theme-summary a[href$="#theme-unread"]').first().click();
  await expect(page).toHaveURL(new RegExp(`/themes/${theme.id}/${pages}/#theme-(silent|unread)$`));
  await expect(page.locator('.theme-apart').first()).toBeInViewport();
});

test('the list of sources without a column has no accessibility violations, and fits a phone in the dark', async ({ page }) => {
  const onTheme = (theme: string) => new Set(dossier.passages.filter((p) => p.themes.includes(theme)).map((p) => p.article));
  const theme = dossier.themes.find((t) => onTheme(t.id).size < dossier.articles.length)!;
  for (const [width, colorScheme] of [[1280, 'light'], [360, 'dark']] as const) {
    await page.setViewportSize({ width, height: 800 });
    await page.emulateMedia({ colorScheme });
    await page.goto(`/themes/${theme.id}/`);
    await page.locator('.theme-summary a[href*="#theme-"]').first().click();
    await expect(page.locator('.theme-apart li').first()).toBeVisible();
    expect((await new AxeBuilder({ page }).include('.theme-apart').analyze()).violations).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
});

test('the home page lists a few sources a page, in publication order, each page with its sources’ coverage columns', async ({ page }) => {
  const pages = pagesFor(dossier.articles.length);
  expect(pages, 'the fixture has more sources than a home page holds').toBeGreaterThanOrEqual(2);
  const cards = await walk(page, '/', pages, async () => {
    const slugs = await page.locator('.source-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-source')!));
    const columns = await page
      .locator('.coverage-matrix tbody tr')
      .first()
      .locator('td.coverage-cell')
      .evaluateAll((tds) => tds.map((td) => td.getAttribute('data-source')!));
    expect(columns).toEqual(slugs);
    // the totals count every source, not only this page's columns, and say so
    await expect(page.locator('.coverage-matrix th.coverage-total')).toHaveText(`All ${dossier.articles.length} sources`);
    return slugs;
  });
  expect(cards).toEqual(dossier.articles.map((a) => a.slug));
});

test('the sentences with a number come a few sources a page; the table stays on the first page, and later pages link to it', async ({ page }) => {
  const pages = pagesFor(dossier.articles.length);
  const blocks = await walk(page, '/figures/', pages, () =>
    page.locator('.fig-source-block h3').evaluateAll((hs) => hs.map((h) => h.id.replace(/^n-/, ''))),
  );
  expect(blocks).toEqual(dossier.articles.map((a) => a.slug));
  await page.goto('/figures/2/');
  await expect(page.locator('#table-title')).toHaveCount(0);
  await page.getByRole('link', { name: /The table of \d+ quantit/ }).click();
  await expect(page).toHaveURL(/\/figures\/#table-title$/);
  await expect(page.locator('#table-title')).toBeVisible();
});

test('“By year” on the home page, a theme’s pages and the figures’ pages goes to each year’s first source, on the page that holds it', async ({ page }) => {
  const yearOf = (a: Dossier['articles'][number]) => a.meta.published.value?.slice(0, 4) ?? 'Undated';
  /** Each year's first source, its page and the last page with its sources, in a list of sources in publication order. */
  const starts = (sources: Dossier['articles']) => {
    const years: { year: string; slug: string; page: number; lastPage: number }[] = [];
    sources.forEach((a, i) => {
      const page = Math.floor(i / FIXTURE_PAGE_SIZE) + 1;
      const last = years.at(-1);
      if (last?.year === yearOf(a)) last.lastPage = page;
      else years.push({ year: yearOf(a), slug: a.slug, page, lastPage: page });
    });
    return years;
  };
  const onTheme = (theme: string) => new Set(dossier.passages.filter((p) => p.themes.includes(theme)).map((p) => p.article));
  const widest = [...dossier.themes].sort((a, b) => onTheme(b.id).size - onTheme(a.id).size)[0]!;
  const lists = [
    { first: '/', url: (n: number) => homeUrl(n), anchor: (slug: string) => `source-${slug}`, sources: dossier.articles },
    { first: '/figures/', url: (n: number) => (n > 1 ? `/figures/${n}/` : '/figures/'), anchor: (slug: string) => `n-${slug}`, sources: dossier.articles },
    {
      first: `/themes/${widest.id}/`,
      url: (n: number) => (n > 1 ? `/themes/${widest.id}/${n}/` : `/themes/${widest.id}/`),
      anchor: (slug: string) => `source-${slug}`,
      // past one page, a theme's columns are its sources with passages on it
      sources: dossier.articles.filter((a) => onTheme(widest.id).has(a.slug)),
    },
  ];
  for (const list of lists) {
    const years = starts(list.sources);
    expect(years.length, `the fixture's sources span years (${list.first})`).toBeGreaterThanOrEqual(2);
    const last = years.at(-1)!;
    // from the last page, every year; the last year's link leads to its first source
    const pages = pagesFor(list.sources.length);
    await page.goto(list.url(pages));
    const nav = page.getByRole('navigation', { name: 'By year' });
    await expect(nav.getByRole('link')).toHaveText(years.map((y) => new RegExp(`^${y.year}`)));
    const hrefs = await nav.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(years.map((y) => `${list.url(y.page)}#${list.anchor(y.slug)}`));
    await page.goto(list.first);
    await nav.getByRole('link', { name: new RegExp(`^${last.year}`) }).click();
    await expect(page).toHaveURL(new RegExp(`${list.url(last.page)}#${list.anchor(last.slug)}$`));
    await expect(page.locator(`#${list.anchor(last.slug)}`)).toBeInViewport();
    // the years this page holds are said to be on it
    const here = years.filter((y) => y.page <= last.page && last.page <= y.lastPage);
    await expect(nav.locator('a', { hasText: '(on this page)' })).toHaveCount(here.length);
  }
});
