/**
 * A passage's share page (/p/<id>/): what a link preview reads (Open Graph and Twitter tags
 * quoting the passage), the quote and a link on, and at once the reader is sent to the passage in
 * its article. There is one per passage, so it carries nothing else: no reader frame, no scripts.
 */
import { expect, test, type Page } from '@playwright/test';
import { fixtureArticles, fixtureNotes } from './fixture';

const noted = new Set(fixtureNotes().map((n) => n.passageId));
/** A passage in a section, with no editors' note, of an article with a headline. */
const isPlain = (p: { id: string; section: unknown }) => Boolean(p.section) && !noted.has(p.id);
const article = fixtureArticles().find((a) => a.meta.headline.value && a.passages.some(isPlain))!;
const passage = article.passages.find(isPlain)!;
const sharePath = `/p/${passage.id}/`;
const target = `${article.url}#${passage.id}`;
/** A card's description: the quote, cut to 300 characters. */
const cardText = (text: string) => (text.length > 300 ? `${text.slice(0, 297).trimEnd()}…` : text);

/** The share page's markup read as a document, without following its redirect. */
async function shareDocument(page: Page, path: string) {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  const html = await response.text();
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html');
    const meta = (key: string) =>
      doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[http-equiv="${key}"]`)?.getAttribute('content') ?? null;
    return {
      og: {
        type: meta('og:type'),
        title: meta('og:title'),
        description: meta('og:description'),
        url: meta('og:url'),
      },
      twitter: { card: meta('twitter:card'), title: meta('twitter:title'), description: meta('twitter:description') },
      refresh: meta('refresh'),
      canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
      stylesheets: [...doc.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href')),
      scripts: doc.querySelectorAll('script').length,
      frame: doc.querySelectorAll('header, nav, footer, form').length,
      outlet: doc.querySelector('.share-outlet')?.textContent ?? null,
      title: doc.querySelector('h1')?.textContent ?? null,
      section: doc.querySelector('.share-section')?.textContent ?? null,
      quote: doc.querySelector('blockquote')?.textContent ?? null,
      links: [...doc.querySelectorAll('main a')].map((a) => a.getAttribute('href')),
      notes: [...doc.querySelectorAll('.published-note')].map((n) => ({
        quote: n.querySelector('.published-note-quote')?.textContent ?? null,
        text: n.querySelector('.published-note-text')?.textContent ?? null,
      })),
    };
  }, html);
}

test('a share page is a preview card quoting its passage, with a link on to it', async ({ page }) => {
  expect(article, 'the fixture has an article with a headline and sections').toBeTruthy();
  const doc = await shareDocument(page, sharePath);
  const title = `${article.meta.outlet}: ${article.meta.headline.value}`;
  expect(doc.og.type).toBe('article');
  expect(doc.og.title).toBe(title);
  expect(doc.og.description).toBe(cardText(passage.text));
  expect(new URL(doc.og.url!).pathname + new URL(doc.og.url!).hash).toBe(target);
  expect(doc.twitter).toEqual({ card: 'summary', title, description: cardText(passage.text) });
  expect(new URL(doc.canonical!).pathname).toBe(sharePath);

  expect(doc.outlet).toBe(article.meta.outlet);
  expect(doc.title).toBe(article.meta.headline.value);
  expect(doc.section).toBe(passage.section!.title);
  expect(doc.quote).toBe(passage.text);
  expect(doc.links).toEqual([target]);
  expect(doc.refresh).toBe(`0; url=${target}`);
});

test('a share page carries none of the reader’s frame: no scripts, no header or navigation, its own small stylesheet', async ({ page }) => {
  const doc = await shareDocument(page, sharePath);
  expect(doc.scripts).toBe(0);
  expect(doc.frame).toBe(0);
  expect(doc.stylesheets).toEqual(['/share.css']);
  expect(doc.notes).toEqual([]);
});

test('opening a share page takes the reader to the passage in its article', async ({ page }) => {
  await page.goto(sharePath);
  await page.waitForURL((url) => url.pathname + url.hash === target);
  await expect(page.locator(`[id="${passage.id}"]`)).toBeInViewport();
});

test('a share page shows the editors’ published notes on its passage', async ({ page }) => {
  const [note] = fixtureNotes();
  expect(note, 'the fixture dossier has a published note').toBeTruthy();
  const doc = await shareDocument(page, `/p/${note!.passageId}/`);
  expect(doc.notes).toEqual([{ quote: note!.quote, text: note!.note }]);
});
