/**
 * The search page past its results: excerpts say where they cut their passage, a search that
 * finds nothing says where to go instead, and the keyboard gets past the facets in a key press.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readArticles } from './corpus';

const passageText = new Map(readArticles().flatMap((a) => a.passages.map((p) => [p.id, p.text] as const)));
const words = (s: string) => s.split(/\s+/).filter(Boolean).join(' ');

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('an excerpt shows an ellipsis wherever it cuts its passage, and only there', async ({ page }) => {
  const cuts = { start: 0, end: 0, whole: 0 };
  for (const query of ['Tunisia', 'fighters', 'caliphate']) {
    await page.goto(`/search/?q=${query}`);
    const results = page.locator('.search-result');
    await expect(results.first()).toBeVisible();
    await expect(page.locator('[data-search-results]')).not.toHaveAttribute('aria-busy', 'true');
    for (const result of await results.all()) {
      const href = (await result.locator('a.search-result-title').getAttribute('href'))!;
      const text = passageText.get(new URL(href, 'http://x').hash.slice(1));
      if (!text) continue; // an editors' note
      const excerpt = await result.locator('.search-result-excerpt').textContent();
      const startCut = excerpt!.startsWith('… ');
      const endCut = excerpt!.endsWith(' …');
      const shown = words(excerpt!.replace(/^… /, '').replace(/ …$/, ''));
      expect(words(text)).toContain(shown);
      expect(startCut, `${href}: “${excerpt}”`).toBe(!words(text).startsWith(shown));
      expect(endCut, `${href}: “${excerpt}”`).toBe(!words(text).endsWith(shown));
      if (startCut) cuts.start++;
      if (endCut) cuts.end++;
      if (!startCut && !endCut) cuts.whole++;
    }
  }
  // The dossier has excerpts of each kind: the checks above saw all three.
  expect(cuts.start).toBeGreaterThan(0);
  expect(cuts.end).toBeGreaterThan(0);
  expect(cuts.whole).toBeGreaterThan(0);
});

test('a search that finds nothing offers the dossier’s themes and most-named names, each one click from its passages', async ({ page }) => {
  await page.goto('/search/?q=xylophone');
  await expect(page.locator('[data-search-summary]')).toContainText('No passage matches “xylophone”');
  const browse = page.getByRole('region', { name: 'Browse the dossier instead' });
  await expect(browse).toBeVisible();
  const themes = browse.getByRole('list', { name: 'Its themes' }).getByRole('link');
  const names = browse.getByRole('list', { name: 'The names it mentions most' }).getByRole('link');
  await expect(themes).not.toHaveCount(0);
  await expect(names).not.toHaveCount(0);
  await expect(names.first()).toContainText('passages');
  // the facet counts are dimmed while a search counts them: check once they are in
  await expect(page.locator('.search-facets[aria-busy="true"]')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  const theme = themes.first();
  const label = (await theme.innerText()).replace(/\s*\d+ passages?$/, '');
  const passages = Number(/(\d+) passages?$/.exec(await theme.innerText())![1]);
  await theme.click();
  await expect(page.locator('[data-search-summary]')).toHaveText(new RegExp(`^${passages} passages on ${label}`));
  await expect(page.locator('#search-q')).toHaveValue('');
  await expect(page.getByRole('checkbox', { name: new RegExp(`^${label}`) })).toBeChecked();
  await expect(browse).toBeHidden();
  await expect(page).toHaveURL(/\/search\/\?theme=/);
});

test('when the filters empty a search, one click searches the same words without them', async ({ page }) => {
  // A source that never says "Tunisia": its filter empties the search.
  await page.goto('/search/?q=Tunisia');
  await expect(page.locator('.search-result').first()).toBeVisible();
  const empty = page.locator('[data-facet="source"] [data-facet-option][data-count="0"] input').first();
  const source = await empty.getAttribute('value');
  await page.goto(`/search/?q=Tunisia&source=${source}`);
  await expect(page.locator('[data-search-summary]')).toContainText('Without the filters it finds');
  const without = page.getByRole('button', { name: 'Search without the filters' });
  await expect(without).toBeVisible();
  // the facet counts are dimmed while a search counts them: check once they are in
  await expect(page.locator('.search-facets[aria-busy="true"]')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  await without.click();
  await expect(page.locator('.search-result').first()).toBeVisible();
  await expect(page.locator('[data-search-summary]')).toHaveText(/^\d+ passages? match(es)? “Tunisia”\.$/);
  await expect(page.locator('input[type=checkbox]:checked')).toHaveCount(0);
  await expect(page).toHaveURL(/\/search\/\?q=Tunisia$/);
  await expect(without).toBeHidden();
  await expect(page.locator('#search-q')).toBeFocused();
});

test('from the query box, the keyboard reaches the first result past the facets in two Tabs and Enter', async ({ page }) => {
  await page.goto('/search/?q=Tunisia');
  await expect(page.locator('.search-result').first()).toBeVisible();
  await page.locator('#search-q').focus();
  const skip = page.getByRole('link', { name: 'Skip to results' });
  await expect(skip).not.toBeInViewport({ ratio: 0.5 }); // out of sight until reached
  let presses = 0;
  while (!(await skip.evaluate((a) => a === document.activeElement)) && presses < 5) {
    await page.keyboard.press('Tab');
    presses++;
  }
  expect(presses).toBe(2);
  await expect(skip).toBeVisible();
  // the facet counts are dimmed while a search counts them: check once they are in
  await expect(page.locator('.search-facets[aria-busy="true"]')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page.locator('.search-result a.search-result-title').first()).toBeFocused();

  // With no result to go to, the skip lands on the sentence that says why.
  await page.goto('/search/?q=xylophone');
  await expect(page.locator('[data-search-summary]')).toContainText('No passage matches');
  await page.locator('#search-q').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('#search-output')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('region', { name: 'Browse the dossier instead' }).getByRole('link').first()).toBeFocused();
});
