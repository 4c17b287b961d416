/**
 * What an action did is shown in a toast (src/client/toast.ts), not only said in the hidden
 * live region: copying a link, a link that lands nowhere, and the link itself when the
 * clipboard refuses it.
 */
import { expect, test, type Page } from '@playwright/test';
import { fixtureArticles } from './fixture';

const articles = fixtureArticles();
const article = articles.reduce((a, b) => (b.passages.length > a.passages.length ? b : a));
const passage = article.passages[1]!;

const toast = (page: Page) => page.locator('.toast');

/** Makes every way of copying fail, as in a browser that denies the clipboard. */
async function refuseClipboard(page: Page) {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
    Object.defineProperty(document, 'execCommand', { value: () => false });
  });
}

test('copying a permalink shows “Link copied” in a toast, said once through the live region', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(article.url);
  await page.locator(`[id="${passage.id}"] .passage-permalink`).focus();
  await page.keyboard.press('Enter');
  await expect(toast(page)).toBeVisible();
  await expect(toast(page)).toHaveText('Link copied');
  await expect(page.locator('#status')).toHaveText('Link copied');
  // Said once: the toast is no live region of its own, nor inside one.
  await expect(page.locator('.toast[aria-live], .toast[role=status], .toast [aria-live], [aria-live] .toast')).toHaveCount(0);
  // The reader's focus stays where it was.
  await expect(page.locator(`[id="${passage.id}"] .passage-permalink`)).toBeFocused();
});

test('the toast hides after a few seconds, but not while the pointer is on it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.clock.install();
  await page.goto(article.url);
  await page.locator(`[id="${passage.id}"] .passage-permalink`).focus();
  await page.keyboard.press('Enter');
  await expect(toast(page)).toBeVisible();
  await toast(page).hover();
  await page.clock.runFor(20_000);
  await expect(toast(page)).toBeVisible();
  await page.mouse.move(5, 200);
  await page.clock.runFor(10_000);
  await expect(toast(page)).toBeHidden();
});

test('a link to a passage that is gone says so in a toast', async ({ page }) => {
  await page.goto(`${article.url}#${article.passages[0]!.id.split('-')[0]}-0000fe`);
  await expect(toast(page)).toBeVisible();
  await expect(toast(page)).toContainText('no longer in this dossier');
});

test('when the clipboard refuses, the link is shown selected in a field, and Escape puts focus back', async ({ page }) => {
  await refuseClipboard(page);
  await page.goto(article.url);
  const button = page.locator(`[id="${passage.id}"] .passage-permalink`);
  await button.focus();
  await page.keyboard.press('Enter');
  const field = toast(page).getByRole('textbox', { name: 'Link' });
  await expect(field).toBeVisible();
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(new URL(`${article.url}#${passage.id}`, page.url()).href);
  await expect(field).toHaveAttribute('readonly', '');
  // selected whole, so Ctrl+C copies it
  expect(await field.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd, input.value.length])).toEqual(
    await field.evaluate((input: HTMLInputElement) => [0, input.value.length, input.value.length]),
  );
  await expect(page.locator('#status')).toContainText('Could not copy the link');
  await page.keyboard.press('Escape');
  await expect(toast(page)).toBeHidden();
  await expect(button).toBeFocused();
});

test('the link field has a Close button, and stays until the reader closes it', async ({ page }) => {
  await refuseClipboard(page);
  await page.clock.install();
  await page.goto(article.url);
  await page.locator(`[id="${passage.id}"] .passage-permalink`).focus();
  await page.keyboard.press('Enter');
  await expect(toast(page).getByRole('textbox', { name: 'Link' })).toBeFocused();
  await page.clock.runFor(60_000);
  await expect(toast(page)).toBeVisible();
  await toast(page).getByRole('button', { name: 'Close' }).click();
  await expect(toast(page)).toBeHidden();
});

test('on a 360 px screen the toast fits the viewport', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await refuseClipboard(page);
  await page.goto(article.url);
  await page.locator(`[id="${passage.id}"] .passage-permalink`).focus();
  await page.keyboard.press('Enter');
  await expect(toast(page)).toBeVisible();
  const box = (await toast(page).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  expect(box.y + box.height).toBeLessThanOrEqual(640);
  const close = (await toast(page).getByRole('button', { name: 'Close' }).boundingBox())!;
  expect(close.x + close.width).toBeLessThanOrEqual(360);
});

test('the toast does not cover the selection toolbar', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto(article.url);
  await page.locator(`[id="${passage.id}"] .passage-permalink`).focus();
  await page.keyboard.press('Enter');
  await expect(toast(page)).toBeVisible();
  // Select a few words in the middle of a passage's last line, scrolled to just above the toast's
  // place at the bottom of the viewport: the toolbar opens under them, where the toast is.
  const text = page.locator('.passage-text').nth(3);
  const toastTop = (await toast(page).boundingBox())!.y;
  await text.evaluate((el, top) => window.scrollBy(0, el.getBoundingClientRect().bottom - top + 10), toastTop);
  const words = (await text.boundingBox())!;
  const y = words.y + words.height - 8;
  await page.mouse.move(640 - 60, y);
  await page.mouse.down();
  await page.mouse.move(640 + 60, y, { steps: 5 });
  await page.mouse.up();
  const bar = page.locator('.selection-toolbar');
  await expect(bar).toBeVisible();
  await expect(toast(page)).toBeVisible();
  const [a, b] = [(await bar.boundingBox())!, (await toast(page).boundingBox())!];
  const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(overlap, `toolbar ${JSON.stringify(a)} and toast ${JSON.stringify(b)}`).toBe(false);
});

test('on a phone, the toast saying a note was saved does not cover the highlight or its note', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto(article.url);
  // a passage scrolled to the foot of the screen, where the toast shows
  const target = page.locator('.passage').nth(2);
  await target.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().bottom - innerHeight + 40));
  await target.locator('.passage-annotate').click();
  await page.locator('.selection-toolbar').getByRole('button', { name: 'Note' }).click();
  const editor = page.locator('.annotation-editor');
  await editor.getByLabel('Note').fill('Seen after saving.');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(toast(page)).toContainText('Note saved');
  const mark = page.locator(':focus');
  await expect(mark).toHaveAttribute('role', 'button');
  const card = target.locator('.annotation-card');
  const t = (await toast(page).boundingBox())!;
  for (const [name, box] of [['highlight', await mark.boundingBox()], ['note', await card.boundingBox()]] as const) {
    const b = box!;
    const overlap = b.x < t.x + t.width && t.x < b.x + b.width && b.y < t.y + t.height && t.y < b.y + b.height;
    expect(overlap, `${name} ${JSON.stringify(b)} and toast ${JSON.stringify(t)}`).toBe(false);
  }
});
