/**
 * What prints is the reading: an article's masthead, text and headings with the reader's own
 * highlights; compare's columns with their sources; the notebook's annotations. No controls,
 * no themes or related links, and the page's address once (the notebook's is of no use on paper).
 */
import { expect, test, type Page } from '@playwright/test';
import { annotate, articleBySlug, richPassage } from './annotations-helpers';

const SITE = process.env.DOSSIER_SITE ?? 'http://localhost:4321';
const cnn = articleBySlug('cnn-isis-2-0');
const { article, passage, sentence } = richPassage();

/** Every address the printed page shows in generated text (::before / ::after of rendered elements). */
function printedAddresses(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const shown = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement) if (getComputedStyle(e).display === 'none') return false;
      return true;
    };
    const found: string[] = [];
    for (const el of document.documentElement.querySelectorAll('*')) {
      for (const pseudo of ['::before', '::after']) {
        const content = getComputedStyle(el, pseudo).content;
        if (/https?:\/\//.test(content) && shown(el)) found.push(content.match(/https?:\/\/[^"\s]+/)![0]);
      }
    }
    return found;
  });
}

/** The visible texts of the page, in print. */
const visibleText = (page: Page, text: string) => page.getByText(text, { exact: false }).filter({ visible: true });

test.describe('print', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('an article prints its text, headings and the reader’s highlights, and its address once', async ({ page }) => {
    await page.goto(article.url);
    await annotate(page, passage.id, sentence);
    await page.goto(cnn.url);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.article-header h1')).toBeVisible();
    await expect(page.locator('.article-body h2').first()).toBeVisible();
    await expect(page.locator('.passage-text').first()).toBeVisible();
    await expect(visibleText(page, 'Related in other sources')).toHaveCount(0);
    await expect(page.locator('.passage-meta').filter({ visible: true })).toHaveCount(0);
    await expect(page.locator('.rail').filter({ visible: true })).toHaveCount(0);
    expect(await printedAddresses(page)).toEqual([`${SITE}${cnn.url}`]);

    await page.emulateMedia({ media: 'screen' });
    await page.goto(article.url);
    await page.emulateMedia({ media: 'print' });
    const mark = page.locator(`[id="${passage.id}"] mark.annotation-highlight`).first();
    await expect(mark).toBeVisible();
    expect(await mark.evaluate((m) => getComputedStyle(m).printColorAdjust), 'the highlight’s colour prints').toBe('exact');
  });

  test('compare prints the columns’ text with their sources, without its controls', async ({ page }) => {
    const path = '/compare/cnn-isis-2-0--bbc-returning-fighters/';
    await page.goto(path);
    await expect(page.locator('compare-view, .compare').first()).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    for (const control of ['Open all rows', 'Fold all rows', 'Focus on this theme', 'Theme page']) {
      await expect(visibleText(page, control), `“${control}” does not print`).toHaveCount(0);
    }
    const chevrons = await page.locator('.cmp-row-head').evaluateAll((heads) => heads.map((h) => getComputedStyle(h, '::before').content));
    expect(new Set(chevrons), 'no fold markers').toEqual(new Set(['none']));
    // every row prints open, each cell saying whose it is
    const cells = await page.locator('.cmp-cell').filter({ visible: true }).count();
    expect(cells).toBeGreaterThan(0);
    await expect(page.locator('.cmp-cell-source').filter({ visible: true })).toHaveCount(cells);
    await expect(page.locator('.cmp-row:not([open]) .passage-text').first()).toBeVisible();
    expect(await printedAddresses(page)).toEqual([`${SITE}${path}`]);
  });

  test('the notebook prints its annotations only', async ({ page }) => {
    await page.goto(article.url);
    await annotate(page, passage.id, sentence, { text: 'a printed note' });
    await page.goto('/notebook/');
    await expect(page.locator('.notebook-entry')).toHaveCount(1);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.notebook-entry')).toBeVisible();
    await expect(page.locator('.notebook-entry .notebook-note')).toHaveText('a printed note');
    for (const control of ['Export (W3C JSON-LD)', 'Export as Markdown', 'Import a file', 'Copy link', 'Delete']) {
      await expect(visibleText(page, control), `“${control}” does not print`).toHaveCount(0);
    }
    await expect(page.locator('.notebook-filters')).toBeHidden();
    await expect(page.locator('.notebook-local')).toBeHidden();
    expect(await printedAddresses(page)).toEqual([]);
  });
});
