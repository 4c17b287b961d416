import { expect, test } from '@playwright/test';
import { fixtureArticles } from './fixture';

const articles = fixtureArticles();

test('the home page shows every source as a card, and a card leads to its article', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('h1')).toHaveCount(1);
  const cards = page.locator('.source-card');
  await expect(cards).toHaveCount(articles.length);
  for (const article of articles) {
    const card = page.locator(`.source-card[data-source="${article.slug}"]`);
    await expect(card.locator('.outlet')).toContainText(article.meta.outlet);
    await expect(card).toContainText(`${article.meta.passageCount} passages`);
  }

  const target = articles[0]!;
  await page.locator(`.source-card[data-source="${target.slug}"] a`).click();
  await expect(page).toHaveURL(new RegExp(`${target.url}$`));
  await expect(page.locator('h1')).toContainText(target.meta.headline.value!);
  await expect(page.locator('.passage')).toHaveCount(target.passages.length);
});

test('uncertain metadata is shown as uncertain, and the excerpt says so', async ({ page }) => {
  const estimated = articles.find((a) => a.meta.published.status === 'estimate');
  const excerpt = articles.find((a) => a.meta.completeness === 'excerpt');
  expect(estimated, 'an article with an estimated date').toBeTruthy();
  expect(excerpt, 'an article that is an excerpt').toBeTruthy();
  await page.goto(estimated!.url);
  await expect(page.locator('.article-header .published')).toContainText('c. ');
  await expect(page.locator('.article-header .published')).toContainText('(estimated)');
  await page.goto(excerpt!.url);
  await expect(page.locator('.article-header .notice-excerpt')).toContainText('Excerpt');
});

test('the "/" key focuses the search field', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  await expect(page.locator('#site-search-q')).toBeFocused();
});
