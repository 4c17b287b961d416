import { expect, test } from '@playwright/test';
import { fixtureArticles, fixtureNotes } from './fixture';

const [note] = fixtureNotes();
const article = fixtureArticles().find((a) => a.passages.some((p) => p.id === note!.passageId))!;

test('the fixture’s published note shows beside its passage, with its quote marked in the text', async ({ page }) => {
  expect(note, 'the fixture dossier has a published note').toBeTruthy();
  await page.goto(article.url);
  const passage = page.locator(`[id="${note!.passageId}"]`);
  await expect(passage.locator('.published-note')).toHaveCount(1);
  await expect(passage.locator('.published-note-quote')).toHaveText(note!.quote);
  await expect(passage.locator('.published-note-text')).toHaveText(note!.note);
  await expect(passage.locator('mark.published-highlight')).toHaveText(note!.quote);
  // and no other passage carries a note
  await expect(page.locator('.published-note')).toHaveCount(1);
});
