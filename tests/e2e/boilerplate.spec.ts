import { expect, test } from '@playwright/test';
import { normalizeCorpus } from '../../scripts/normalize/corpus';

// Every line the normaliser's rules remove from the raw sources, per article
// (a dry run: check mode writes nothing).
const result = await normalizeCorpus({ sourcesDir: 'content/sources', outDir: 'content/articles', check: true });
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

for (const article of result.articles) {
  test(`no boilerplate line removed by the rules appears in the text of ${article.slug}`, async ({ page }) => {
    expect(article.removed.length, 'the rules removed something from this article').toBeGreaterThan(0);
    await page.goto(`/articles/${article.slug}/`);
    const body = squash(await page.locator('.article-body').innerText());
    expect(body.length).toBeGreaterThan(500);
    for (const line of article.removed) {
      const text = squash(line.text);
      if (text.length < 4) continue;
      expect(body, `rule "${line.rule}" removed line ${line.line}: ${text}`).not.toContain(text);
    }
  });
}
