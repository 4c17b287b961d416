/**
 * A link to a passage lands with the passage's first line in sight, below the sticky site
 * header, at every width: the header is two rows tall on phones, one on wider screens.
 */
import { expect, test, type Page } from '@playwright/test';
import { articleBySlug } from './annotations-helpers';

const bbc = articleBySlug('bbc-returning-fighters');
const target = bbc.passages.find((p) => p.text.includes('Tunisia'))!;
const cnn = articleBySlug('cnn-isis-2-0');

/** Where the landed passage's top is, against the bottom of the sticky header (Infinity while the page loads). */
async function landing(page: Page, id: string) {
  return page
    .evaluate((id) => {
      const header = document.querySelector('.site-header');
      const passage = document.getElementById(id);
      return { gap: header && passage ? passage.getBoundingClientRect().top - header.getBoundingClientRect().bottom : Infinity };
    }, id)
    .catch(() => ({ gap: Infinity }));
}

/** Landed: the passage starts below the header, and close under it (not left where it was). */
async function expectLandedBelowHeader(page: Page, id: string) {
  await expect(page).toHaveURL(new RegExp(`#${id}$`));
  const gap = async () => (await landing(page, id)).gap;
  await expect.poll(gap, { message: `${id} is at the top of the view (px from the header's bottom)` }).toBeLessThanOrEqual(48);
  await expect.poll(gap, { message: `${id}'s first line is not under the header (px from the header's bottom)` }).toBeGreaterThanOrEqual(0);
}

for (const width of [360, 700, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('a search result lands on its passage below the header', async ({ page }) => {
      expect(target, 'the BBC article names Tunisia').toBeTruthy();
      await page.goto('/search/?q=Tunisia');
      const result = page.locator(`main a[href*="#${target.id}"]`).first();
      await result.click();
      await expectLandedBelowHeader(page, target.id);
    });

    test('a passage link (the ¶ permalink’s address) and its share page land below the header', async ({ page }) => {
      await page.goto(`${bbc.url}#${target.id}`);
      await expectLandedBelowHeader(page, target.id);
      await page.goto(`/p/${target.id}/`);
      await expectLandedBelowHeader(page, target.id);
    });

    test('a related-passage link lands below the header', async ({ page }) => {
      await page.goto(cnn.url);
      const related = page.locator('.passage-related').first();
      await related.locator('summary').click();
      const link = related.locator('a').first();
      const id = (await link.getAttribute('href'))!.split('#')[1]!;
      await link.click();
      await expectLandedBelowHeader(page, id);
    });
  });
}
