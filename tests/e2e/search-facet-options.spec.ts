/**
 * The search page lists only the first few options of its long facets (entities here; sources
 * past a few) in its HTML, so that it weighs the same at any size, and loads the others from
 * /search/facets.json when the reader asks for all, or a link ticks one it left out.
 */
import { expect, test, type Page } from '@playwright/test';
import { SEARCH_FACETS_URL } from '../../src/contract/endpoints';
import { foldText } from '../../src/client/search/fold';
import { loadDossier, type DossierJson } from './dossier-json';

let dossier: DossierJson;
test.beforeAll(async ({ request }) => {
  dossier = await loadDossier(request);
});
test.use({ viewport: { width: 1280, height: 900 } });

const optionsRequested = (page: Page) => {
  const urls: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === SEARCH_FACETS_URL) urls.push(r.url());
  });
  return urls;
};

/** The entity values the page's HTML lists, as the server sent it. */
async function listedEntities(page: Page): Promise<string[]> {
  const html = await (await page.request.get('/search/')).text();
  const group = html.slice(html.indexOf('data-facet="entity"'));
  return [...group.slice(0, group.indexOf('</details>')).matchAll(/name="entity" value="([^"]+)"/g)].map((m) => m[1]!);
}

test('the entity facet’s HTML holds its first few names; "Show all" loads every other one, once', async ({ page }) => {
  const requested = optionsRequested(page);
  const named = dossier.entities.filter((e) => e.passageIds.length > 0);
  const listed = await listedEntities(page);
  await page.goto('/search/');
  const group = page.locator('[data-facet="entity"]');
  const limit = Number(await group.getAttribute('data-limit'));
  expect(named.length, 'the dossier names more entities than the facet lists first').toBeGreaterThan(limit);
  expect(listed.length).toBe(limit);
  await expect(group.locator('[data-facet-option]')).toHaveCount(limit);

  const more = group.locator('[data-facet-more]');
  await expect(more).toHaveText(`Show all ${named.length}`);
  expect(requested, 'nothing more loads before it is needed').toHaveLength(0);
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(group.locator('[data-facet-option]:visible')).toHaveCount(named.length);
  const shown = await group.locator('[data-facet-option]:visible input').evaluateAll((bs) => bs.map((b) => (b as HTMLInputElement).value));
  expect([...shown].sort()).toEqual(named.map((e) => e.id).sort());

  await more.click();
  await expect(group.locator('[data-facet-option]:visible')).toHaveCount(limit);
  await more.click();
  await expect(group.locator('[data-facet-option]:visible')).toHaveCount(named.length);
  expect(requested).toHaveLength(1);
});

test('a link ticking a name the HTML leaves out searches it, ticked, named in the summary and counted', async ({ page }) => {
  const listed = new Set(await listedEntities(page));
  const entity = dossier.entities.find((e) => !listed.has(e.id) && e.passageIds.length > 1 && e.passageIds.length <= 20)!;
  expect(entity, 'an entity of a few passages that the HTML leaves out').toBeTruthy();
  await page.goto(`/search/?entity=${entity.id}`);
  const box = page.locator(`[data-facet="entity"] input[value="${entity.id}"]`);
  await expect(box).toBeChecked();
  await expect(page.locator('.search-summary')).toContainText(`${entity.passageIds.length} passages naming ${entity.name}`);
  await expect(page.locator('.search-facets[aria-busy="true"]')).toHaveCount(0);
  await expect(box).toBeVisible();
  await expect(page.locator('[data-facet="entity"] .facet-option', { has: page.locator(`input[value="${entity.id}"]`) }).locator('[data-facet-count]')).toHaveText(
    String(entity.passageIds.length),
  );
  const ids = await page
    .locator('.search-result a.search-result-title')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).hash.slice(1)));
  expect(ids.sort()).toEqual([...entity.passageIds].sort());
});

test('a long facet’s find field lists the names it matches from every option, keeps a ticked one in sight, and says when none matches', async ({
  page,
}) => {
  const named = dossier.entities.filter((e) => e.passageIds.length > 0);
  const listed = new Set(await listedEntities(page));
  // a name the HTML leaves out, found by a piece of it typed in capitals
  const wanted = named.find((e) => !listed.has(e.id) && e.passageIds.length <= 20 && /\p{L}{4}/u.test(e.name))!;
  const piece = /\p{L}{4}/u.exec(wanted.name.split(' ').at(-1)!)?.[0] ?? /\p{L}{4}/u.exec(wanted.name)![0];
  const matching = named.filter((e) => foldText(e.name).includes(foldText(piece)));
  await page.goto('/search/');
  const group = page.locator('[data-facet="entity"]');
  const find = group.getByRole('searchbox', { name: 'Find a name' });
  await find.fill(piece.toUpperCase());
  const shown = group.locator('[data-facet-option]:visible');
  await expect(shown).toHaveCount(matching.length);
  expect((await shown.locator('input').evaluateAll((bs) => bs.map((b) => (b as HTMLInputElement).value))).sort()).toEqual(
    matching.map((e) => e.id).sort(),
  );
  await expect(group.getByRole('status')).toHaveText(`${matching.length} name${matching.length === 1 ? '' : 's'}`);
  await expect(group.locator('[data-facet-more]')).toBeHidden();

  await group.locator(`input[value="${wanted.id}"]`).check();
  await expect(page.locator('.search-summary')).toContainText(`naming ${wanted.name}`);
  await find.fill('qxzqxz');
  await expect(group.getByRole('status')).toHaveText('No name matches “qxzqxz” in these results');
  await expect(shown, 'the ticked name stays in sight').toHaveCount(1);
  await expect(group.locator(`input[value="${wanted.id}"]`)).toBeVisible();

  await find.fill('');
  await expect(group.locator('[data-facet-find-status]')).toBeEmpty();
  await expect(group.locator(`input[value="${wanted.id}"]`)).toBeChecked();
});

test('a long facet’s find field lists the names with a word that begins with what is typed before those that only hold it', async ({ page }) => {
  const names = dossier.entities.filter((e) => e.passageIds.length > 0).map((e) => foldText(e.name));
  const startsAWord = (name: string, piece: string) => ` ${name}`.includes(` ${piece}`) || name.includes(`-${piece}`);
  // three letters that begin a word of one name and stand inside a word of another
  const piece = names
    .flatMap((name) => name.split(/[\s-]+/).map((word) => word.slice(0, 3)))
    .find((p) => p.length === 3 && /^\p{L}+$/u.test(p) && names.some((n) => n.includes(p) && !startsAWord(n, p)));
  expect(piece, 'a piece of a name that another name holds mid-word').toBeTruthy();
  await page.goto('/search/');
  const group = page.locator('[data-facet="entity"]');
  await group.getByRole('searchbox', { name: 'Find a name' }).fill(piece!);
  // the field lists what it finds once every option has loaded: wait for that list, not the first few
  const matching = names.filter((name) => name.includes(piece!)).length;
  await expect(group.getByRole('status')).toHaveText(new RegExp(`^${matching} name`));
  const shown = await group.locator('[data-facet-option]:visible .facet-label').allTextContents();
  const atWord = shown.map((label) => startsAWord(foldText(label.trim()), piece!));
  expect(atWord).toContain(true);
  expect(atWord).toContain(false);
  expect(atWord, 'word-start matches first').toEqual([...atWord].sort((a, b) => Number(b) - Number(a)));
});

test('while the other names load, the find field says it is looking, then lists what it finds; if they fail to load, it says so', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**${SEARCH_FACETS_URL}`, async (route) => {
    await held;
    await route.continue();
  });
  const named = dossier.entities.filter((e) => e.passageIds.length > 0);
  const listed = new Set(await listedEntities(page));
  const wanted = named.find((e) => !listed.has(e.id) && /\p{L}{4}/u.test(e.name))!;
  const piece = /\p{L}{4}/u.exec(wanted.name)![0];
  await page.goto('/search/');
  const group = page.locator('[data-facet="entity"]');
  const find = group.getByRole('searchbox', { name: 'Find a name' });
  await find.fill(piece);
  await expect(group.getByRole('status')).toHaveText('Looking through every name…');
  release();
  await expect(group.locator(`input[value="${wanted.id}"]`)).toBeVisible();
  await expect(group.getByRole('status')).toHaveText(/^\d+ names?/);

  await page.unrouteAll({ behavior: 'wait' });
  await page.route(`**${SEARCH_FACETS_URL}`, (route) => route.abort());
  await page.reload();
  await find.fill(piece);
  await expect(group.getByRole('status')).toHaveText(/^The other names could not be loaded; \d+ of the first few match$/);
  await expect(group.locator(`input[value="${wanted.id}"]`)).toHaveCount(0);
});
