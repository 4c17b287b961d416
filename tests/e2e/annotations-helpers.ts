/** Shared steps for the annotation, link and notebook browser tests (not a spec itself). */
import { expect, type Page } from '@playwright/test';
import { readArticles, type TestArticle } from './corpus';

export const articles = readArticles();
export const articleBySlug = (slug: string) => articles.find((a) => a.slug === slug)!;

const SENTENCE_END = /(?<=[.?!][”’"]?)\s+/;

/** A passage well down an article that holds at least three sentences, and its second sentence. */
export function richPassage(): { article: TestArticle; passage: TestArticle['passages'][number]; sentence: string } {
  for (const article of [...articles].sort((a, b) => b.passages.length - a.passages.length)) {
    const passage = article.passages.slice(5).find((p) => p.text.split(SENTENCE_END).length >= 3);
    if (passage) return { article, passage, sentence: passage.text.split(SENTENCE_END)[1]! };
  }
  throw new Error('fixture: no passage with three sentences');
}

/** Selects `quote` (its `nth` occurrence) in a passage's text, as a reader dragging over it would. */
export async function selectInPassage(page: Page, passageId: string, quote: string, nth = 0) {
  await page.evaluate(
    ({ passageId, quote, nth }) => {
      const container = document.querySelector(`[data-passage-id="${passageId}"] .passage-text`)!;
      const text = container.textContent!;
      let at = -1;
      for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
      if (at < 0) throw new Error(`"${quote}" is not in ${passageId}`);
      const range = document.createRange();
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      let seen = 0;
      let started = false;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const length = node.data.length;
        if (!started && at < seen + length) {
          range.setStart(node, at - seen);
          started = true;
        }
        if (started && at + quote.length <= seen + length) {
          range.setEnd(node, at + quote.length - seen);
          break;
        }
        seen += length;
      }
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    },
    { passageId, quote, nth },
  );
}

/** Highlights (or notes, with text and tags) a quote through the selection toolbar. */
export async function annotate(page: Page, passageId: string, quote: string, note?: { text: string; tags?: string; colour?: string }) {
  await selectInPassage(page, passageId, quote);
  const toolbar = page.locator('.selection-toolbar');
  await expect(toolbar).toBeVisible();
  if (!note) {
    await toolbar.getByRole('button', { name: 'Highlight' }).click();
  } else {
    await toolbar.getByRole('button', { name: 'Note' }).click();
    const editor = page.locator('.annotation-editor');
    if (note.colour) await editor.getByLabel(note.colour).check();
    await editor.getByLabel('Note').fill(note.text);
    if (note.tags) await editor.getByLabel(/Tags/).fill(note.tags);
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor).toHaveCount(0);
  }
  await expect(page.locator(`[data-passage-id="${passageId}"] mark.annotation-highlight`).first()).toBeVisible();
}

/**
 * The text of every annotation drawn in the page (or in one passage), one string per annotation:
 * an annotation is drawn as several marks when its text runs through a link or other inline element.
 */
export async function markedQuotes(page: Page, passageId?: string): Promise<string[]> {
  return page.evaluate((passageId) => {
    const byId = new Map<string, string>();
    const scope = passageId ? `[data-passage-id="${passageId}"] ` : '';
    for (const m of document.querySelectorAll<HTMLElement>(`${scope}mark.annotation-highlight`)) {
      byId.set(m.dataset.annotationId!, (byId.get(m.dataset.annotationId!) ?? '') + m.textContent);
    }
    return [...byId.values()];
  }, passageId);
}

/** Writes records straight into the browser's annotation store (as an older version of the site would have). */
export async function seedStore(page: Page, records: unknown[]) {
  await page.evaluate(async (records) => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('dossier', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('annotations', { keyPath: 'id' });
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('annotations', 'readwrite');
        for (const r of records) tx.objectStore('annotations').put(r);
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  }, records);
}

export async function storedAnnotations(page: Page): Promise<{ id: string; modified: string }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('dossier');
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('annotations')) return resolve([]);
          const all = db.transaction('annotations').objectStore('annotations').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result);
          };
        };
      }),
  );
}

/** A stored annotation as the site writes it, on `quote` of a passage whose text was `text`. */
export function record(options: {
  id: string;
  slug: string;
  passageId: string;
  text: string;
  quote: string;
  note?: string;
  origin?: string;
}) {
  const start = options.text.indexOf(options.quote);
  if (start < 0) throw new Error(`fixture: "${options.quote}" not in the given text`);
  const end = start + options.quote.length;
  const time = '2026-01-01T00:00:00.000Z';
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: options.id,
    type: 'Annotation',
    motivation: options.note ? 'commenting' : 'highlighting',
    created: time,
    modified: time,
    body: options.note ? [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: options.note }] : [],
    target: {
      source: `${options.origin ?? 'http://127.0.0.1'}/articles/${options.slug}/`,
      styleClass: 'highlight-pink',
      selector: [
        { type: 'FragmentSelector', value: options.passageId, conformsTo: 'http://tools.ietf.org/rfc/rfc3986' },
        { type: 'TextPositionSelector', start, end },
        { type: 'TextQuoteSelector', exact: options.quote, prefix: options.text.slice(Math.max(0, start - 32), start), suffix: options.text.slice(end, end + 32) },
      ],
    },
  };
}

/** Base characters only, as text-fragment matching compares them (case and accents ignored). */
const foldForSearch = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ');

const wholeWordCount = (haystack: string, needle: string) =>
  haystack.match(new RegExp(`(?<![\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu'))?.length ?? 0;

/**
 * A phrase of one to three words that is found once among an article's passages but also in the
 * page's other text (rails, headers, navigation) BEFORE its passage, so the browser, which takes
 * the first match, lands on the wrong words unless the link adds context. The page must be open on
 * the article.
 */
export async function quoteAlsoOutsidePassages(page: Page, article: TestArticle): Promise<{ passageId: string; quote: string } | null> {
  // The page's text outside passage texts, and where each passage's text would sit in it.
  const { outside, starts } = await page.evaluate(() => {
    const parts: string[] = [];
    const starts: Record<string, number> = {};
    let length = 0;
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        parts.push((node as Text).data);
        length += (node as Text).data.length;
        return;
      }
      if (!(node instanceof Element) || ['SCRIPT', 'STYLE', 'TEMPLATE'].includes(node.tagName)) return;
      if (node.matches('.passage-text')) {
        starts[node.closest('[data-passage-id]')!.getAttribute('data-passage-id')!] = length;
        parts.push('\n');
        length += 1;
        return;
      }
      for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    };
    walk(document.body);
    return { outside: parts.join(''), starts };
  });
  const passages = foldForSearch(article.passages.map((p) => p.text).join('\n'));
  for (const p of article.passages) {
    const before = foldForSearch(outside.slice(0, starts[p.id] ?? 0));
    const words = [...p.text.matchAll(/[\p{L}\p{N}]+/gu)];
    for (let n = 3; n >= 1; n--) {
      for (let i = 0; i + n <= words.length; i++) {
        const quote = p.text.slice(words[i]!.index, words[i + n - 1]!.index + words[i + n - 1]![0].length);
        const key = foldForSearch(quote);
        if (key.length < 4 || /[^\p{L}\p{N} ]/u.test(quote)) continue;
        if (wholeWordCount(passages, key) === 1 && wholeWordCount(before, key) > 0) return { passageId: p.id, quote };
      }
    }
  }
  return null;
}
