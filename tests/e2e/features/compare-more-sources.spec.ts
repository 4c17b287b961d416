/**
 * A dossier larger than the compare view holds (the fixture's view holds its most recent few,
 * FIXTURE_PAGE_SIZE): the picker finds any other source by name and fits it in, from that
 * source's own pages, in both layouts and in publication order; a link may name any source;
 * an old pair page's address still leads to the pair.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { COMPARE_SOURCES_URL, type CompareSourceJson } from '../../../src/contract/endpoints';
import { compareRowId, compareSourceUrl, pairUrl } from '../../../src/contract/routes';

let every: CompareSourceJson[];
let held: string[];
let others: CompareSourceJson[];
test.beforeAll(async ({ request }) => {
  every = (await (await request.get(COMPARE_SOURCES_URL)).json()) as CompareSourceJson[];
  const page = await (await request.get('/compare/')).text();
  held = /data-all="([^"]*)"/.exec(page)![1]!.split(',');
  others = every.filter((s) => !held.includes(s.slug));
});
test.use({ viewport: { width: 1280, height: 900 } });

const order = () => every.map((s) => s.slug);
const inOrder = (slugs: string[]) => order().filter((slug) => slugs.includes(slug));
/** The sources a part of the view shows (a folded row's cells too), in the order drawn. */
const columns = (page: Page, selector: string) => page.locator(`${selector}:not([hidden])`).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.col!));
/** A piece of a name that picks out one source: its outlet's first word, if no other outlet has it. */
const pieceOf = (source: CompareSourceJson) => source.outlet.split(' ').find((w) => w.length > 3 && every.filter((s) => s.outlet.includes(w)).length === 1)!;

test('the fixture’s view holds fewer sources than the dossier has', () => {
  expect(held.length).toBeGreaterThanOrEqual(2);
  expect(others.length).toBeGreaterThan(0);
});

test('a source found by name joins the view: a cell in every theme row, its header and count, in publication order; then its column in the full text', async ({ page }) => {
  const wanted = others[0]!;
  await page.goto('/compare/');
  await expect(page.locator('.compare-main > .notice')).toContainText(`This page holds the ${held.length} most recent of the dossier's ${every.length} sources`);
  const find = page.getByRole('searchbox', { name: `Find another of the dossier's ${every.length} sources` });
  await find.fill(pieceOf(wanted).toUpperCase());
  await expect(page.locator('.cmp-find-status')).toHaveText('1 source');
  const found = page.locator('.cmp-found .filter-chip');
  await expect(found).toHaveText([`${wanted.name} ${wanted.year}`]);
  await found.locator('input').check();

  const chosen = inOrder([...held, wanted.slug]);
  await expect.poll(() => columns(page, '.cmp-head')).toEqual(chosen);
  expect(new URL(page.url()).searchParams.get('sources')).toBe(chosen.join(','));
  const rows = page.locator('.cmp-row');
  for (let i = 0; i < (await rows.count()); i++) {
    expect(await columns(page, `#${await rows.nth(i).getAttribute('id')} .cmp-cell`)).toEqual(chosen);
    await expect(rows.nth(i).locator(`.cmp-count[data-col="${wanted.slug}"]`)).toHaveCount(1);
  }
  // its chip stays among the others, ticked, in publication order; the field is cleared, focus on the chip
  const chips = page.locator('.cmp-picker > .filter-chip input');
  expect(await chips.evaluateAll((bs) => bs.map((b) => (b as HTMLInputElement).value))).toEqual(inOrder([...held, wanted.slug]));
  await expect(page.locator(`.cmp-picker > .filter-chip input[value="${wanted.slug}"]`)).toBeChecked();
  await expect(page.locator(`.cmp-picker > .filter-chip input[value="${wanted.slug}"]`)).toBeFocused();
  await expect(find).toHaveValue('');
  await expect(page.locator('.cmp-found .filter-chip')).toHaveCount(0);

  await page.getByRole('link', { name: 'Full text' }).click();
  await expect.poll(() => columns(page, '.cmp-column')).toEqual(chosen);
  const column = page.locator(`.cmp-column[data-col="${wanted.slug}"]`);
  await expect(column.locator('.cmp-passage').first()).toBeVisible();
  await expect(column.locator('.cmp-copy').first()).toHaveText('Copy link');
  expect(await column.locator('.cmp-minimap-marks g').count(), 'a minimap mark per passage').toBe(await column.locator('.cmp-passage').count());

  // unticked, it goes; ticked again, it comes back without another fetch
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.locator(`.cmp-picker > .filter-chip input[value="${wanted.slug}"]`).uncheck();
  await expect.poll(() => columns(page, '.cmp-column')).toEqual(held);
  await page.locator(`.cmp-picker > .filter-chip input[value="${wanted.slug}"]`).check();
  await expect.poll(() => columns(page, '.cmp-column')).toEqual(chosen);
  expect(fetched.filter((p) => p.startsWith('/compare/source/'))).toEqual([]);
});

test('a link naming sources the view does not hold opens on them, in either layout', async ({ page }) => {
  const chosen = inOrder([others[0]!.slug, held.at(-1)!]);
  await page.goto(`/compare/full-text/?sources=${chosen.join(',')}#full-text`);
  await expect.poll(() => columns(page, '.cmp-column')).toEqual(chosen);
  await expect.poll(() => columns(page, '.cmp-head')).toEqual(chosen);
  await page.getByRole('link', { name: 'By theme' }).click();
  await expect.poll(() => columns(page, `#${compareRowId(null)} .cmp-cell`)).toEqual(chosen);
  await expect(page.locator(`.cmp-picker > .filter-chip input[value="${others[0]!.slug}"]`)).toBeChecked();
});

test('an old pair page’s address leads to the view on the same two sources', async ({ page }) => {
  const [a, b] = inOrder([others[0]!.slug, held[0]!]) as [string, string];
  const gone = await page.request.get(pairUrl(a, b));
  expect(gone.status(), 'no pair page: the view does not hold both').toBe(404);
  await page.goto(`${pairUrl(a, b)}#${compareRowId(null)}`);
  await expect(page).toHaveURL(new RegExp(`/compare/\\?sources=${a},${b}#${compareRowId(null)}$`));
  await expect.poll(() => columns(page, '.cmp-head')).toEqual([a, b]);
});

test('a link naming no source the dossier holds says so, and shows the most recent', async ({ page }) => {
  await page.goto('/compare/?sources=no-such-source,nor-this-one');
  await expect(page.getByRole('status').filter({ hasText: 'fewer than two of the sources this link names' })).toBeAttached();
  await expect.poll(() => columns(page, '.cmp-head')).toEqual(held);
});

test('a source that cannot be loaded is not ticked, and the reader is told why; the view is unchanged', async ({ page }) => {
  const wanted = others[0]!;
  await page.route(`**${compareSourceUrl(wanted.slug, 'theme')}`, (route) => route.fulfill({ status: 503, body: 'down' }));
  await page.goto('/compare/');
  await page.getByRole('searchbox', { name: /Find another/ }).fill(pieceOf(wanted));
  const box = page.locator(`.cmp-found input[value="${wanted.slug}"]`);
  await box.click(); // not check(): the box is unticked again when the load fails
  await expect(page.getByRole('status').filter({ hasText: `${wanted.outlet} could not be loaded (the server answered 503)` })).toBeAttached();
  await expect(box).not.toBeChecked();
  await expect(page.locator(`[data-col="${wanted.slug}"]`)).toHaveCount(0);
  expect(await columns(page, '.cmp-head')).toEqual(held);
  await expect(page).toHaveURL(/\/compare\/$/);
});

test('the find field says when nothing matches, and the page has no accessibility violations with a source fitted in', async ({ page }) => {
  await page.goto('/compare/');
  const find = page.getByRole('searchbox', { name: /Find another/ });
  await find.fill('qxzqxz');
  await expect(page.locator('.cmp-find-status')).toHaveText('No other source matches “qxzqxz”');
  await find.fill(pieceOf(others[0]!));
  await page.locator('.cmp-found input').first().check();
  await expect.poll(() => columns(page, '.cmp-head')).toContain(others[0]!.slug);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test.describe('a phone', () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test('a fitted source gets its tab, in publication order, and the page does not scroll sideways', async ({ page }) => {
    const wanted = others[0]!;
    await page.goto(`/compare/?sources=${inOrder([wanted.slug, held.at(-1)!]).join(',')}`);
    const tabs = page.locator('.cmp-tab');
    await expect.poll(() => tabs.evaluateAll((ts) => ts.map((t) => (t as HTMLElement).dataset.tab))).toEqual(inOrder([...held, wanted.slug]));
    await page.locator(`.cmp-tab[data-tab="${wanted.slug}"]`).click();
    await expect(page.locator(`.cmp-tab[data-tab="${wanted.slug}"]`)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator(`.cmp-row .cmp-cell[data-col="${wanted.slug}"]`).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});

test.describe('without scripts', () => {
  test.use({ javaScriptEnabled: false });

  test('the view shows the sources it holds and says how to add others; no find field', async ({ page }) => {
    await page.goto('/compare/');
    await expect(page.locator('.compare-main > .notice')).toContainText('it needs JavaScript');
    await expect(page.locator('.cmp-find')).toBeHidden();
    expect(await columns(page, '.cmp-head')).toEqual(held);
  });
});
