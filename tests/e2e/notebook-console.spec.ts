/**
 * The notebook reads each annotated article out of sight to check its quote links: that must
 * not run (or try to run) the article's scripts, so a visit leaves the console clean.
 */
import { expect, test } from '@playwright/test';
import { annotate, articles, richPassage } from './annotations-helpers';

const { article, passage, sentence } = richPassage();
const other = articles.find((a) => a.slug !== article.slug)!;
const otherPassage = other.passages[1]!;
const otherQuote = otherPassage.text.split(' ').slice(0, 5).join(' ');

test('the notebook of annotated articles loads without a single console error, and still checks its quote links', async ({ page }) => {
  await page.goto(article.url);
  await annotate(page, passage.id, sentence, { text: 'a note' });
  await page.goto(other.url);
  await annotate(page, otherPassage.id, otherQuote, { text: '' });

  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto('/notebook/');
  await expect(page.locator('dossier-notebook[data-ready]')).toBeAttached();
  await expect(page.locator('dossier-notebook[data-links-checked]')).toBeAttached();
  // Each article was read for its links: they carry a quote (the frame did its job without scripts).
  for (const quote of [sentence, otherQuote]) {
    const link = page.locator('.notebook-entry', { hasText: quote }).locator('a[data-checked]');
    await expect(link).toHaveAttribute('href', /#[a-z]+-[0-9a-f]+:~:text=/);
  }
  await expect(page.locator('.notebook-probe-frame')).toHaveCount(0);
  expect(errors).toEqual([]);
});
