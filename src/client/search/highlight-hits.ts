/**
 * On an article reached from search (`?hl=words#passage-id`), marks the hit terms
 * inside the target passage (words starting with a term, so "Tunisia" also marks
 * "Tunisian", as Pagefind's stemming matched them).
 */
import { hitTerms } from './target-url';

function markTerms(root: Element, terms: string[]): number {
  if (!terms.length) return 0;
  const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})[\\p{L}\\p{N}]*`, 'giu');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  let count = 0;
  for (const text of texts) {
    const value = text.data;
    const parts: Node[] = [];
    let last = 0;
    for (const match of value.matchAll(pattern)) {
      parts.push(document.createTextNode(value.slice(last, match.index)));
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = match[0];
      parts.push(mark);
      last = match.index + match[0].length;
      count++;
    }
    if (parts.length) {
      parts.push(document.createTextNode(value.slice(last)));
      text.replaceWith(...parts);
    }
  }
  return count;
}

const query = new URLSearchParams(location.search).get('hl');
const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
if (query && target) {
  const text = target.querySelector('.passage-text') ?? target;
  const count = markTerms(text, hitTerms(query));
  const status = document.getElementById('status');
  if (status) status.textContent = count ? `${count} search hit${count === 1 ? '' : 's'} marked in this passage.` : '';
}
