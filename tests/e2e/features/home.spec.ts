import { expect, test } from '@playwright/test';
import { homeUrl } from '../../../src/contract/routes';
import { CERTAINTY_LABEL } from '../../../src/corpus/format';
import { FIXTURE_PAGE_SIZE } from '../../fixture-site';
import { fixtureArticles } from './fixture';

const articles = fixtureArticles();

test('the home page shows every source as a card, a few a page, and a card leads to its article', async ({ page }) => {
  // The fixture site holds FIXTURE_PAGE_SIZE sources a page (tests/e2e/features/pagination.spec.ts walks the pages).
  const pages = Math.ceil(articles.length / FIXTURE_PAGE_SIZE);
  const seen: string[] = [];
  for (let n = 1; n <= pages; n++) {
    await page.goto(homeUrl(n));
    await expect(page.locator('h1')).toHaveCount(1);
    const cards = page.locator('.source-card');
    await expect(cards).toHaveCount(n < pages ? FIXTURE_PAGE_SIZE : articles.length - (pages - 1) * FIXTURE_PAGE_SIZE);
    for (const slug of await cards.evaluateAll((cs) => cs.map((c) => c.getAttribute('data-source')!))) {
      const article = articles.find((a) => a.slug === slug)!;
      const card = page.locator(`.source-card[data-source="${slug}"]`);
      await expect(card.locator('.outlet')).toContainText(article.meta.outlet);
      await expect(card).toContainText(`${article.meta.passageCount} passages`);
      seen.push(slug);
    }
  }
  expect(seen.sort()).toEqual(articles.map((a) => a.slug).sort());

  await page.goto('/');
  const first = await page.locator('.source-card').first().getAttribute('data-source');
  const target = articles.find((a) => a.slug === first)!;
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

test('an uncertain headline is marked beside it, and said after the heading, not as part of its name', async ({ page }) => {
  const uncertain = articles.find((a) => a.meta.headline.status !== 'verified');
  expect(uncertain, 'an article whose headline is not verified').toBeTruthy();
  await page.goto(uncertain!.url);
  const label = CERTAINTY_LABEL[uncertain!.meta.headline.status];
  await expect(page.locator('.article-header h1 .certainty')).toHaveText(`(${label})`);
  const headline = (await page.locator('.article-header h1 > span').first().textContent())!;
  await expect(page.getByRole('heading', { level: 1, name: headline, exact: true })).toBeVisible();
  await expect(page.locator('.article-header h1 + p.visually-hidden')).toHaveText(new RegExp(`^Headline ${label}`));
});

test('the "/" key focuses the search field', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  await expect(page.locator('#site-search-q')).toBeFocused();
  // its name holds what it shows (WCAG 2.5.3): a voice user says what they see
  const placeholder = (await page.locator('#site-search-q').getAttribute('placeholder'))!;
  await expect(page.getByRole('searchbox', { name: placeholder, exact: true })).toBeFocused();
});
