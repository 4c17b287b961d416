/**
 * Focusing one theme in compare: the jump lands with the note that says so ("Showing one theme.
 * Show every theme") in sight, below the sticky headers, at every width.
 */
import { expect, test } from '@playwright/test';
import { readThemes } from '../../src/corpus/analysis-data';

const theme = readThemes().themes[3]!;

for (const width of [360, 1280]) {
  test(`at ${width} px, the “Showing one theme” note is in sight after the jump`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/compare/cnn-isis-2-0--bbc-returning-fighters/');
    await expect(page.locator('.is-live')).toBeAttached();
    await page.locator(`#t-${theme.id} .cmp-focus-link`).click();
    await expect(page).toHaveURL(new RegExp(`#t-${theme.id}$`));
    const note = page.locator('.cmp-focus-note');
    await expect(note).toBeVisible();
    const below = () =>
      note.evaluate((n) => {
        // the lowest bottom of what sticks at the top: the site header, the column headers or tabs
        const sticky = ['.site-header', '.cmp-heads', '.cmp-tabs']
          .map((s) => document.querySelector(s))
          .filter((e): e is Element => !!e && getComputedStyle(e).display !== 'none' && getComputedStyle(e).position === 'sticky')
          .map((e) => e.getBoundingClientRect())
          .filter((r) => r.top < 200)
          .map((r) => r.bottom);
        return n.getBoundingClientRect().top - Math.max(...sticky);
      });
    await expect.poll(below, { message: 'the note is at the top of what shows (px below the sticky band)' }).toBeLessThan(64);
    // (the band's heights are measured in whole pixels: up to one pixel of rounding)
    await expect.poll(below, { message: 'the note is not under the sticky band (px below it)' }).toBeGreaterThanOrEqual(-1);
  });
}
