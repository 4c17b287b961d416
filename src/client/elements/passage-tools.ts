/**
 * Passage tools on the article page (markup: README "Article page DOM"):
 * - `.passage-permalink[data-permalink]` copies the passage's absolute URL;
 * - arriving at `#<passage-id>` (also with a text fragment, or a retired id)
 *   scrolls to the passage and marks it `.is-target`; a quote in the fragment is
 *   found and marked by ../reader/quote-target (loaded only then);
 * - `j` / `k` move focus to the next / previous passage.
 */
import { encodeTextDirective, idPrefixOf, isPassageId, parseFragment, SELECTORS, type ParsedFragment } from '../../contract';
import { locatePassage } from '../retired-ids';
import { copyLink } from '../clipboard';
import { isTypingTarget } from '../keyboard';
import { announce } from '../status';
import { notify } from '../toast';


const passages = () => [...document.querySelectorAll<HTMLElement>(SELECTORS.passage)];

/* ---------- permalinks ---------- */

document.addEventListener('click', async (event) => {
  const button = (event.target as Element | null)?.closest?.<HTMLElement>(SELECTORS.permalink);
  if (!button) return;
  const url = new URL(button.dataset.permalink!, location.href).href;
  await copyLink(url);
});

/* ---------- arriving at a passage ---------- */

/** The fragment of the address, with the text directives Chromium hides from `location.hash`. */
function arrivalFragment(): ParsedFragment {
  const fromHash = parseFragment(location.hash);
  if (fromHash.directives.length) return fromHash;
  const navigation = performance.getEntriesByType('navigation')[0]?.name;
  if (navigation) {
    try {
      const url = new URL(navigation);
      const fromEntry = parseFragment(url.hash);
      if (url.pathname === location.pathname && fromEntry.id === fromHash.id) return fromEntry;
    } catch {
      /* not a URL: ignore */
    }
  }
  return fromHash;
}

function markTarget(passage: HTMLElement) {
  for (const old of document.querySelectorAll(SELECTORS.target)) if (old !== passage) old.classList.remove('is-target');
  passage.classList.remove('is-target');
  // Restart the arrival animation when the same passage is targeted again.
  void passage.offsetWidth;
  passage.classList.add('is-target');
}

function scrollToElement(el: Element) {
  const rect = el.getBoundingClientRect();
  if (rect.top < 0 || rect.bottom > innerHeight) el.scrollIntoView({ block: 'center' });
}

/** Where a reader sent on from another article's page is told so, once they arrive (session storage). */
const SENT_KEY = 'dossier-sent-on';

interface SentOn {
  /** The id the link named. */
  asked: string;
  /** The passage it leads to, in the article the reader is sent to. */
  id: string;
}

function rememberSentOn(sent: SentOn) {
  try {
    sessionStorage.setItem(SENT_KEY, JSON.stringify(sent));
  } catch {
    /* storage blocked: the reader arrives untold */
  }
}

/** What to tell a reader who was sent here for passage `id`, once; null when they were not. */
function sentOnMessage(id: string): string | null {
  let sent: SentOn | null = null;
  try {
    sent = JSON.parse(sessionStorage.getItem(SENT_KEY) ?? 'null') as SentOn | null;
    sessionStorage.removeItem(SENT_KEY);
  } catch {
    return null;
  }
  if (sent?.id !== id) return null;
  return sent.asked === id
    ? `Passage ${id} is in this article: the link you followed gave another article’s address.`
    : 'The passage you linked to has changed since; showing the passage that replaced it, in this article.';
}

async function arrive(fragment: ParsedFragment) {
  const { id, directives } = fragment;
  if (!id) return;
  let passage = document.getElementById(id);
  if (!passage && isPassageId(id)) {
    const ownPrefix = idPrefixOf(passages()[0]?.id ?? '');
    const place = await locatePassage(id, (other) => document.getElementById(other)?.matches(SELECTORS.passage) ?? false, ownPrefix);
    if (place.on === 'article') {
      // Another article's passage (its id's prefix names it): go there, quote and all.
      const quote = directives.length ? `:~:${directives.map(encodeTextDirective).join('&')}` : '';
      rememberSentOn({ asked: id, id: place.id });
      location.replace(`${place.path}${location.search}#${place.id}${quote}`);
      return;
    }
    passage = place.on === 'page' ? document.getElementById(place.id) : null;
    if (passage && place.on === 'page') {
      history.replaceState(history.state, '', `#${place.id}`);
      notify('The passage you linked to has changed since; showing the passage that replaced it.');
    } else {
      notify('The passage you linked to is no longer in this dossier.');
      return;
    }
  }
  if (!passage?.matches(SELECTORS.passage)) return;
  markTarget(passage);
  const sentOn = sentOnMessage(passage.id);
  if (sentOn) notify(sentOn);
  if (directives.length) {
    const { markQuote } = await import('../reader/quote-target');
    const mark = markQuote(passage, directives);
    if (mark) scrollToElement(mark);
    else {
      scrollToElement(passage);
      notify('The quoted text was not found in this passage (it may have been edited); showing the whole passage.');
    }
  } else scrollToElement(passage);
}

void arrive(arrivalFragment());
// The event's URL keeps the text directive that Chromium strips from location.hash.
addEventListener('hashchange', (event) => void arrive(parseFragment(new URL(event.newURL).hash)));

/* ---------- j / k ---------- */

function currentIndex(list: HTMLElement[]): number {
  const focused = document.activeElement?.closest<HTMLElement>('.passage');
  const index = focused ? list.indexOf(focused) : -1;
  return index;
}

/** First passage whose top is on screen (below the sticky header). */
function firstVisibleIndex(list: HTMLElement[]): number {
  const top = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
  const index = list.findIndex((p) => p.getBoundingClientRect().bottom > top + 8);
  return index === -1 ? list.length - 1 : index;
}

document.addEventListener('keydown', (event) => {
  if ((event.key !== 'j' && event.key !== 'k') || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  if (isTypingTarget(event.target)) return;
  const list = passages();
  if (!list.length) return;
  const current = currentIndex(list);
  let next: number;
  if (current === -1) {
    const visible = firstVisibleIndex(list);
    next = event.key === 'j' ? visible : Math.max(0, visible - 1);
  } else next = Math.min(list.length - 1, Math.max(0, current + (event.key === 'j' ? 1 : -1)));
  const passage = list[next]!;
  event.preventDefault();
  if (!passage.hasAttribute('tabindex')) passage.tabIndex = -1;
  passage.focus({ preventScroll: true });
  passage.scrollIntoView({ block: 'nearest' });
  const edge = next === current ? (event.key === 'j' ? ' (last)' : ' (first)') : '';
  announce(`Passage ${next + 1} of ${list.length}${edge}`);
});
