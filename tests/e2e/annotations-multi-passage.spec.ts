/**
 * A selection over several passages: one annotation per passage, each holding its
 * passage's part, said in the status line and kept across a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { articles, markedQuotes } from './annotations-helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const article = [...articles].sort((a, b) => b.passages.length - a.passages.length)[0]!;
/** Three passages in a row, each long enough to start and end a selection inside it. */
const at = article.passages.findIndex((_, i, all) => i > 2 && all.slice(i, i + 3).length === 3 && all.slice(i, i + 3).every((x) => x.text.length > 80));
const [first, middle, last] = article.passages.slice(at, at + 3) as [(typeof article.passages)[number], (typeof article.passages)[number], (typeof article.passages)[number]];

/** Words at the end of `a` and at the start of `b`, as a reader's drag from one to the other covers them. */
const tail = (text: string) => text.slice(text.lastIndexOf(' ', text.length - 25) + 1);
const head = (text: string) => text.slice(0, text.indexOf(' ', 20));

/** Selects from `startQuote`'s first character in one passage to `endQuote`'s last in another. */
async function selectAcross(page: Page, from: { id: string; quote: string }, to: { id: string; quote: string }) {
  await page.evaluate(
    ({ from, to }) => {
      const point = (id: string, quote: string, atEnd: boolean): [Node, number] => {
        const container = document.querySelector(`[data-passage-id="${id}"] .passage-text`)!;
        const target = container.textContent!.indexOf(quote) + (atEnd ? quote.length : 0);
        const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          if (target <= seen + node.data.length && (atEnd || target < seen + node.data.length)) return [node, target - seen];
          seen += node.data.length;
        }
        throw new Error(`"${quote}" is not in ${id}`);
      };
      const range = document.createRange();
      range.setStart(...point(from.id, from.quote, false));
      range.setEnd(...point(to.id, to.quote, true));
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    },
    { from, to },
  );
}

test('highlighting across two passages stores one highlight in each, with that passage’s part', async ({ page }) => {
  await page.goto(article.url);
  const a = tail(first.text);
  const b = head(middle.text);
  await selectAcross(page, { id: first.id, quote: a }, { id: middle.id, quote: b });
  const toolbar = page.locator('.selection-toolbar');
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole('button', { name: 'Highlight' }).click();
  await expect(page.locator('#status')).toHaveText('Highlights saved on 2 passages, one per passage. Press Enter on one to add a note.');
  // One annotation in each passage, holding that passage's part (drawn as several marks where it runs through a link).
  expect(await markedQuotes(page, first.id)).toEqual([a]);
  expect(await markedQuotes(page, middle.id)).toEqual([b]);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-annotations-drawn', '2');
  expect((await markedQuotes(page)).sort()).toEqual([a, b].sort());

  // The notebook counts two annotations and lists each part, in reading order.
  await page.goto('/notebook/');
  await expect(page.locator('[data-summary]')).toHaveText('2 annotations from 1 source.');
  await expect(page.locator('.notebook-entry .notebook-quote')).toHaveText([a, b]);
});

test('copying a selection over two passages copies their words only, not the controls between them', async ({ page }) => {
  await page.goto(article.url);
  const a = tail(first.text);
  const b = head(middle.text);
  await selectAcross(page, { id: first.id, quote: a }, { id: middle.id, quote: b });
  // the toolbar is open (inside the passage) when the reader copies
  await expect(page.locator('.selection-toolbar')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+c');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split(/\s+/).filter(Boolean)).toEqual(`${a} ${b}`.split(/\s+/));
});

test('a selection over a section heading says the heading is not annotated', async ({ page }) => {
  await page.goto(article.url);
  // Two passages with a section heading between them, found in the page as rendered.
  const around = await page.evaluate(() => {
    for (const heading of document.querySelectorAll('article h2, article h3')) {
      const before = heading.previousElementSibling;
      const after = heading.nextElementSibling;
      if (before?.matches('.passage[data-passage-id]') && after?.matches('.passage[data-passage-id]')) {
        const text = (p: Element) => p.querySelector('.passage-text')!.textContent!;
        return { before: { id: before.getAttribute('data-passage-id')!, text: text(before) }, after: { id: after.getAttribute('data-passage-id')!, text: text(after) } };
      }
    }
    return null;
  });
  expect(around, 'the article has a heading between two passages').not.toBeNull();
  const a = tail(around!.before.text);
  const b = head(around!.after.text);
  await selectAcross(page, { id: around!.before.id, quote: a }, { id: around!.after.id, quote: b });
  await page.locator('.selection-toolbar').getByRole('button', { name: 'Highlight' }).click();
  await expect(page.locator('#status')).toHaveText(
    'Highlights saved on 2 passages, one per passage. Text outside the passages, such as a heading, is not annotated. Press Enter on one to add a note.',
  );
  expect(await markedQuotes(page, around!.before.id)).toEqual([a]);
  expect(await markedQuotes(page, around!.after.id)).toEqual([b]);
});

test('a note over three passages is saved on each; the editor says so first', async ({ page }) => {
  await page.goto(article.url);
  const a = tail(first.text);
  const c = head(last.text);
  await selectAcross(page, { id: first.id, quote: a }, { id: last.id, quote: c });
  await page.locator('.selection-toolbar').getByRole('button', { name: 'Note' }).click();
  const editor = page.locator('.annotation-editor');
  await expect(editor.locator('.annotation-editor-scope')).toHaveText('This selection covers 3 passages: the note is saved on each.');
  await editor.getByLabel('Note').fill('One thread through three passages');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toHaveCount(0);
  await expect(page.locator('#status')).toHaveText('Notes saved on 3 passages, one per passage.');
  for (const [p, quote] of [[first, a], [middle, middle.text.trim()], [last, c]] as const) {
    await expect(page.locator(`[data-passage-id="${p.id}"] .annotation-card-note`)).toHaveText('One thread through three passages');
    expect(await markedQuotes(page, p.id)).toEqual([quote]);
  }
});

test('a quote link over two passages quotes the first one, and says so', async ({ page }) => {
  await page.goto(article.url);
  const a = tail(first.text);
  await selectAcross(page, { id: first.id, quote: a }, { id: middle.id, quote: head(middle.text) });
  await page.locator('.selection-toolbar').getByRole('button', { name: 'Copy link to quote' }).click();
  await expect(page.locator('#status')).toHaveText('Link copied; it quotes the selection’s first passage only');
  const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(link.hash.startsWith(`#${first.id}:~:text=`)).toBe(true);
  await page.goto('about:blank');
  await page.goto(link.pathname + link.hash);
  // The quote is marked once the page's script has run: wait for it rather than read too early.
  const marks = page.locator(`[data-passage-id="${first.id}"] mark.quote-target`);
  await expect(marks.first()).toBeAttached();
  expect((await marks.allTextContents()).join('')).toBe(a);
});
