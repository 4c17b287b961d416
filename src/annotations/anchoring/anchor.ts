/**
 * Re-anchoring: places an annotation on the current text after the site was
 * rebuilt. In order of certainty:
 *   1. its passage (by id, or the id's surviving retired-id target) + text position, if the quote is still there;
 *   2. the exact quote: a long one found once in the article is placed; a short or
 *      repeated one only where its recorded context agrees, clearly better than anywhere else;
 *   3. an approximate quote match (approx-string-match), under the same rule.
 * Anything that cannot be placed with confidence returns null: the caller keeps
 * it as an orphan rather than moving it onto the wrong text.
 */
import { collapseSpace } from './normalize';
import { matchQuote, type ApproximateSearch, type MatchOptions, type QuoteMatch } from './match-quote';
import type { AnchorTarget } from './selectors';
import type { PassageText, Placement } from './types';

export interface AnchorOptions {
  /** Retired passage id → surviving passage id (the normaliser's alias map). */
  retiredIds?: Readonly<Record<string, string>>;
  /**
   * approx-string-match's `search`, for step 3. Without it only steps 1 and 2
   * are tried: a page can anchor most annotations before loading the matcher,
   * then retry the rest with it.
   */
  approximate?: ApproximateSearch;
}

/** Share of a quote that may differ when matched approximately inside its own passage. */
const FUZZY_RATE_HOME = 0.35;
/** … and elsewhere in the article, where the context must also agree. */
const FUZZY_RATE_ELSEWHERE = 0.15;
/** Quotes shorter than this are too common to match approximately. */
const MIN_FUZZY_LENGTH = 8;
/**
 * A quote at least this long that occurs exactly once in the article is the
 * reader's own words, wherever they now are. Shorter or repeated quotes
 * ("al Qaeda") are placed only where their recorded context agrees.
 */
const DISTINCTIVE_LENGTH = 20;
/** How much better than the runner-up a short quote's context must agree. */
const CONTEXT_MARGIN = 0.25;

/**
 * Confident that a match of a short or repeated quote is the one the reader
 * marked: both sides of its context agree, or one agrees fully and the other
 * partly (an edit right next to the quote); in its own passage one side
 * agreeing exactly is enough.
 */
function contextAgrees(m: QuoteMatch, inHome: boolean): boolean {
  const low = Math.min(m.prefixScore, m.suffixScore);
  const high = Math.max(m.prefixScore, m.suffixScore);
  return low >= 0.7 || (high >= 0.9 && low >= 0.4) || (inHome && high === 1 && low >= 0.15);
}

export function anchor(target: AnchorTarget, passages: readonly PassageText[], options: AnchorOptions = {}): Placement | null {
  const home = findHome(target.passageId, passages, options.retiredIds ?? {});
  const { position, quote } = target;

  // 1. Passage + position, confirmed by the quote when there is one.
  if (home && position && position.start >= 0 && position.start < position.end && position.end <= home.text.length) {
    if (!quote || home.text.slice(position.start, position.end) === quote.exact) {
      return { passageId: home.id, start: position.start, end: position.end, method: 'position' };
    }
  }
  if (!quote || !collapseSpace(quote.exact)) return null;

  const context = { prefix: quote.prefix, suffix: quote.suffix };
  const hint = home && position ? position.start : undefined;
  const length = collapseSpace(quote.exact).length;

  // 2. The exact quote: every occurrence in the article, its own passage's first on equal terms.
  const exact = candidatesIn(passages, quote.exact, context, {}, home, hint);
  const chosen = confident(exact, length, home);
  if (chosen) return place(chosen.passage, chosen.match, 'quote');
  // A quote still there exactly but not placeable with confidence is not looked for approximately.
  if (exact.length) return null;

  // 3. An approximate match: in its own passage, then elsewhere, under the same rule of confidence.
  const approximate = options.approximate;
  if (length < MIN_FUZZY_LENGTH || !approximate) return null;
  if (home) {
    const near = candidatesIn([home], quote.exact, context, { maxErrorRate: FUZZY_RATE_HOME, approximate }, home, hint);
    const best = near[0];
    // A long quote closely matched needs little support; a loose or short one must sit in the right context.
    const close = best && length >= DISTINCTIVE_LENGTH && (best.match.errors <= length * 0.1 || (best.match.errors <= length * 0.25 && best.match.contextScore >= 0.3));
    if (best && isClearWinner(near) && (close || contextAgrees(best.match, true))) return place(home, best.match, 'fuzzy');
  }
  const others = passages.filter((p) => p !== home);
  const far = candidatesIn(others, quote.exact, context, { maxErrorRate: FUZZY_RATE_ELSEWHERE, approximate });
  const bestFar = far[0];
  if (bestFar && contextAgrees(bestFar.match, false) && isClearWinner(far)) return place(bestFar.passage, bestFar.match, 'fuzzy');
  return null;
}

/**
 * The candidate to place an exact quote on, or null. A distinctive quote
 * (long, and once in the article) is taken as it is; any other only where its
 * context agrees and clearly better than at any other occurrence.
 */
function confident(candidates: Candidate[], length: number, home: PassageText | undefined): Candidate | null {
  const [best, second] = candidates;
  if (!best) return null;
  if (candidates.length === 1 && length >= DISTINCTIVE_LENGTH) return best;
  if (!contextAgrees(best.match, best.passage === home)) return null;
  if (second && second.match.contextScore > best.match.contextScore - CONTEXT_MARGIN) return null;
  return best;
}

function findHome(id: string | undefined, passages: readonly PassageText[], retiredIds: Readonly<Record<string, string>>) {
  if (!id) return undefined;
  const direct = passages.find((p) => p.id === id);
  if (direct) return direct;
  // Follow the alias chain (a retired id may point to one retired later), guarding against cycles.
  const seen = new Set([id]);
  for (let next = retiredIds[id]; next && !seen.has(next); next = retiredIds[next]) {
    seen.add(next);
    const found = passages.find((p) => p.id === next);
    if (found) return found;
  }
  return undefined;
}

interface Candidate {
  passage: PassageText;
  match: QuoteMatch;
}

function candidatesIn(
  passages: readonly PassageText[],
  quote: string,
  context: { prefix?: string | undefined; suffix?: string | undefined },
  options: MatchOptions,
  home?: PassageText,
  hint?: number,
): Candidate[] {
  return passages
    .flatMap((passage) =>
      matchQuote(passage.text, quote, { ...context, hint: passage === home ? hint : undefined }, options).map((match) => ({
        passage,
        // Its own passage is where the reader left it: a small edge on equal context.
        match: passage === home ? { ...match, score: match.score + 1 } : match,
      })),
    )
    .sort((a, b) => b.match.score - a.match.score);
}

/** The best candidate must beat the runner-up clearly; a tie means we cannot tell which one was meant. */
function isClearWinner(candidates: Candidate[]): boolean {
  const [first, second] = candidates;
  return !!first && (!second || first.match.score - second.match.score > 1);
}

function place(passage: PassageText, match: QuoteMatch, method: Placement['method']): Placement {
  return { passageId: passage.id, start: match.start, end: match.end, method };
}
