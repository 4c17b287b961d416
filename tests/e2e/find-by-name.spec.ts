/**
 * The find fields are for lists of several pages (tests/e2e/features/find-by-name.spec.ts):
 * a dossier whose sources and names fit one page (home, name index, a theme's page, the figures) shows none.
 */
import { expect, test } from '@playwright/test';
import { figuresUrl, themeUrl } from '../../src/contract/routes';

test('a list that fits one page has no find field above it', async ({ page, request }) => {
  const themes = ((await (await request.get('/data/dossier.json')).json()) as { themes: { id: string }[] }).themes;
  for (const path of ['/', '/entities/', themeUrl(themes[0]!.id), figuresUrl()]) {
    await page.goto(path);
    await expect(page.locator('nav.pager')).toHaveCount(0);
    await expect(page.locator('find-by-name')).toHaveCount(0);
  }
});
