import { expect, test } from '@playwright/test';
import { articles, richPassage, selectInPassage } from './annotations-helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const { article, passage, sentence } = richPassage();

test('select a sentence → Copy link to quote → a fresh page opens on that sentence, marked', async ({ page, browser, baseURL }) => {
  await page.goto(article.url);
  await selectInPassage(page, passage.id, sentence);
  await page.locator('.selection-toolbar').getByRole('button', { name: 'Copy link to quote' }).click();
  await expect(page.locator('#status')).toHaveText('Link to quote copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const url = new URL(link);
  expect(url.pathname).toBe(article.url);
  expect(url.hash).toMatch(new RegExp(`^#${passage.id}:~:text=`));

  const fresh = await browser.newContext();
  const reader = await fresh.newPage();
  await reader.goto(`${baseURL}${url.pathname}${url.hash}`);
  const mark = reader.locator(`[id="${passage.id}"] mark.quote-target`);
  await expect(mark.first()).toBeInViewport();
  expect((await mark.allTextContents()).join('')).toBe(sentence);
  await expect(reader.locator(`[id="${passage.id}"]`)).toHaveClass(/\bis-target\b/);
  await fresh.close();
});

test('a link to a repeated word marks the occurrence that was selected', async ({ page }) => {
  // A word that occurs at least twice in one passage.
  const target = article.passages
    .map((p) => ({ p, word: p.text.match(/\b(\w{4,})\b(?=.*\b\1\b)/)?.[1] }))
    .find((x) => x.word)!;
  await page.goto(article.url);
  await selectInPassage(page, target.p.id, target.word!, 1);
  await page.locator('.selection-toolbar').getByRole('button', { name: 'Copy link to quote' }).click();
  await expect(page.locator('#status')).toHaveText('Link to quote copied');
  const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(link.hash, 'context makes the directive unambiguous').toMatch(/(-,|,-)/);
  await page.goto('about:blank');
  await page.goto(link.pathname + link.hash);
  await expect(page.locator(`[id="${target.p.id}"] mark.quote-target`)).toBeVisible();
  const offset = await page.evaluate((id) => {
    const mark = document.querySelector(`[id="${id}"] mark.quote-target`)!;
    const range = document.createRange();
    range.setStart(mark.closest('.passage-text')!, 0);
    range.setEndBefore(mark);
    return range.toString().length;
  }, target.p.id);
  const second = target.p.text.indexOf(target.word!, target.p.text.indexOf(target.word!) + 1);
  expect(offset).toBe(second);
});

test('when the text changed slightly since the link was made, the quote is still found', async ({ page }) => {
  // The link quotes the sentence with a typo, as an older version of the site had it.
  const words = sentence.split(' ');
  const altered = [...words.slice(0, 2), words[2]!.slice(0, -1), ...words.slice(3)].join(' ');
  const hash = `#${passage.id}:~:text=${encodeURIComponent(altered).replace(/-/g, '%2D')}`;
  await page.goto(article.url + hash);
  const mark = page.locator(`[id="${passage.id}"] mark.quote-target`);
  await expect(mark.first()).toBeVisible();
  expect((await mark.allTextContents()).join('')).toBe(sentence);
});

test('when the quote is gone, the link falls back to the passage and says so', async ({ page }) => {
  await page.goto(`${article.url}#${passage.id}:~:text=${encodeURIComponent('words that were never in this passage at all')}`);
  await expect(page.locator(`[id="${passage.id}"]`)).toHaveClass(/\bis-target\b/);
  await expect(page.locator(`[id="${passage.id}"]`)).toBeInViewport();
  await expect(page.locator('mark.quote-target')).toHaveCount(0);
  await expect(page.locator('#status')).toContainText('quoted text was not found');
});

test('every article page links quotes with its own passages', async ({ page }) => {
  // A smoke check across sources: the first sentence of each article's last passage round-trips.
  for (const a of articles) {
    const p = a.passages.at(-1)!;
    const quote = p.text.split(/(?<=[.?!])\s+/)[0]!;
    await page.goto(a.url);
    await selectInPassage(page, p.id, quote);
    await page.locator('.selection-toolbar').getByRole('button', { name: 'Copy link to quote' }).click();
    await expect(page.locator('#status')).toHaveText('Link to quote copied');
    const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    await page.goto('about:blank');
    await page.goto(link.pathname + link.hash);
    await expect(page.locator(`[id="${p.id}"] mark.quote-target`).first()).toBeVisible();
    expect((await page.locator(`[id="${p.id}"] mark.quote-target`).allTextContents()).join('')).toBe(quote);
  }
});

test('a quote link followed within the same page marks the quote too', async ({ page }) => {
  await page.goto(article.url);
  await page.evaluate(
    ([id, quote]) => (location.hash = `${id}:~:text=${encodeURIComponent(quote!).replace(/-/g, '%2D')}`),
    [passage.id, sentence],
  );
  const mark = page.locator(`[id="${passage.id}"] mark.quote-target`);
  await expect(mark.first()).toBeVisible();
  expect((await mark.allTextContents()).join('')).toBe(sentence);
});
