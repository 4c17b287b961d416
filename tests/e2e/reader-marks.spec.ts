/**
 * How the reader's page draws what is marked in its text: passage ids in the margin, highlights
 * that run through entity links, and the editors' notes quoting the text.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { annotate, articleBySlug, markedQuotes } from './annotations-helpers';

const bbc = articleBySlug('bbc-returning-fighters');
// a passage whose text opens with an entity link and holds another: "North African … Tunisia, …"
const linked = bbc.passages.find((p) => p.text.startsWith('North African') && p.text.includes('Tunisia'))!;
const quote = linked?.text.slice(0, linked.text.indexOf('Tunisia') + 'Tunisia, as about'.length);

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

  test('a highlight runs on through entity links: no seams, no shifted text, its underline unbroken', async ({ page }) => {
    expect(linked, 'the BBC article has the North Africa passage').toBeTruthy();
    await page.goto(bbc.url);
    const text = page.locator(`[id="${linked.id}"] .passage-text`);
    const wordsAt = () =>
      text.evaluate((p) => {
        // where each word of the passage is drawn, in the passage
        const origin = p.getBoundingClientRect();
        const rects: number[] = [];
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          for (const m of (node as Text).data.matchAll(/\S+/g)) {
            range.setStart(node, m.index!);
            range.setEnd(node, m.index! + m[0].length);
            const r = range.getBoundingClientRect();
            rects.push(Math.round((r.left - origin.left) * 10) / 10, Math.round((r.top - origin.top) * 10) / 10);
          }
        }
        return rects;
      });
    const before = await wordsAt();
    await annotate(page, linked.id, quote);
    expect(await markedQuotes(page, linked.id)).toEqual([quote]);
    expect(await wordsAt(), 'the words stay where they were').toEqual(before);

    const fragments = await text.evaluate((p) => {
      const marks = [...p.querySelectorAll('mark.annotation-highlight')];
      return {
        joins: marks.slice(1).map((m, i) => {
          const a = marks[i]!.getClientRects();
          const b = m.getClientRects()[0]!;
          const end = a[a.length - 1]!;
          return end.top === b.top ? Math.abs(b.left - end.right) : 0;
        }),
        // a link's own underline is drawn over the marks inside it and wipes out their bar
        linkUnderlines: marks
          .map((m) => m.closest('a'))
          .filter((a) => a)
          .map((a) => getComputedStyle(a!).textDecorationColor),
      };
    });
    expect(fragments.joins.length, 'the highlight is drawn in several marks').toBeGreaterThan(1);
    expect(Math.max(...fragments.joins), 'side by side, without a gap').toBeLessThan(0.5);
    expect(new Set(fragments.linkUnderlines), 'the bar is the underline under linked names').toEqual(new Set(['rgba(0, 0, 0, 0)']));
  });
});

test('an editors’ note shows its quote once, with the quotation marks of the text and none added', async ({ page }) => {
  const collection = JSON.parse(readFileSync('content/annotations/editors-notes.json', 'utf8'));
  const quotes: string[] = collection.first.items.map(
    (a: { target: { selector: { type: string; exact?: string }[] } }) => a.target.selector.find((s) => s.type === 'TextQuoteSelector')!.exact!,
  );
  const quoted = quotes.find((q) => /^[“"]/.test(q) && /[”"]$/.test(q));
  expect(quoted, 'an editors’ note quotes words that open and close with quotation marks').toBeTruthy();
  const cnn = articleBySlug('cnn-isis-2-0');
  await page.goto(cnn.url);
  const shown = await shownQuotes(page);
  expect(shown).toContain(quoted);
  expect(shown.sort()).toEqual([...quotes].filter((q) => shown.includes(q)).sort());
});

/** The quotes of the editors' notes as a reader sees them, marks drawn by CSS included. */
function shownQuotes(page: Page): Promise<string[]> {
  return page.locator('.published-note-quote').evaluateAll((els) =>
    els.map((el) => {
      const generated = (e: Element, pseudo: string) => {
        const c = getComputedStyle(e, pseudo).content;
        return c === 'none' || c === 'normal' ? '' : c.replace(/^"|"$/g, '');
      };
      const inner = [el, ...el.querySelectorAll('*')];
      return inner.map((e) => generated(e, '::before')).join('') + el.textContent!.trim() + inner.map((e) => generated(e, '::after')).join('');
    }),
  );
}
