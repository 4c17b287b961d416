import { expect, test } from '@playwright/test';
import { fixtureArticles } from './fixture';

const articles = fixtureArticles();
// A passage well down the page, so arriving at it needs a scroll.
const article = articles.reduce((a, b) => (b.passages.length > a.passages.length ? b : a));
const passage = article.passages[Math.floor(article.passages.length * 0.7)]!;

test('a passage permalink opens the article scrolled to that passage, marked', async ({ page }) => {
  await page.goto(`${article.url}#${passage.id}`);
  const target = page.locator(`[id="${passage.id}"]`);
  await expect(target).toBeInViewport();
  await expect(target).toHaveClass(/\bis-target\b/);
  await expect(target.locator('.passage-text')).toHaveText(passage.text);
  // only that passage is marked
  await expect(page.locator('.passage.is-target')).toHaveCount(1);
});

test('the permalink control is reachable by keyboard, copies the passage URL and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(article.url);
  const button = page.locator(`[id="${passage.id}"] .passage-permalink`);
  await button.focus();
  await expect(button).toBeFocused();
  await expect(button).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#status')).toContainText(/link copied/i);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(copied).pathname + new URL(copied).hash).toBe(`${article.url}#${passage.id}`);
});
