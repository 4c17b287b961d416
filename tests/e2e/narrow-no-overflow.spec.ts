/**
 * No horizontal scrolling at 360 px, on any kind of page, with the widest things each can show:
 * an article with a saved note and the note editor open, the notebook with an annotation (its
 * Source filter lists headlines), compare, search with results, a theme, an entity, home.
 */
import { expect, test, type Page } from '@playwright/test';
import { annotate, articleBySlug, richPassage, selectInPassage } from './annotations-helpers';

test.use({ viewport: { width: 360, height: 800 } });

const { article, passage, sentence } = richPassage();
const other = article.passages.find((p) => p.id !== passage.id && p.text.split(' ').length > 6)!;

async function expectNoHorizontalScroll(page: Page, what: string) {
  const { scrollWidth, viewport } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, viewport: window.innerWidth }));
  expect(scrollWidth, `${what}: the page is no wider than the screen`).toBeLessThanOrEqual(viewport);
}

test('an article with a saved note and the note editor open, and the notebook listing it', async ({ page }) => {
  await page.goto(article.url);
  await annotate(page, passage.id, sentence, { text: 'A note long enough to fill its card from one side to the other.', tags: 'alpha' });
  await expect(page.locator(`[id="${passage.id}"] .annotation-card`)).toBeVisible();
  await selectInPassage(page, other.id, other.text.split(' ').slice(0, 4).join(' '));
  await page.locator('.selection-toolbar').getByRole('button', { name: 'Note' }).click();
  await expect(page.locator('.annotation-editor')).toBeVisible();
  await expectNoHorizontalScroll(page, 'article with a note and the editor');

  await page.goto('/notebook/');
  await expect(page.locator('.notebook-entry')).toHaveCount(1);
  await expect(page.locator('#notebook-source option')).toHaveCount(2);
  await expectNoHorizontalScroll(page, 'notebook with an annotation');
});

test('search with results', async ({ page }) => {
  await page.goto('/search/?q=Tunisia');
  await expect(page.locator(`main a[href*="/articles/"]`).first()).toBeVisible();
  await expectNoHorizontalScroll(page, 'search');
});

for (const [what, path] of [
  ['home', '/'],
  ['compare', '/compare/'],
  ['a compared pair', '/compare/cnn-isis-2-0--bbc-returning-fighters/'],
  ['a theme', '/themes/foreign-fighters/'],
  ['an entity', '/entities/tunisia/'],
  ['an article', articleBySlug('cnn-isis-2-0').url],
] as const) {
  test(`${what} (${path})`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
    await expectNoHorizontalScroll(page, what);
  });
}
