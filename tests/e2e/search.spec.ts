import { expect, test } from '@playwright/test';
import { readArticles } from './corpus';

const articles = readArticles();
const outletText = new Map(articles.map((a) => [a.meta.outlet, a.passages.map((p) => p.text).join('\n')]));

test('searching "Tunisia" finds only passages that say it, and a result lands on that passage with the hit marked', async ({
  page,
}) => {
  await page.goto('/search/?q=Tunisia');
  const results = page.locator('.search-result');
  await expect(results.first()).toBeVisible();
  const count = await results.count();
  expect(count).toBeGreaterThan(0);

  for (let i = 0; i < count; i++) {
    const outlet = (await results.nth(i).locator('.outlet').innerText()).split(' · ')[0]!;
    const known = [...outletText.keys()].find((o) => o.toUpperCase() === outlet.toUpperCase());
    expect(known, `result ${i} names a known outlet (${outlet})`).toBeTruthy();
    expect(outletText.get(known!)!.toLowerCase()).toContain('tunisi');
    await expect(results.nth(i).locator('.search-result-excerpt mark')).not.toHaveCount(0);
  }

  const link = results.first().locator('a.search-result-title');
  const href = (await link.getAttribute('href'))!;
  const passageId = new URL(href, 'http://x').hash.slice(1);
  expect(passageId).toMatch(/^[a-z0-9]+-[0-9a-f]{6,}$/);
  await link.click();
  const passage = page.locator(`[id="${passageId}"]`);
  await expect(passage).toBeInViewport();
  await expect(passage.locator('.passage-text')).toContainText(/tunisi/i);
  await expect(passage.locator('mark.search-hit').first()).toBeVisible();
});

test('a word of a headline finds the passages that say it, not every passage of its article', async ({ page }) => {
  const texts = articles.flatMap((a) => a.passages.map((p) => p.text.toLowerCase().match(/\p{L}+/gu) ?? []));
  // Pagefind stems words and matches a query's last word as a prefix
  const stem = (word: string) => word.slice(0, Math.max(4, word.length - 2));
  const saying = (word: string) => texts.filter((words) => words.some((w) => w.startsWith(stem(word)))).length;
  let checked = 0;
  for (const article of articles) {
    // a rare word of the headline that the text also has: a few passages say it, most do not
    const words = (article.meta.headline.value ?? '').toLowerCase().match(/\p{L}{5,}/gu) ?? [];
    const word = words.find((w) => saying(w) >= 1 && saying(w) <= 3);
    if (!word) continue;
    await page.goto(`/search/?q=${encodeURIComponent(word)}`);
    const results = page.locator('.search-result:not(.is-note)');
    await expect(results.first(), word).toBeVisible();
    expect(await results.count(), word).toBeLessThanOrEqual(saying(word));
    for (const result of await results.all()) await expect(result.locator('.search-result-excerpt mark'), word).not.toHaveCount(0);
    checked++;
  }
  expect(checked, 'some headline has a word that only a few passages say').toBeGreaterThan(0);
});

test('the source filter narrows results to that source, and the URL keeps the choice', async ({ page }) => {
  await page.goto('/search/?q=fighters');
  await expect(page.locator('.search-result').first()).toBeVisible();
  // the summary counts passages apart from editors' notes once the facet counts are in
  const settled = () => expect(page.locator('.search-facets[aria-busy="true"]')).toHaveCount(0);
  const total = async () => Number(/^(\d+) passage/.exec(await page.locator('.search-summary').innerText())?.[1]);
  await settled();
  const all = await total();
  const outlet = articles.find((a) => a.passages.some((p) => /fighters/i.test(p.text)))!.meta.outlet;

  await page.getByRole('checkbox', { name: new RegExp(outlet) }).check();
  await expect(page).toHaveURL(/source=/);
  await expect(page.locator('.search-summary')).toContainText(`in ${outlet}`);
  const outlets = await page.locator('.search-result .outlet').allInnerTexts();
  expect(outlets.length).toBeGreaterThan(0);
  await settled();
  expect(all).toBeGreaterThan(0);
  expect(await total()).toBeLessThanOrEqual(all);
  for (const o of outlets) expect(o.toUpperCase()).toContain(outlet.toUpperCase());

  await page.reload();
  await expect(page.getByRole('checkbox', { name: new RegExp(outlet) })).toBeChecked();
});

test('a search with no results says so and suggests what to try', async ({ page }) => {
  await page.goto('/search/?q=zzzqqqxx');
  await expect(page.locator('.search-summary')).toContainText('No passage matches');
  await expect(page.locator('.search-result')).toHaveCount(0);
});

test('a name written with a prefix in the text ("al-Baghdadi") is found by its bare form', async ({ page }) => {
  const expected = articles.flatMap((a) => a.passages).filter((p) => /baghdadi/i.test(p.text)).length;
  expect(expected).toBeGreaterThan(0);
  await page.goto('/search/?q=Baghdadi');
  await expect(page.locator('.search-summary')).toContainText(`${expected} passage${expected === 1 ? '' : 's'} match`);
  await expect(page.locator('.search-result').first()).toBeVisible();
  await expect(page.locator('[data-correction]')).toBeHidden();
});

test('a result followed at once, before the address bar caught up, still leaves the query in history for Back', async ({ page }) => {
  await page.goto('/search/');
  await page.locator('#search-q').pressSequentially('Tunisia');
  const link = page.locator('.search-result a.search-result-title').first();
  await expect(page.locator('[data-search-summary]')).toContainText('Tunisia');
  // no pause: the click itself must bring the address up to date
  await link.click();
  await expect(page).toHaveURL(/\/articles\//);
  await page.goBack();
  await expect(page).toHaveURL(/\/search\/\?q=Tunisia$/);
  await expect(page.locator('#search-q')).toHaveValue('Tunisia');
  await expect(page.locator('.search-result').first()).toBeVisible();
});

test('the address bar follows what is typed once the typing stops, and the field emptied', async ({ page }) => {
  await page.goto('/search/');
  await page.locator('#search-q').pressSequentially('Mosul', { delay: 60 });
  await expect(page.locator('[data-search-summary]')).toContainText('Mosul');
  await expect(page).toHaveURL(/\/search\/\?q=Mosul$/);
  await page.locator('#search-q').fill('');
  await expect(page).toHaveURL(/\/search\/$/);
});
