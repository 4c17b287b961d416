/**
 * Finds a quote in a text, exactly or approximately, and ranks the candidates
 * by how well their surroundings agree with the quote's recorded context.
 * Pure string work: text in, ranked `{start, end}` ranges out.
 */
import { collapseSpace, normalizeText, toOriginalRange } from './normalize';

export interface QuoteContext {
  /** Text recorded just before the quote ('' = the quote started the passage; undefined = unknown). */
  prefix?: string | undefined;
  /** Text recorded just after the quote ('' = the quote ended the passage). */
  suffix?: string | undefined;
  /** Expected start offset in the text, if known. */
  hint?: number | undefined;
}

export interface QuoteMatch {
  /** Range in the original text. */
  start: number;
  end: number;
  /** Edits between the quote and the matched text (0 = exact, ignoring white space). */
  errors: number;
  /** How well prefix and suffix agree, 0..1 (0.5 when no context was recorded). */
  contextScore: number;
  /** Each side on its own, 0..1 (0.5 when that side was not recorded). */
  prefixScore: number;
  suffixScore: number;
  /** Overall rank; higher is better. */
  score: number;
}

/** approx-string-match's `search` (passed in, so that pages can load it only when exact matching fails). */
export type ApproximateSearch = (text: string, pattern: string, maxErrors: number) => { start: number; end: number; errors: number }[];

export interface MatchOptions {
  /** Largest share of the quote's length that may differ (0 = exact matches only). */
  maxErrorRate?: number;
  /** The approximate matcher; without it only exact matches are found. */
  approximate?: ApproximateSearch | undefined;
}

/** All plausible places of `quote` in `text`, best first. */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}, options: MatchOptions = {}): QuoteMatch[] {
  const wanted = collapseSpace(quote);
  if (!wanted) return [];
  const view = normalizeText(text);

  let found = exactOccurrences(view.text, wanted);
  const maxErrors = Math.floor(wanted.length * (options.maxErrorRate ?? 0));
  const search = options.approximate;
  if (found.length === 0 && maxErrors > 0 && search) {
    found = dedupe([
      ...search(view.text, wanted, Math.min(maxErrors, wanted.length - 1)),
      ...headTailSpans(search, view.text, wanted),
    ]).filter((m) => m.errors <= maxErrors);
  }

  const prefix = context.prefix === undefined ? undefined : collapseSpace(context.prefix);
  const suffix = context.suffix === undefined ? undefined : collapseSpace(context.suffix);
  return found
    .map(({ start, end, errors }) => {
      const range = toOriginalRange(view, start, end);
      const before = view.text.slice(0, start).trimEnd();
      const after = view.text.slice(end).trimStart();
      const prefixScore = contextAgreement(prefix, before.slice(-(prefix?.length ?? 0)), before === '');
      const suffixScore = contextAgreement(suffix, after.slice(0, suffix?.length ?? 0), after === '');
      const contextScore = (prefixScore + suffixScore) / 2;
      const positionScore =
        context.hint === undefined ? 0.5 : 1 - Math.min(1, Math.abs(range.start - context.hint) / Math.max(text.length, 1));
      const quoteScore = 1 - errors / wanted.length;
      return {
        ...range,
        errors,
        contextScore,
        prefixScore,
        suffixScore,
        score: quoteScore * 50 + prefixScore * 20 + suffixScore * 20 + positionScore * 2,
      };
    })
    .sort((a, b) => b.score - a.score || a.start - b.start);
}

function exactOccurrences(text: string, quote: string): { start: number; end: number; errors: number }[] {
  const out: { start: number; end: number; errors: number }[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    out.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return out;
}

/** Longest head or tail of a quote matched on its own. */
const EDGE_LENGTH = 32;

/**
 * Spans that start like the quote and end like it. The best approximate match
 * of a whole quote into which words were inserted is often a truncated one
 * (dropping the tail costs fewer edits than the insertion); matching head and
 * tail separately finds the full, edited sentence.
 */
function headTailSpans(search: ApproximateSearch, text: string, quote: string): { start: number; end: number; errors: number }[] {
  if (quote.length > 2000) return [];
  const edge = Math.min(EDGE_LENGTH, Math.max(8, Math.ceil(quote.length / 4)));
  if (quote.length < edge * 2) return [];
  const head = quote.slice(0, edge);
  const tail = quote.slice(-edge);
  const edgeErrors = Math.floor(edge * 0.2);
  const spans: { start: number; end: number; errors: number }[] = [];
  for (const h of search(text, head, edgeErrors)) {
    const windowEnd = Math.min(text.length, h.start + Math.ceil(quote.length * 1.6));
    const window = text.slice(h.start, windowEnd);
    const tails = search(window, tail, edgeErrors);
    // Of equally good tails, the one giving a span closest to the quote's length.
    const t = tails.sort((a, b) => Math.abs(a.end - quote.length) - Math.abs(b.end - quote.length))[0];
    if (!t || t.end < head.length) continue;
    const end = h.start + t.end;
    spans.push({ start: h.start, end, errors: editDistance(text.slice(h.start, end), quote) });
  }
  return spans;
}

/** The same span can be found by both searches: keep it once, with its lowest error count. */
function dedupe(matches: { start: number; end: number; errors: number }[]) {
  const bySpan = new Map<string, { start: number; end: number; errors: number }>();
  for (const m of matches) {
    const key = `${m.start}:${m.end}`;
    const seen = bySpan.get(key);
    if (!seen || m.errors < seen.errors) bySpan.set(key, m);
  }
  return [...bySpan.values()];
}

/**
 * 1 when the recorded context matches what surrounds the candidate, 0 when it
 * does not; an empty recorded context means "at the edge of the passage".
 */
function contextAgreement(recorded: string | undefined, actual: string, atEdge: boolean): number {
  if (recorded === undefined) return 0.5;
  if (recorded === '') return atEdge ? 1 : 0;
  return similarity(recorded, actual);
}

/** 1 − (edit distance / longer length): 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - editDistance(a, b) / longest;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}
