import { expect, test } from '@playwright/test';
import { fixtureArticles } from './fixture';

const articles = fixtureArticles();
const article = articles.reduce((a, b) => (b.passages.length > a.passages.length ? b : a));

test('an old (retired) passage id leads to the passage that replaced it, not the top of the page', async ({ page }) => {
  // The fixture has one retired id: a paragraph deleted from its source after a first normalisation.
  const retiring = articles.find((a) => Object.keys(a.meta.retiredIds).length > 0);
  expect(retiring, 'a fixture article with a retired passage id').toBeTruthy();
  const [retired, survivorId] = Object.entries(retiring!.meta.retiredIds)[0]!;
  expect(retiring!.passages.map((p) => p.id)).not.toContain(retired);
  await page.goto(`${retiring!.url}#${retired}`);
  const target = page.locator(`[id="${survivorId}"]`);
  await expect(target).toHaveClass(/\bis-target\b/);
  await expect(target).toBeInViewport();
  expect(new URL(page.url()).hash).toBe(`#${survivorId}`);
  await expect(page.locator('#status')).toContainText('replaced it');
});

test('an unknown passage id with this article’s prefix says the passage is gone, without asking for a share page it cannot have', async ({ page }) => {
  const unknown = `${article.passages[0]!.id.split('-')[0]}-0000fe`;
  const asked: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`${article.url}#${unknown}`);
  await expect(page.locator('#status')).toContainText('no longer in this dossier');
  await expect(page.locator('.passage.is-target')).toHaveCount(0);
  expect(asked).toContain('/p/retired-ids.json');
  expect(asked.filter((path) => path.startsWith(`/p/${unknown}`))).toEqual([]);
  expect(errors).toEqual([]);
});

test('j and k move focus from passage to passage and announce it; typing in a field is left alone', async ({ page }) => {
  await page.goto(article.url);
  await page.keyboard.press('j');
  const first = page.locator('.passage').first();
  await expect(first).toBeFocused();
  await expect(page.locator('#status')).toHaveText(`Passage 1 of ${article.passages.length}`);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(page.locator('.passage').nth(2)).toBeFocused();
  await expect(page.locator('#status')).toHaveText(`Passage 3 of ${article.passages.length}`);
  await page.keyboard.press('k');
  await expect(page.locator('.passage').nth(1)).toBeFocused();
  await expect(page.locator('.passage').nth(1)).toBeInViewport();

  const search = page.locator('input[type=search]').first();
  await search.focus();
  await page.keyboard.type('jk');
  await expect(search).toHaveValue('jk');
  await expect(search).toBeFocused();
});

test('moving to a passage by its link marks it, and a second link moves the mark', async ({ page }) => {
  const [a, b] = [article.passages[2]!, article.passages[article.passages.length - 2]!];
  await page.goto(`${article.url}#${a.id}`);
  await expect(page.locator(`[id="${a.id}"]`)).toHaveClass(/\bis-target\b/);
  await page.evaluate((id) => (location.hash = id), b.id);
  await expect(page.locator(`[id="${b.id}"]`)).toHaveClass(/\bis-target\b/);
  await expect(page.locator('.passage.is-target')).toHaveCount(1);
});
