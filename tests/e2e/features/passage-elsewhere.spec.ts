/**
 * A passage id on the wrong article's page (a link edited by hand, an id pasted after another
 * article's address): the id's prefix names its article, so the reader is sent to the passage
 * there, quote and all; only an id no article has is said to be gone.
 */
import { expect, test } from '@playwright/test';
import { encodeTextDirective } from '../../../src/contract/text-fragment';
import { fixtureArticles } from './fixture';

const articles = fixtureArticles();
const [here, there] = articles.filter((a) => a.passages.length > 2);
const passage = there!.passages[2]!;

test('a passage id of another article leads to the passage in its own article', async ({ page }) => {
  await page.goto(`${here!.url}#${passage.id}`);
  await expect(page).toHaveURL(`${there!.url}#${passage.id}`);
  const target = page.locator(`[id="${passage.id}"]`);
  await expect(target).toHaveClass(/\bis-target\b/);
  await expect(target).toBeInViewport();
  await expect(page.locator('#status')).toHaveText(`Passage ${passage.id} is in this article: the link you followed gave another article’s address.`);
  await expect(page.locator('.toast')).toBeVisible();
  // Told once: the same passage reached again is not announced.
  await page.reload();
  await expect(target).toHaveClass(/\bis-target\b/);
  await expect(page.locator('#status')).toHaveText('');
});

test('a quote link with the wrong article keeps its quote: the quoted words are marked in the right one', async ({ page }) => {
  const words = passage.text.split(' ');
  const quote = words.slice(2, 6).join(' ');
  await page.goto(`${here!.url}#${passage.id}:~:${encodeTextDirective({ textStart: quote })}`);
  await expect(page).toHaveURL(new RegExp(`^[^#]*${there!.url}#${passage.id}`));
  await expect(page.locator(`[id="${passage.id}"] mark.quote-target`).first()).toBeVisible();
  expect((await page.locator(`[id="${passage.id}"] mark.quote-target`).allTextContents()).join('')).toBe(quote);
});

test('a retired id of another article leads to the passage that replaced it, in its article', async ({ page }) => {
  const retiring = articles.find((a) => Object.keys(a.meta.retiredIds).length > 0)!;
  const elsewhere = articles.find((a) => a.slug !== retiring.slug)!;
  const [retired, survivorId] = Object.entries(retiring.meta.retiredIds)[0]!;
  await page.goto(`${elsewhere.url}#${retired}`);
  await expect(page).toHaveURL(`${retiring.url}#${survivorId}`);
  await expect(page.locator(`[id="${survivorId}"]`)).toHaveClass(/\bis-target\b/);
  await expect(page.locator('#status')).toHaveText('The passage you linked to has changed since; showing the passage that replaced it, in this article.');
});

test('an id no article of the dossier has stays put and says the passage is no longer in the dossier', async ({ page }) => {
  await page.goto(`${here!.url}#zz-00aa11`);
  await expect(page.locator('#status')).toHaveText('The passage you linked to is no longer in this dossier.');
  await expect(page).toHaveURL(`${here!.url}#zz-00aa11`);
  await expect(page.locator('.passage.is-target')).toHaveCount(0);
});
