/**
 * Re-anchoring: places an annotation on the current text after the site was
 * rebuilt. In order of certainty:
 *   1. its passage (by id, or the id's surviving alias) + text position, if the quote is still there;
 *   2. the exact quote, ranked by its recorded context (its own passage first, then the article);
 *   3. an approximate quote match (approx-string-match), under stricter limits.
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
/** Context agreement needed to accept a match outside the annotation's own passage. */
const CONTEXT_ELSEWHERE = 0.6;
/** A unique exact quote at least this long may move passages on weaker context. */
const DISTINCTIVE_LENGTH = 20;

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
  const others = passages.filter((p) => p !== home);
  const length = collapseSpace(quote.exact).length;

  // 2. The exact quote with its context.
  if (home) {
    const best = matchQuote(home.text, quote.exact, { ...context, hint })[0];
    // A short quote whose surroundings were rewritten may now be a different mention of the same words.
    if (best && (best.contextScore >= 0.3 || length >= DISTINCTIVE_LENGTH)) return place(home, best, 'quote');
  }
  const exactElsewhere = candidatesIn(others, quote.exact, context, {});
  const bestExact = exactElsewhere[0];
  if (bestExact) {
    const unique = exactElsewhere.length === 1;
    const trusted =
      bestExact.match.contextScore >= CONTEXT_ELSEWHERE || (unique && length >= DISTINCTIVE_LENGTH && bestExact.match.contextScore > 0);
    if (trusted && isClearWinner(exactElsewhere)) return place(bestExact.passage, bestExact.match, 'quote');
  }

  // 3. An approximate match.
  const approximate = options.approximate;
  if (length < MIN_FUZZY_LENGTH || !approximate) return null;
  if (home) {
    const best = matchQuote(home.text, quote.exact, { ...context, hint }, { maxErrorRate: FUZZY_RATE_HOME, approximate })[0];
    // A close match needs little support; a loose one must also sit in the right context.
    if (best && (best.errors <= length * 0.1 || (best.errors <= length * 0.25 && best.contextScore >= 0.3) || best.contextScore >= 0.6)) return place(home, best, 'fuzzy');
  }
  const fuzzyElsewhere = candidatesIn(others, quote.exact, context, { maxErrorRate: FUZZY_RATE_ELSEWHERE, approximate });
  const bestFuzzy = fuzzyElsewhere[0];
  if (bestFuzzy && bestFuzzy.match.contextScore >= CONTEXT_ELSEWHERE && isClearWinner(fuzzyElsewhere)) {
    return place(bestFuzzy.passage, bestFuzzy.match, 'fuzzy');
  }
  return null;
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
): Candidate[] {
  return passages
    .flatMap((passage) => matchQuote(passage.text, quote, context, options).map((match) => ({ passage, match })))
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
