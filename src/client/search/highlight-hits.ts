/**
 * On an article reached from search (`?hl=words#passage-id`), marks the hit terms
 * inside the target passage (words starting with a term, so "Tunisia" also marks
 * "Tunisian", as Pagefind's stemming matched them). Text and terms are compared folded
 * as the index folds them, so "al-Sham" marks "al-Shām" and "Quranic" marks "Qur’anic".
 */
import { parseFragment } from '../../contract/text-fragment';
import { foldWithOffsets } from './fold';
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
    const { folded, offsets } = foldWithOffsets(value);
    const parts: Node[] = [];
    let last = 0;
    for (const match of folded.matchAll(pattern)) {
      const start = offsets[match.index]!;
      const end = offsets[match.index + match[0].length]!;
      parts.push(document.createTextNode(value.slice(last, start)));
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = value.slice(start, end);
      parts.push(mark);
      last = end;
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
const targetId = parseFragment(location.hash).id;
const target = targetId ? document.getElementById(targetId) : null;
if (query && target) {
  const text = target.querySelector('.passage-text') ?? target;
  const count = markTerms(text, hitTerms(query));
  const status = document.getElementById('status');
  if (status) status.textContent = count ? `${count} search hit${count === 1 ? '' : 's'} marked in this passage.` : '';
}
