import { expect, test, type Page } from '@playwright/test';
import fc from 'fast-check';
import { selectInPassage } from '../annotations-helpers';
import { fixtureArticles } from './fixture';

// Any URL a reader can be sent: a fragment or query written by hand, cut short, double-encoded
// or made to break things must never stop the article page's scripts.
const article = fixtureArticles()[0]!;
const passage = article.passages[0]!;
const word = passage.text.split(/\s+/).find((w) => /^\p{L}{4,}$/u.test(w))!;

/** Pieces that have broken URL handling before, or break it in other readers. */
const nasty = fc.constantFrom(
  '%', '%E0%A4%A', '%%', '%25', '%00', '%zz', '100%', '#', '##', '?', '&', '=', ':~:', ':~:text=', ':~:text=%',
  ':~:text=a,b,c,d,e', ':~:text=-,', '\u0000', '\u2028', '\uFFFF', '\uD800', '<script>', '"', "'", '\\', '/', '..',
  'javascript:alert(1)', passage.id, `${passage.id}%`, `${passage.id}:~:text=${encodeURIComponent(word)}`, 'hl=', 'q=',
);
const piece = fc.oneof(nasty, fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }));
const part = fc.array(piece, { maxLength: 5 }).map((pieces) => pieces.join(''));

/** Everything the page's scripts do that a reader relies on, after arriving at `url`. */
async function scriptsStillWork(page: Page, url: string): Promise<void> {
  const errors: string[] = [];
  const onError = (error: Error) => errors.push(error.message);
  page.on('pageerror', onError);
  try {
    await page.goto(url);
    await page.locator('main').click({ position: { x: 1, y: 1 } });
    // the passage keys
    await page.keyboard.press('j');
    await expect(page.locator('#status'), url).toContainText(/Passage \d+ of \d+/);
    // the selection toolbar (the annotation code)
    await selectInPassage(page, passage.id, word);
    await page.locator(`[data-passage-id="${passage.id}"] .passage-text`).dispatchEvent('mouseup');
    await expect(page.locator('.selection-toolbar'), url).toBeVisible();
    expect(errors, url).toEqual([]);
  } finally {
    page.off('pageerror', onError);
  }
}

test('hostile fragments and queries never stop the article page’s scripts', async ({ page }) => {
  test.setTimeout(180_000);
  await fc.assert(
    fc.asyncProperty(part, part, async (query, fragment) => {
      // written into the address as a person or a program might, unencoded
      await scriptsStillWork(page, `${article.url}?${query}#${fragment}`);
    }),
    { numRuns: 25, endOnFailure: true },
  );
});

test('hostile fragments and queries never stop the compare page’s script', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await fc.assert(
    fc.asyncProperty(part, part, async (query, fragment) => {
      const url = `/compare/?${query}#${fragment}`;
      await page.goto(url);
      await expect(page.locator('compare-view.is-live'), url).toBeAttached();
      await expect(page.locator('.cmp-view-link[aria-current="page"]'), url).toHaveCount(1);
      expect(errors, url).toEqual([]);
    }),
    { numRuns: 15, endOnFailure: true },
  );
});
