import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { ShareCard } from '../../src/corpus/share-cards';
import { cardDescription, sharePageHtml } from '../../src/integrations/share-pages';

const site = new URL('https://dossier.example/');
const card: ShareCard = {
  id: 'out-1a2b3c',
  retired: false,
  outlet: 'The Outlet & Co',
  headline: 'A headline with <b>markup</b> and "quotes"',
  section: 'After the fall',
  text: 'A passage that says <script>alert(1)</script> and “more”.',
  target: '/articles/outlet-story/#out-1a2b3c',
  notes: [],
};

function read(html: string) {
  const { document } = parseHTML(html);
  const meta = (key: string) => document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[http-equiv="${key}"]`)?.getAttribute('content') ?? null;
  return { document, meta };
}

describe('share pages', () => {
  it('carry the card for link previews, the quote, a link on and a redirect to the passage', () => {
    const html = sharePageHtml(card, site);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const { document, meta } = read(html);
    const title = 'The Outlet & Co: A headline with <b>markup</b> and "quotes"';
    expect(document.querySelector('title')?.textContent).toBe(`${title} · Dossier`);
    expect(meta('og:title')).toBe(title);
    expect(meta('twitter:title')).toBe(title);
    expect(meta('og:description')).toBe(card.text);
    expect(meta('og:url')).toBe('https://dossier.example/articles/outlet-story/#out-1a2b3c');
    expect(meta('refresh')).toBe('0; url=/articles/outlet-story/#out-1a2b3c');
    expect(document.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe('https://dossier.example/p/out-1a2b3c/');
    expect(meta('robots')).toBeNull();
    expect(document.querySelector('.share-section')?.textContent).toBe('After the fall');
    expect(document.querySelector('blockquote')?.textContent).toBe(card.text);
    expect([...document.querySelectorAll('main a')].map((a) => a.getAttribute('href'))).toEqual([card.target]);
  });

  it('mark the words of an article in another language with it, right to left for Arabic', () => {
    const { document } = read(sharePageHtml({ ...card, language: 'ar' }, site));
    for (const selector of ['h1', '.share-section', 'blockquote']) {
      expect(document.querySelector(selector)?.getAttribute('lang'), selector).toBe('ar');
      expect(document.querySelector(selector)?.getAttribute('dir'), selector).toBe('rtl');
    }
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    const english = read(sharePageHtml(card, site)).document;
    expect(english.querySelectorAll('[lang]:not(html), [dir]')).toHaveLength(0);
  });

  it('show text as text: markup in a quote or a headline is never markup on the page', () => {
    const { document } = read(sharePageHtml(card, site));
    expect(document.querySelectorAll('script, b')).toHaveLength(0);
  });

  it('declare a policy before anything else in the head, and have no script', () => {
    const { document, meta } = read(sharePageHtml(card, site));
    expect(meta('content-security-policy')).toContain("default-src 'self'");
    const head = [...document.head.children].map((e) => e.getAttribute('http-equiv') ?? e.tagName.toLowerCase());
    expect(head.slice(0, 2)).toEqual(['meta', 'content-security-policy']);
  });

  it('keep a retired id’s page out of search engines, and leave out a missing section', () => {
    const { document, meta } = read(sharePageHtml({ ...card, id: 'out-old', retired: true, section: null }, site));
    expect(meta('robots')).toBe('noindex');
    expect(document.querySelector('.share-section')).toBeNull();
    expect(document.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe('https://dossier.example/p/out-old/');
  });

  it('list the editors’ notes, with their quote, text, author and tags', () => {
    const notes = [
      { colour: 'blue' as const, creator: 'Ana', quote: 'says', note: 'A <i>note</i>', tags: ['a', 'b'] },
      { colour: 'pink' as const, creator: 'Dossier editors', quote: '“more,” he said', note: '', tags: [] },
    ];
    const { document } = read(sharePageHtml({ ...card, notes }, site));
    const shown = [...document.querySelectorAll('.published-note')].map((n) => ({
      className: n.getAttribute('class'),
      label: n.querySelector('.published-note-label')?.textContent,
      quote: n.querySelector('.published-note-quote')?.textContent,
      text: n.querySelector('.published-note-text')?.textContent ?? null,
      tags: [...n.querySelectorAll('li')].map((li) => li.textContent),
    }));
    expect(shown).toEqual([
      { className: 'published-note highlight-blue', label: 'Editors’ note · Ana', quote: 'says', text: 'A <i>note</i>', tags: ['a', 'b'] },
      { className: 'published-note highlight-pink', label: 'Editors’ note', quote: '“more,” he said', text: null, tags: [] },
    ]);
  });

  it('cut a long quote to 300 characters for previews', () => {
    expect(cardDescription('short')).toBe('short');
    const long = `${'word '.repeat(100)}end`;
    const cut = cardDescription(long);
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
  });
});
