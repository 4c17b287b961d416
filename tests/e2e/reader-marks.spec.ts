/**
 * How the reader's page draws what is marked in its text: passage ids in the margin.
 */
import { expect, test } from '@playwright/test';
import { articleBySlug } from './annotations-helpers';

const bbc = articleBySlug('bbc-returning-fighters');

test.describe('wide screens', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('a passage id in the margin stays on one line and clear of the left rail', async ({ page }) => {
    await page.goto(bbc.url);
    const refs = await page.locator('.passage-ref').evaluateAll((refs) => {
      const rail = document.querySelector('.rail-left')!;
      const railContentRight = rail.getBoundingClientRect().right - parseFloat(getComputedStyle(rail).paddingRight);
      return refs.map((r) => {
        const box = r.getBoundingClientRect();
        const style = getComputedStyle(r);
        const content = box.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        return { id: r.textContent, oneLine: content < 1.5 * parseFloat(style.lineHeight), clear: box.left >= railContentRight };
      });
    });
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r) => !r.oneLine).map((r) => r.id), 'ids on more than one line').toEqual([]);
    expect(refs.filter((r) => !r.clear).map((r) => r.id), 'ids over the left rail').toEqual([]);
  });
});
