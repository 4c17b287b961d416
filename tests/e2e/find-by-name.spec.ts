/**
 * The find fields are for lists of several pages (tests/e2e/features/find-by-name.spec.ts):
 * a dossier whose sources and names fit one page shows none.
 */
import { expect, test } from '@playwright/test';

test('a list that fits one page has no find field above it', async ({ page }) => {
  for (const path of ['/', '/entities/']) {
    await page.goto(path);
    await expect(page.locator('nav.pager')).toHaveCount(0);
    await expect(page.locator('find-by-name')).toHaveCount(0);
  }
});
