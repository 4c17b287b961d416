/**
 * An article page laid out out of sight and without its scripts, so that the notebook can read
 * its text as the browser searches it when a quote link is followed (which text is a block of
 * its own depends on the page's stylesheets, so the page must be rendered, not just parsed).
 * The page is fetched and parsed, its scripts removed, and what is left is rendered in a
 * sandboxed frame: a frame given the page's address would load its scripts only to have the
 * sandbox refuse each one, with a console error apiece. The frame is removed once `use` has
 * run; null when the page cannot be loaded or is not an article.
 */
import { SELECTORS } from '../../contract/dom';

/** Longest wait for a page: a slow one leaves its links as they were, it does not hold the notebook. */
const LOAD_TIMEOUT_MS = 15_000;

/** What a frame with scripts disabled would only refuse to run (or load for nothing). */
const SCRIPTED = 'script, link[rel="modulepreload"], link[rel="preload"][as="script"]';

/** The article's HTML without its scripts, its relative addresses still resolved from the article's own. */
async function scriptlessPage(url: string, signal: AbortSignal): Promise<string | null> {
  try {
    const response = await fetch(url, { signal });
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('text/html')) return null;
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    if (!doc.querySelector(SELECTORS.article)) return null;
    for (const script of doc.querySelectorAll(SCRIPTED)) script.remove();
    const base = doc.createElement('base');
    base.href = response.url;
    doc.head.prepend(base);
    return `<!doctype html>${doc.documentElement.outerHTML}`;
  } catch {
    return null;
  }
}

export async function withArticlePage<T>(url: string, use: (doc: Document) => T): Promise<T | null> {
  const abort = new AbortController();
  const timeout = setTimeout(() => abort.abort(), LOAD_TIMEOUT_MS);
  const frame = document.createElement('iframe');
  frame.className = 'notebook-probe-frame';
  // Same origin (its DOM is readable here), no scripts: the page as first served, nothing run twice.
  frame.setAttribute('sandbox', 'allow-same-origin');
  frame.setAttribute('aria-hidden', 'true');
  frame.setAttribute('title', 'Article text, read to check quote links');
  frame.tabIndex = -1;
  try {
    const html = await scriptlessPage(url, abort.signal);
    if (html === null) return null;
    const loaded = new Promise<boolean>((resolve) => {
      frame.addEventListener('load', () => resolve(true), { once: true });
      abort.signal.addEventListener('abort', () => resolve(false), { once: true });
    });
    frame.srcdoc = html;
    document.body.append(frame);
    const doc = (await loaded) ? frame.contentDocument : null;
    return doc?.body && doc.querySelector(SELECTORS.article) ? use(doc) : null;
  } finally {
    clearTimeout(timeout);
    frame.remove();
  }
}
