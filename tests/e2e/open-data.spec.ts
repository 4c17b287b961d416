import { expect, test } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { readArticles } from './corpus';
import { loadDossier } from './dossier-json';
import { compileSchema } from '../json-schema';

const articles = readArticles();

test('the built dossier.json validates against the built dossier.schema.json', async ({ request }) => {
  const schema = await (await request.get('/data/dossier.schema.json')).json();
  const data = await loadDossier(request);
  const validate = compileSchema(schema);
  expect(validate(data), JSON.stringify(validate.errors, null, 1)).toBe(true);

  // and it fails on a broken copy, so the check is real
  const broken = structuredClone(data) as unknown as { passages: Record<string, unknown>[] };
  delete broken.passages[0]!.text;
  expect(validate(broken)).toBe(false);
});

test('dossier.json holds every article and passage of the dossier, with metadata and its certainty', async ({ request }) => {
  const data = await loadDossier(request);
  expect(data.articles.map((a) => a.slug).sort()).toEqual(articles.map((a) => a.slug).sort());
  for (const article of articles) {
    const entry = data.articles.find((a) => a.slug === article.slug)!;
    expect(entry.meta.published).toEqual(article.meta.published);
    expect(entry.meta.headline).toEqual(article.meta.headline);
    expect(entry.passageIds).toEqual(article.passages.map((p) => p.id));
  }
  const byId = new Map(data.passages.map((p) => [p.id, p]));
  for (const article of articles) {
    for (const [order, passage] of article.passages.entries()) {
      const entry = byId.get(passage.id)!;
      expect(entry.text).toBe(passage.text);
      expect(entry.order).toBe(order);
      expect(entry.article).toBe(article.slug);
    }
  }
});

for (const path of ['/', `/articles/${articles[0]!.slug}/`, '/themes/', '/entities/', '/search/']) {
  test(`the footer of ${path} links to the open data`, async ({ page }) => {
    await page.goto(path);
    const link = page.locator('.site-footer a[href="/data/dossier.json"]');
    await expect(link).toBeVisible();
    await expect(page.locator('.site-footer a[href="/data/dossier.schema.json"]')).toBeVisible();
  });
}

test('the search vocabulary is a small static file of the dossier’s words', async ({ request }, testInfo) => {
  const response = await request.get('/data/vocabulary.json');
  expect(response.ok()).toBe(true);
  const body = await response.body();
  const vocabulary = JSON.parse(body.toString('utf8')) as { version: number; words: string[] };
  expect(vocabulary.version).toBe(1);
  const text = articles.flatMap((a) => a.passages.map((p) => p.text)).join('\n').toLowerCase();
  for (const word of vocabulary.words) expect(text).toContain(word.toLowerCase());
  const gzip = gzipSync(body).length;
  testInfo.annotations.push({ type: 'size', description: `${body.length} bytes, ${gzip} gzipped, ${vocabulary.words.length} words` });
  // a budget, not a measurement: it must stay cheaper to fetch than a small image
  expect(gzip).toBeLessThan(12_000);
});
