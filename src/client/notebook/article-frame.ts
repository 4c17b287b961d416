/**
 * An article page loaded out of sight and without its scripts, so that the notebook can read
 * its text as the browser searches it when a quote link is followed. The frame is removed
 * once `use` has run; null when the page cannot be loaded or is not an article.
 */
import { SELECTORS } from '../../contract/dom';

/** Longest wait for a page: a slow one leaves its links as they were, it does not hold the notebook. */
const LOAD_TIMEOUT_MS = 15_000;

export async function withArticlePage<T>(url: string, use: (doc: Document) => T): Promise<T | null> {
  const frame = document.createElement('iframe');
  frame.className = 'notebook-probe-frame';
  // Same origin (its DOM is readable here), no scripts: the page as first served, nothing run twice.
  frame.setAttribute('sandbox', 'allow-same-origin');
  frame.setAttribute('aria-hidden', 'true');
  frame.setAttribute('title', 'Article text, read to check quote links');
  frame.tabIndex = -1;
  try {
    const loaded = new Promise<boolean>((resolve) => {
      frame.addEventListener('load', () => resolve(true), { once: true });
      setTimeout(() => resolve(false), LOAD_TIMEOUT_MS);
    });
    frame.src = url;
    document.body.append(frame);
    const doc = (await loaded) ? frame.contentDocument : null;
    return doc?.body && doc.querySelector(SELECTORS.article) ? use(doc) : null;
  } finally {
    frame.remove();
  }
}
