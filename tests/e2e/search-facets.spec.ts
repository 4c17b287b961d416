import { expect, test, type Page } from '@playwright/test';
import { loadDossier, passagesOn, type DossierJson } from './dossier-json';

let dossier: DossierJson;
test.beforeAll(async ({ request }) => {
  dossier = await loadDossier(request);
});

/** The passages listed (editors' notes found by the query are listed too, but are not passages). */
const resultIds = (page: Page) =>
  page
    .locator('.search-result:not(.is-note) a.search-result-title')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).hash.slice(1)));

/** Every result of the search, pressing "Show more" until all are listed. */
async function allResultIds(page: Page): Promise<string[]> {
  const more = page.locator('[data-search-more]');
  while (await more.isVisible()) {
    const shown = await page.locator('.search-result').count();
    // scrolling to the button may load the next results first and hide it: either will do
    await more.click({ timeout: 5_000 }).catch(() => {});
    await expect
      .poll(async () => (await page.locator('.search-result').count()) > shown || !(await more.isVisible()))
      .toBe(true);
  }
  return resultIds(page);
}

const facetCount = (page: Page, facet: string, label: string) =>
  page.locator(`[data-facet="${facet}"] .facet-option`, { hasText: label }).locator('[data-facet-count]');

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('a theme facet alone lists that theme’s passages, each showing its chip', async ({ page }) => {
    const theme = dossier.themes.find((t) => t.passageCount > 0 && t.passageCount <= 20)!;
    await page.goto(`/search/?theme=${theme.id}`);
    await expect(page.getByRole('checkbox', { name: new RegExp(theme.label) })).toBeChecked();
    await expect(page.locator('.search-result').first()).toBeVisible();
    expect((await allResultIds(page)).sort()).toEqual(passagesOn(dossier, theme.id).map((p) => p.id).sort());
    for (const result of await page.locator('.search-result').all()) {
      await expect(result.locator('.search-result-themes .theme-chip', { hasText: theme.label })).toBeVisible();
    }
    await expect(page.locator('.search-summary')).toContainText(`${theme.passageCount} passages on ${theme.label}`);
  });

  test('an entity facet lists the passages naming it', async ({ page }) => {
    const entity = dossier.entities.find((e) => e.passageIds.length > 1 && e.passageIds.length <= 20)!;
    await page.goto(`/search/?entity=${entity.id}`);
    await expect(page.locator('.search-result').first()).toBeVisible();
    expect((await allResultIds(page)).sort()).toEqual([...entity.passageIds].sort());
  });

  test('facets filter the results of a query, and each count says what ticking it would give', async ({ page }) => {
    await page.goto('/search/?q=fighters');
    await expect(page.locator('.search-result').first()).toBeVisible();
    const all = await allResultIds(page);
    // a theme some of the results carry, but not all
    const theme = dossier.themes.find((t) => {
      const n = all.filter((id) => dossier.passages.find((p) => p.id === id)!.themes.includes(t.id)).length;
      return n > 0 && n < all.length;
    })!;
    const expected = all.filter((id) => dossier.passages.find((p) => p.id === id)!.themes.includes(theme.id));
    await expect(facetCount(page, 'theme', theme.label)).toHaveText(String(expected.length));

    await page.getByRole('checkbox', { name: new RegExp(theme.label) }).check();
    await expect(page.locator('.search-summary')).toContainText(`${expected.length} passage`);
    expect((await allResultIds(page)).sort()).toEqual([...expected].sort());
    await expect(page).toHaveURL(new RegExp(`theme=${theme.id}`));
    await expect(page.locator('.search-summary')).toContainText(`on ${theme.label}`);

    // Within a facet values add up (OR): the other sources keep their counts after one is ticked.
    const sourceCounts = async () =>
      Object.fromEntries(
        await Promise.all(
          dossier.articles.map(async (a) => [a.meta.outlet, await facetCount(page, 'source', a.meta.outlet).innerText()]),
        ),
      );
    // counts follow the results: wait until they are the ticked theme's
    await expect(page.locator('.search-facets[aria-busy="true"]')).toHaveCount(0);
    const before = await sourceCounts();
    const outlet = Object.entries(before).find(([, n]) => Number(n) > 0)![0];
    await page.getByRole('checkbox', { name: new RegExp(`^${outlet}`) }).check();
    await expect(page.locator('.search-summary')).toContainText(`in ${outlet}`);
    await expect(page.locator('.search-summary')).toContainText(`${before[outlet]} passage`);
    await expect(page.locator('.search-facets[aria-busy="true"]')).toHaveCount(0);
    expect(await sourceCounts()).toEqual(before);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/search\/\?q=fighters$/);
    await expect(page.locator('.search-summary')).toContainText(`${all.length} passages`);
    await expect(page.locator('.search-summary')).toContainText('match “fighters”');
  });

  test('a ticked facet narrows the results in the page, never through a Pagefind filter, and a search it empties still counts where the words are', async ({
    page,
  }) => {
    const filterRequests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/pagefind/filter/')) filterRequests.push(r.url());
    });
    // a word one article has and another lacks (no word of the other even starts like it)
    const words = (text: string) => text.toLowerCase().match(/\p{L}{8,}/gu) ?? [];
    const textOf = (slug: string) => dossier.passages.filter((p) => p.article === slug).map((p) => p.text.toLowerCase()).join(' ');
    let pick: { word: string; has: string; lacks: string } | undefined;
    for (const a of dossier.articles) {
      for (const b of dossier.articles) {
        if (a === b || pick) continue;
        const other = textOf(b.slug);
        const word = words(textOf(a.slug)).find((w) => !other.includes(w.slice(0, 6)));
        if (word) pick = { word, has: a.slug, lacks: b.slug };
      }
    }
    expect(pick, 'two articles with a word apart').toBeDefined();
    const { word, has, lacks } = pick!;
    // each source by its value (its slug), whatever its outlet's name holds or shares with another's
    const box = (facet: string, value: string) => page.locator(`[data-facet="${facet}"] input[value="${value}"]`);
    const sourceOption = (slug: string) => page.locator('[data-facet="source"] [data-facet-option]', { has: page.locator(`input[value="${slug}"]`) });
    const countOf = (slug: string) => sourceOption(slug).locator('[data-facet-count]');
    const theme = dossier.themes[0]!;

    await page.goto(`/search/?q=${encodeURIComponent(word)}`);
    await expect(page.locator('.search-result').first()).toBeVisible();
    await expect(page.locator('.search-facets[aria-busy="true"]')).toHaveCount(0);
    const found = Number(await countOf(has).innerText());
    expect(found).toBeGreaterThan(0);
    // what the words find: passages, and any editors' notes
    const [, passages, notes] = /^(\d+) (?:passages?|results?)(?: and (\d+) editors’ notes?)? match/.exec((await page.locator('.search-summary').innerText()).trim())!;
    const results = Number(passages) + Number(notes ?? 0);

    const lacksLabel = (await sourceOption(lacks).locator('.facet-label').innerText()).trim();
    await box('source', lacks).check();
    await expect(page.locator('.search-summary')).toHaveText(
      `No passage matches “${word}” in ${lacksLabel}. Without the filters it finds ${results} result${results === 1 ? '' : 's'}.`,
    );
    await expect(page.locator('.search-facets[aria-busy="true"]')).toHaveCount(0);
    await expect(countOf(has)).toHaveText(String(found));
    await expect(countOf(lacks)).toHaveText('0');

    await box('source', has).check();
    await expect(page.locator('.search-summary')).toContainText(`${found} passage`);
    await box('theme', theme.id).check();
    await page.locator('#search-q').fill('');
    await expect(page.locator('.search-summary')).toContainText(`on ${theme.label}`);
    await expect(page.locator('.search-facets[aria-busy="true"]')).toHaveCount(0);
    expect(filterRequests).toEqual([]);
  });

  test('"Tunesia" is searched as Tunisia, and one click searches the word as typed, which offers Tunisia', async ({ page }) => {
    const vocabularyRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/data/vocabulary.json')) vocabularyRequests.push(r.url());
    });
    await page.goto('/search/?q=Tunisia');
    await expect(page.locator('.search-result').first()).toBeVisible();
    expect(vocabularyRequests, 'a search that finds enough loads no vocabulary').toHaveLength(0);

    await page.goto('/search/?q=Tunesia');
    await expect(page.locator('[data-correction]')).toContainText('Showing results for Tunisia — search instead for Tunesia');
    await expect(page.locator('.search-summary')).toContainText('match “Tunisia”');
    await expect(page.locator('#search-q')).toHaveValue('Tunesia');
    expect(vocabularyRequests).toHaveLength(1);
    for (const id of await resultIds(page)) expect(dossier.passages.find((p) => p.id === id)!.text).toMatch(/tunisi/i);

    await page.locator('[data-correction] a').click();
    await expect(page.locator('.search-summary')).toContainText('No passage matches “Tunesia”');
    const offer = page.locator('.did-you-mean a', { hasText: 'Tunisia' });
    await expect(offer).toBeVisible();
    await offer.click();
    await expect(page.locator('#search-q')).toHaveValue('Tunisia');
    await expect(page).toHaveURL(/q=Tunisia/);
    await expect(page.locator('.search-result').first()).toBeVisible();
    await expect(page.locator('.did-you-mean')).toBeHidden();
  });

  for (const [typo, word] of [
    ['Hofman', 'Hoffman'],
    ['Afganistan', 'Afghanistan'],
  ] as const) {
    test(`"${typo}" is searched as ${word}, and says so`, async ({ page }) => {
      await page.goto(`/search/?q=${typo}`);
      await expect(page.locator('[data-correction]')).toContainText(`Showing results for ${word}`);
      await expect(page.locator('.search-result').first()).toBeVisible();
    });
  }

  test('a misspelling that Pagefind splits into small words ("Afganistan" → "a") finds nothing as typed, and says so', async ({
    page,
  }) => {
    await page.goto('/search/?q=Afganistan&literal=1');
    await expect(page.locator('.search-summary')).toContainText('No passage matches “Afganistan”');
    await expect(page.locator('.search-result')).toHaveCount(0);
    await expect(page.locator('.did-you-mean a', { hasText: 'Afghanistan' })).toBeVisible();
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('facets fold into disclosures, entities show the top few with a "more" toggle, and nothing scrolls sideways', async ({
    page,
  }) => {
    await page.goto('/search/?q=Syria');
    await expect(page.locator('.search-result').first()).toBeVisible();
    for (const facet of ['source', 'theme', 'entity']) {
      await expect(page.locator(`[data-facet="${facet}"]`)).not.toHaveAttribute('open');
    }
    const entities = page.locator('[data-facet="entity"]');
    await entities.locator('summary').click();
    const visible = entities.locator('[data-facet-option]:visible');
    const few = await visible.count();
    expect(few).toBeGreaterThan(0);
    expect(few).toBeLessThanOrEqual(Number(await entities.getAttribute('data-limit')));
    const more = entities.locator('[data-facet-more]');
    await expect(more).toHaveText(/show all/i);
    await more.click();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    // once the counts are in (until then the whole dossier's are shown): reading the options
    // and their counts is two steps, which the counts' arrival could fall between
    await expect(page.locator('.search-facets[aria-busy="true"]')).toHaveCount(0);
    expect(await visible.count()).toBeGreaterThan(few);
    // every entity still listed has passages among the results
    for (const count of await visible.locator('[data-facet-count]').allInnerTexts()) expect(Number(count)).toBeGreaterThan(0);

    const box = (await visible.first().boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
