import { expect, test } from '@playwright/test';
import { collectCspViolations } from './csp-violations';
import { readArticles } from './corpus';

const article = readArticles()[0]!;
const passage = article.passages[3]!;

// One page of each type, with the interactions that load more code (search runs Pagefind's
// WebAssembly).
const pages: { path: string; act?: (page: import('@playwright/test').Page) => Promise<void> }[] = [
  { path: '/' },
  { path: article.url },
  { path: `/p/${passage.id}/` },
  {
    path: '/search/?q=Tunisia',
    act: async (page) => {
      await expect(page.locator('.search-result').first()).toBeVisible();
    },
  },
  { path: '/does-not-exist/' },
];

for (const { path, act } of pages) {
  test(`${path} runs under the Content-Security-Policy without violations`, async ({ page }) => {
    const violations = collectCspViolations(page);
    await page.goto(path);
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    await act?.(page);
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });

  test(`${path} declares its policy before any script, so the policy governs every one`, async ({ request }) => {
    const html = await (await request.get(path)).text();
    const policy = html.search(/<meta http-equiv="content-security-policy"/i);
    expect(policy, 'a CSP <meta>').toBeGreaterThan(-1);
    const firstScript = html.search(/<script[\s>]/i);
    expect(firstScript === -1 || firstScript > policy, 'no <script> before the CSP <meta>').toBe(true);
  });
}
