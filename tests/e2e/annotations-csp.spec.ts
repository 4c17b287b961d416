import { expect, test, type Page } from '@playwright/test';
import { collectCspViolations } from './csp-violations';
import { annotate, richPassage, selectInPassage } from './annotations-helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const { article, passage, sentence } = richPassage();

/** Collects CSP violations (reported as console errors and as events) and page errors. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations = collectCspViolations(page);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to … (${e.violatedDirective}: ${e.blockedURI})`));
  });
  return violations;
}

async function expectStrictPolicy(page: Page) {
  const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
}

test('annotating, linking to a quote and editing a note run under the Content-Security-Policy', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto(article.url);
  await expectStrictPolicy(page);
  await selectInPassage(page, passage.id, sentence);
  await page.locator('.selection-toolbar').getByRole('button', { name: 'Copy link to quote' }).click();
  await expect(page.locator('#status')).toHaveText('Link to quote copied');
  const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  await annotate(page, passage.id, sentence, { text: 'under CSP', tags: 'csp', colour: 'Blue' });
  await page.locator(`[id="${passage.id}"] .annotation-card-edit`).click();
  await page.locator('.annotation-editor').getByRole('button', { name: 'Delete' }).click();
  await page.locator('.annotation-undo').getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator(`[id="${passage.id}"] .annotation-card`)).toHaveCount(1);
  await page.goto(link.pathname + link.hash);
  await expect(page.locator('mark.quote-target').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);
});

test('the notebook, its export and its import run under the Content-Security-Policy', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto(article.url);
  await annotate(page, passage.id, sentence, { text: 'to export' });
  await page.goto('/notebook/');
  await expectStrictPolicy(page);
  await expect(page.locator('.notebook-entry')).toHaveCount(1);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export (W3C JSON-LD)' }).click();
  const file = await (await download).path();
  await page.locator('[data-import]').setInputFiles(file);
  await expect(page.locator('[data-message]')).toContainText('already here');
  await page.getByRole('button', { name: 'Export as Markdown' }).click();
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);
});
