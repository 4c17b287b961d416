/**
 * Quote links as the browser itself follows them: Chromium searches the whole rendered page
 * (navigation, rails, headings, closed <details>, visually hidden text), ignoring case and
 * accents, and highlights the first match with `::target-text`. Each link here is made through
 * the UI, then opened in a fresh page whose `::target-text` is painted a probe colour; the
 * screenshot must show that colour on the selected words and nowhere else.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { articles, selectInPassage } from './annotations-helpers';
import type { TestArticle } from './corpus';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Base characters only, as the spec's matching compares them (case and accents ignored). */
const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ');

interface Case {
  passageId: string;
  quote: string;
  nth: number;
  why: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
const countIn = (haystack: string, needle: string) => {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
  return haystack.match(re)?.length ?? 0;
};

/**
 * Quotes worth linking on one article: phrases found once among the passages but also in the
 * page's other text (the hard case), a word that repeats within a passage (its 2nd occurrence),
 * and a plain sentence.
 */
function casesFor(article: TestArticle, otherText: string, limit: number): Case[] {
  const passagesText = fold(article.passages.map((p) => p.text).join('\n'));
  const other = fold(otherText);
  const cases: Case[] = [];
  const seen = new Set<string>();
  for (const p of article.passages) {
    const words = [...p.text.matchAll(WORD)];
    for (let n = 3; n >= 1; n--) {
      for (let i = 0; i + n <= words.length; i++) {
        const quote = p.text.slice(words[i]!.index, words[i + n - 1]!.index + words[i + n - 1]![0].length);
        const key = fold(quote);
        if (key.length < 4 || seen.has(key) || /[^\p{L}\p{N} ]/u.test(quote)) continue;
        if (countIn(passagesText, key) !== 1 || countIn(other, key) === 0) continue;
        seen.add(key);
        cases.push({ passageId: p.id, quote, nth: 0, why: 'once among passages, also elsewhere on the page' });
        if (cases.length >= limit) break;
      }
      if (cases.length >= limit) break;
    }
    if (cases.length >= limit) break;
  }
  const repeated = article.passages
    .map((p) => ({ p, word: p.text.match(/(?<![\p{L}\p{N}])([\p{L}\p{N}]{4,})(?![\p{L}\p{N}])(?=.*(?<![\p{L}\p{N}])\1(?![\p{L}\p{N}]))/u)?.[1] }))
    .find((x) => x.word);
  if (repeated) cases.push({ passageId: repeated.p.id, quote: repeated.word!, nth: 1, why: 'second occurrence within a passage' });
  const last = article.passages.at(-1)!;
  cases.push({ passageId: last.id, quote: last.text.split(/(?<=[.?!])\s+/)[0]!, nth: 0, why: 'a sentence' });
  return cases;
}

/** The page's text outside the passages' own text, as the browser searches it. */
const textOutsidePassages = (page: Page) =>
  page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('script, style, template, .passage-text').forEach((n) => n.replaceWith('\n'));
    return body.textContent ?? '';
  });

async function copyQuoteLink(page: Page, c: Case): Promise<string> {
  await selectInPassage(page, c.passageId, c.quote, c.nth);
  await page.locator('.selection-toolbar').getByRole('button', { name: 'Copy link to quote' }).click();
  await expect(page.locator('#status')).toHaveText('Link to quote copied');
  let link = '';
  await expect.poll(async () => (link = await page.evaluate(() => navigator.clipboard.readText()))).not.toBe('');
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.evaluate(() => getSelection()?.removeAllRanges());
  await expect(page.locator('.selection-toolbar')).toHaveCount(0);
  return link;
}

const PROBE = 'rgb(255, 0, 255)';

interface Paint {
  /** Probe-coloured pixels inside the selected words' boxes, and their area. */
  inside: number;
  area: number;
  /** Probe-coloured pixels anywhere else in the viewport. */
  outside: number;
}

/** Where Chromium painted `::target-text`, relative to the words the link was made for. */
async function targetTextPaint(reader: Page, decoder: Page, c: Case): Promise<Paint> {
  const rects = await reader.evaluate(({ passageId, quote, nth }) => {
    const container = document.querySelector(`[data-passage-id="${passageId}"] .passage-text`)!;
    const text = container.textContent!;
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
    const range = document.createRange();
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const end = seen + node.data.length;
      if (at >= seen && at < end) range.setStart(node, at - seen);
      if (at + quote.length > seen && at + quote.length <= end) range.setEnd(node, at + quote.length - seen);
      seen = end;
    }
    (range.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
    return [...range.getClientRects()].map((r) => ({ x: r.left, y: r.top, w: r.width, h: r.height }));
  }, c);
  const png = (await reader.screenshot({ scale: 'css' })).toString('base64');
  return decoder.evaluate(
    async ({ png, rects }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const { data, width, height } = ctx.getImageData(0, 0, image.width, image.height);
      const MARGIN = 2;
      const inRects = (x: number, y: number) =>
        rects.some((r) => x >= r.x - MARGIN && x < r.x + r.w + MARGIN && y >= r.y - MARGIN && y < r.y + r.h + MARGIN);
      let inside = 0;
      let outside = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          if (!(data[i]! > 200 && data[i + 1]! < 90 && data[i + 2]! > 200)) continue;
          if (inRects(x, y)) inside++;
          else outside++;
        }
      }
      return { inside, outside, area: rects.reduce((sum, r) => sum + r.w * r.h, 0) };
    },
    { png, rects },
  );
}

async function openAsBrowser(readerContext: BrowserContext, decoder: Page, link: string, c: Case) {
  const reader = await readerContext.newPage();
  const url = new URL(link);
  await reader.goto(`${url.pathname}${url.hash}`);
  await reader.addStyleTag({ content: `::target-text { background-color: ${PROBE} !important; color: rgb(0, 160, 0) !important; }` });
  // The browser highlights once the page has loaded; give it a moment, then read what it painted.
  let paint = await targetTextPaint(reader, decoder, c);
  for (let tries = 0; tries < 10 && paint.inside === 0; tries++) {
    await reader.waitForTimeout(200);
    paint = await targetTextPaint(reader, decoder, c);
  }
  await reader.close();
  return paint;
}

for (const article of articles) {
  test(`quote links on ${article.slug} make the browser highlight the selected words, even when they repeat elsewhere on the page`, async ({ page, browser }) => {
    test.setTimeout(120_000);
    await page.goto(article.url);
    const cases = casesFor(article, await textOutsidePassages(page), 4);
    expect(cases.some((c) => c.why.startsWith('once')), 'the page repeats some passage words outside the passages').toBe(true);

    // The browser alone: the page's scripts are kept out (its own quote mark re-wraps the text and
    // would take the browser's highlight with it), CSP bypassed only for the probe style.
    const readerContext = await browser.newContext({ bypassCSP: true });
    await readerContext.route(/\.m?js(\?.*)?$/, (route) => route.abort());
    const decoder = await readerContext.newPage();
    const failures: string[] = [];
    for (const c of cases) {
      const link = await copyQuoteLink(page, c);
      const paint = await openAsBrowser(readerContext, decoder, link, c);
      const covered = paint.inside / paint.area;
      if (covered < 0.3 || paint.outside > paint.area * 0.05) {
        failures.push(`“${c.quote}” (${c.why}): ${link} — ${Math.round(covered * 100)} % of its words highlighted, ${paint.outside} highlighted pixels elsewhere`);
      }
    }
    await readerContext.close();
    expect(failures, 'links whose browser highlight is not on the selected words').toEqual([]);
  });
}
