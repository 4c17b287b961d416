import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { collectCspViolations } from './csp-violations';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { publicationSortKey } from '../../src/corpus/format';
import { readArticles } from './corpus';

const articles = readArticles().sort(
  (a, b) => publicationSortKey(a.meta.published).localeCompare(publicationSortKey(b.meta.published)) || a.slug.localeCompare(b.slug),
);
const passages = new Map(articles.flatMap((a) => a.passages.map((p) => [p.id, { ...p, article: a.slug }])));
// The curated groups as an editor wrote them (the page must show every one of them).
const claimsFile = parse(readFileSync('content/claims.yaml', 'utf8')) as {
  groups: { id: string; label: string; claims: { source: string; quote: string; figure: string }[] }[];
};

test.describe('wide screens', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('each group is a row; its figures sit under their source, with the quote, linked to the passage that says it', async ({ page }) => {
    await page.goto('/figures/');
    // sources in order of publication, so estimates read from 2017 to 2020
    const columns = await page.locator('.fig-table thead th .outlet').allTextContents();
    const expected = articles.filter((a) => claimsFile.groups.some((g) => g.claims.some((c) => c.source === a.slug)));
    expect(columns).toEqual(expected.map((a) => a.meta.outlet));
    await expect(page.locator('.fig-table tbody tr')).toHaveCount(claimsFile.groups.length);

    for (const group of claimsFile.groups) {
      const row = page.locator(`tr#g-${group.id}`);
      await expect(row.locator('.fig-label')).toHaveText(group.label);
      for (const claim of group.claims) {
        const cell = row.locator(`td[data-source="${claim.source}"]`);
        const shown = cell.locator('.fig-claim', { hasText: claim.figure }).filter({ has: page.locator('.fig-quote', { hasText: claim.quote }) });
        await expect(shown, `${group.id}: ${claim.source} “${claim.figure}”`).toHaveCount(1);
        // the link goes to a passage of that source whose text holds the quote
        const href = (await shown.locator('a.fig-link').getAttribute('href'))!;
        const [path, id] = href.split('#');
        const passage = passages.get(id!);
        expect(passage, href).toBeTruthy();
        expect(path).toBe(`/articles/${claim.source}/`);
        expect(passage!.text).toContain(claim.quote);
      }
    }
  });

  test('a figure’s link lands on its passage in the article', async ({ page }) => {
    await page.goto('/figures/');
    const link = page.locator('.fig-table a.fig-link').first();
    const id = (await link.getAttribute('href'))!.split('#')[1]!;
    await link.click();
    await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
    await expect(page.locator(':target')).toHaveAttribute('id', id);
  });

  test('the list of sentences with numbers quotes the corpus, marks the numbers and points back to the table', async ({ page }) => {
    await page.goto('/figures/');
    // its introduction's sentences are set apart, each ending before the next begins
    await expect(page.locator('.fig-all .fig-how')).toHaveText(/side by side\. Sentences already in the table say which row\.$/);
    const items = await page.locator('.fig-sentences li').evaluateAll((lis) =>
      lis.map((li) => ({
        sentence: li.querySelector('.fig-sentence')!.textContent!,
        numbers: [...li.querySelectorAll('mark.fig-num')].map((m) => m.textContent),
        href: li.querySelector('a.fig-link')!.getAttribute('href')!,
        inTable: [...li.querySelectorAll('a.fig-in-table')].map((a) => a.getAttribute('href')),
      })),
    );
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) {
      const passage = passages.get(item.href.split('#')[1]!);
      expect(passage, item.href).toBeTruthy();
      expect(passage!.text).toContain(item.sentence);
      expect(item.numbers.length).toBeGreaterThan(0);
      for (const n of item.numbers) expect(item.sentence).toContain(n);
    }
    // every quoted claim's sentence says it is in the table, and the link goes to its row
    for (const group of claimsFile.groups) {
      const quoted = items.filter((i) => i.inTable.includes(`#g-${group.id}`));
      const numeric = group.claims.filter((c) => /\d/.test(c.quote));
      if (numeric.length) expect(quoted.length, group.id).toBeGreaterThan(0);
    }
    // and years alone are not numbers
    expect(items.some((i) => i.numbers.some((n) => /^(19|20)\d\d$/.test(n!)))).toBe(false);
  });

  test('axe finds no accessibility violations', async ({ page }) => {
    await page.goto('/figures/');
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id} on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('the figures page runs under the Content-Security-Policy', async ({ page }) => {
    const violations = collectCspViolations(page);
    await page.goto('/figures/');
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });
});

test.describe('narrow screens', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('at 375 px each row is a card naming its sources, without horizontal scrolling', async ({ page }) => {
    await page.goto('/figures/');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const first = claimsFile.groups[0]!;
    const cell = page.locator(`tr#g-${first.id} td[data-source="${first.claims[0]!.source}"]`);
    const outlet = articles.find((a) => a.slug === first.claims[0]!.source)!.meta.outlet;
    await expect(cell.locator('.fig-source')).toBeVisible();
    await expect(cell.locator('.fig-source')).toContainText(outlet);
    await expect(page.locator('.fig-none').first()).toBeHidden();
  });
});
