/**
 * A note the reader typed is not lost without their say: Escape and Cancel ask first, and
 * leaving the page warns (src/client/reader/editor.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { dragOverWords, fixtureArticles } from './fixture';

const article = fixtureArticles()[0]!;

/** Selects words of the second passage with the mouse and opens a new note on them. */
async function openNote(page: Page) {
  await page.goto(article.url);
  await dragOverWords(page);
  await page.getByRole('toolbar', { name: 'Selected text' }).getByRole('button', { name: 'Note' }).click();
  const editor = page.getByRole('form', { name: 'New note' });
  await expect(editor.getByRole('textbox', { name: 'Note' })).toBeFocused();
  return editor;
}

const discardDialog = (page: Page) => page.getByRole('dialog', { name: 'Discard this unsaved note?' });

test('Escape with nothing typed closes the editor at once', async ({ page }) => {
  const editor = await openNote(page);
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await expect(discardDialog(page)).toHaveCount(0);
});

test('Escape after typing asks first; Escape again (or Keep editing) keeps the note', async ({ page }) => {
  const editor = await openNote(page);
  const note = editor.getByRole('textbox', { name: 'Note' });
  await page.keyboard.type('A thought worth keeping');
  await page.keyboard.press('Escape');
  await expect(discardDialog(page)).toBeVisible();
  // The safe answer has the focus.
  await expect(discardDialog(page).getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(discardDialog(page)).toBeHidden();
  await expect(editor).toBeVisible();
  await expect(note).toHaveValue('A thought worth keeping');
  await expect(note).toBeFocused();

  await page.keyboard.press('Escape');
  await discardDialog(page).getByRole('button', { name: 'Keep editing' }).click();
  await expect(note).toHaveValue('A thought worth keeping');
});

test('Discard closes the editor and saves nothing', async ({ page }) => {
  const editor = await openNote(page);
  await page.keyboard.type('Not this one');
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await expect(discardDialog(page)).toBeVisible();
  await discardDialog(page).getByRole('button', { name: 'Discard' }).click();
  await expect(editor).toBeHidden();
  await expect(page.locator('mark.annotation-highlight, mark.annotation-draft')).toHaveCount(0);
  await expect(page.locator('.passage').nth(1)).toBeFocused();
});

test('following a link with an unsaved note makes the browser ask before leaving', async ({ page }) => {
  const editor = await openNote(page);
  await page.keyboard.type('Half a thought');
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss();
    }),
  );
  const from = page.url();
  await page.locator('.site-name').click({ noWaitAfter: true });
  expect(await asked).toBe('beforeunload');
  // Staying: the note is still there.
  expect(page.url()).toBe(from);
  await expect(editor.getByRole('textbox', { name: 'Note' })).toHaveValue('Half a thought');
});

test('with nothing typed, a link leaves without asking', async ({ page }) => {
  await openNote(page);
  let asked = false;
  page.on('dialog', (dialog) => {
    asked = true;
    void dialog.dismiss();
  });
  await page.locator('.site-name').click();
  await page.waitForURL((url) => url.pathname === '/');
  expect(asked).toBe(false);
});
