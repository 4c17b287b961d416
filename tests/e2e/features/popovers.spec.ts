/**
 * Menus, panels and the selection toolbar close as a reader expects: Escape (focus going back
 * to the button that opened them when it was inside), a click outside, and following a link
 * in them.
 */
import { expect, test, type Page } from '@playwright/test';
import { dragOverWords, fixtureArticles } from './fixture';

const article = fixtureArticles()[0]!;
const menuButton = (page: Page) => page.getByRole('button', { name: 'Menu' });
const menu = (page: Page) => page.locator('#site-menu');

for (const width of [768, 360]) {
  test.describe(`the header Menu at ${width} px`, () => {
    test.use({ viewport: { width, height: 700 } });

    test('opens, and Escape closes it, giving focus back to the Menu button', async ({ page }) => {
      await page.goto(article.url);
      await menuButton(page).click();
      await expect(menu(page)).toBeVisible();
      await page.keyboard.press('Tab');
      await expect(menu(page).getByRole('link').first()).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(menu(page)).toBeHidden();
      await expect(menuButton(page)).toBeFocused();
    });

    test('a click outside closes it', async ({ page }) => {
      await page.goto(article.url);
      await menuButton(page).click();
      await expect(menu(page)).toBeVisible();
      // Far from the menu (which covers the heading below it on a narrow screen).
      await page.mouse.click(width - 10, 650);
      await expect(menu(page)).toBeHidden();
    });

    test('following one of its links closes it', async ({ page }) => {
      await page.goto(article.url);
      const link = menu(page).locator('a').last();
      // The link's page never arrives, so this page stays to be looked at.
      await page.route(new URL((await link.getAttribute('href'))!, page.url()).href, (route) => route.abort());
      await menuButton(page).click();
      await link.click();
      await expect(menu(page)).toBeHidden();
    });
  });
}

test('Escape closes the selection toolbar after a mouse selection (focus not in it)', async ({ page }) => {
  await page.goto(article.url);
  await dragOverWords(page);
  const bar = page.getByRole('toolbar', { name: 'Selected text' });
  await expect(bar).toBeVisible();
  await expect(bar.getByRole('button').first()).not.toBeFocused();
  await page.keyboard.press('Escape');
  await expect(bar).toBeHidden();
});

test('with focus in the selection toolbar, Escape closes it and focus goes back to the passage', async ({ page }) => {
  await page.goto(article.url);
  await dragOverWords(page);
  await page.keyboard.press('Shift+F10');
  const bar = page.getByRole('toolbar', { name: 'Selected text' });
  await expect(bar.getByRole('button').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(bar).toBeHidden();
  await expect(page.locator('.passage').nth(1)).toBeFocused();
});

test('on the compare page, “Theme colours” and “Pairs and keys” close on Escape and on a click outside', async ({ page }) => {
  await page.goto('/compare/full-text/');
  for (const name of ['Theme colours', 'Pairs and keys']) {
    const button = page.getByRole('button', { name });
    await button.click();
    const panel = page.locator(`#${await button.getAttribute('popovertarget')}`);
    await expect(panel, name).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel, name).toBeHidden();

    await button.click();
    await expect(panel, name).toBeVisible();
    await page.locator('h1').click();
    await expect(panel, name).toBeHidden();
  }
});

test('on the compare page, following a pair’s link in “Pairs and keys” closes the panel', async ({ page }) => {
  await page.goto('/compare/full-text/');
  await page.getByRole('button', { name: 'Pairs and keys' }).click();
  const link = page.locator('#cmp-more a').first();
  await page.route(new URL((await link.getAttribute('href'))!, page.url()).href, (route) => route.abort());
  await link.click();
  await expect(page.locator('#cmp-more')).toBeHidden();
});
