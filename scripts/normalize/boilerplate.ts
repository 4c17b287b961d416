/**
 * The rule engine behind remove-boilerplate: which paragraphs the rules claim.
 * Pure and linear: each rule looks at each paragraph at most a couple of times.
 */
import { standfirstText, type SourceEntry } from '../../src/corpus/schema.ts';
import { normalizeSpace } from './text.ts';
import { CLOCK_TIME, isSpanRule, MAX_REPEATED_FURNITURE_WORDS, type LineMatcher, type LineRule, type Rule } from './rules.ts';

type Test = (text: string, index: number) => boolean;
const never: Test = () => false;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Replaces `{headline}`-style placeholders; null when a field it needs is empty. */
function fillLine(template: string, entry: SourceEntry): string | null {
  const fields: Record<string, string | null> = {
    headline: entry.headline.value,
    standfirst: standfirstText(entry.standfirst),
  };
  let missing = false;
  const filled = template.replace(/\{(headline|standfirst)\}/g, (_, key: string) => {
    const value = fields[key];
    if (!value) missing = true;
    return value ? normalizeSpace(value) : '';
  });
  return missing ? null : filled;
}

function fillPattern(pattern: string, entry: SourceEntry): RegExp {
  // A name may be printed with its honorific ("Dr Jane Doe") or without it.
  const names = (people: { name: string; honorific?: string | undefined }[]) =>
    people.length
      ? people
          .map((p) => {
            const name = escapeRegExp(normalizeSpace(p.name));
            return p.honorific ? `(?:${escapeRegExp(normalizeSpace(p.honorific))}\\.? )?${name}` : name;
          })
          .join('|')
      : '(?!)';
  const source = pattern
    .replaceAll('{authors}', names(entry.authors))
    .replaceAll('{contributors}', names(entry.contributors))
    .replaceAll('{outlet}', escapeRegExp(normalizeSpace(entry.outlet)));
  return new RegExp(source, 'u');
}

function compileMatcher(matcher: LineMatcher, entry: SourceEntry, texts: readonly string[]): Test {
  if ('repeated' in matcher) {
    const counts = countTexts(texts);
    return (text) => (counts.get(text) ?? 0) > 1;
  }
  if ('line' in matcher) {
    const lines = (typeof matcher.line === 'string' ? [matcher.line] : matcher.line)
      .map((line) => fillLine(line, entry))
      .filter((line): line is string => line !== null);
    if (lines.length === 0) return never;
    const set = new Set(lines);
    return (text) => set.has(text);
  }
  const regex = typeof matcher.regex === 'string' ? fillPattern(matcher.regex, entry) : matcher.regex;
  return (text) => regex.test(text);
}

function countTexts(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  return counts;
}

const wordCount = (text: string) => text.split(' ').filter(Boolean).length;

export interface Claim {
  /** index of the paragraph */
  index: number;
  rule: string;
}

export interface BoilerplateResult {
  claims: Claim[];
  /** span rules that opened and never closed (nothing removed for them) */
  unclosed: { rule: string; index: number }[];
  /** paragraphs printed more than once that look like body text: all kept (indices of each group) */
  repeatedKept: number[][];
}

/**
 * Decides which paragraphs are boilerplate. `texts` are whitespace-normalised paragraphs.
 * Span rules are applied first (a span runs from a `from` line to the next `to` line,
 * inclusive, at most `maxParagraphs` long; an unclosed span removes nothing), then line
 * rules in list order, then the repeated-line rule, which claims a repeated line only
 * when it looks like furniture and otherwise reports it in `repeatedKept`.
 */
export function findBoilerplate(texts: readonly string[], rules: readonly Rule[], entry: SourceEntry): BoilerplateResult {
  const claimedBy: (string | undefined)[] = new Array(texts.length);
  const unclosed: BoilerplateResult['unclosed'] = [];

  for (const rule of rules.filter(isSpanRule)) {
    const opens = compileMatcher(rule.from, entry, texts);
    const to = rule.to;
    if ('shortLinesToEnd' in to) {
      // A box of link titles closing the page: the opener, then only short unpunctuated lines.
      const isTitle = (text: string) => wordCount(text) <= to.shortLinesToEnd && !/\.$/.test(text);
      let firstTitle = texts.length;
      while (firstTitle > 0 && isTitle(texts[firstTitle - 1]!) && texts.length - firstTitle < rule.maxParagraphs) firstTitle--;
      const opener = firstTitle - 1;
      if (opener >= 0 && firstTitle < texts.length && claimedBy[opener] === undefined && opens(texts[opener]!, opener)) {
        for (let k = opener; k < texts.length; k++) claimedBy[k] ??= rule.name;
      } else {
        // The opener may stand among the last short lines: look for it there too.
        for (let k = Math.max(0, firstTitle); k < texts.length - 1; k++) {
          if (claimedBy[k] === undefined && opens(texts[k]!, k)) {
            for (let j = k; j < texts.length; j++) claimedBy[j] ??= rule.name;
            break;
          }
        }
      }
      continue;
    }
    const closes = compileMatcher(to, entry, texts);
    let i = 0;
    while (i < texts.length) {
      if (claimedBy[i] !== undefined || !opens(texts[i]!, i)) {
        i++;
        continue;
      }
      const limit = Math.min(texts.length, i + rule.maxParagraphs);
      let end = i;
      while (end < limit && !closes(texts[end]!, end)) end++;
      if (end === limit) {
        unclosed.push({ rule: rule.name, index: i });
        i++;
        continue;
      }
      for (let k = i; k <= end; k++) claimedBy[k] ??= rule.name;
      i = end + 1;
    }
  }

  const lineRules = rules.filter((rule): rule is LineRule => !isSpanRule(rule));
  const compiled = lineRules
    .filter((rule) => !('repeated' in rule.match))
    .map((rule) => {
      const matches = compileMatcher(rule.match, entry, texts);
      const follows = rule.notAfter && compileMatcher(rule.notAfter, entry, texts);
      const { within } = rule;
      const test = (text: string, index: number) =>
        (within === undefined || index < within) && matches(text, index) && !(follows && index > 0 && follows(texts[index - 1]!, index - 1));
      return { name: rule.name, test };
    });
  const times = entryTimes(texts);
  texts.forEach((text, index) => {
    if (claimedBy[index] !== undefined || times.has(index)) return;
    claimedBy[index] = compiled.find((rule) => rule.test(text, index))?.name;
  });

  // Repeated lines last: whether one is furniture depends on what its neighbours are.
  const repeatedRule = lineRules.find((rule) => 'repeated' in rule.match);
  const pictureRules = new Set(rules.filter((rule) => rule.category === 'pictures').map((rule) => rule.name));
  const besidePicture = (index: number) =>
    [index - 1, index + 1].some((k) => claimedBy[k] !== undefined && pictureRules.has(claimedBy[k]!));
  const groups = new Map<string, number[]>();
  texts.forEach((text, index) => {
    if (!text || claimedBy[index] !== undefined || times.has(index)) return;
    const list = groups.get(text);
    if (list) list.push(index);
    else groups.set(text, [index]);
  });
  const repeatedKept: number[][] = [];
  const counts = countTexts(texts); // occurrences claimed by other rules count too
  const labels = turnTakingLabels(texts, groups, claimedBy);
  const contents = contentsList(texts, groups, claimedBy);
  if (repeatedRule) for (const index of contents.values()) claimedBy[index] = repeatedRule.name;
  for (const [text, indices] of groups) {
    const total = counts.get(text) ?? 0;
    if (total < 2 || labels.has(text) || contents.has(text)) continue;
    const short = wordCount(text) <= MAX_REPEATED_FURNITURE_WORDS && !SENTENCE_END.test(text);
    const furniture = repeatedRule && (short || indices.some(besidePicture));
    if (furniture) for (const index of indices) claimedBy[index] = repeatedRule.name;
    else if (indices.length > 1) repeatedKept.push(indices);
  }

  const claims: Claim[] = [];
  claimedBy.forEach((rule, index) => {
    if (rule !== undefined) claims.push({ index, rule });
  });
  return { claims, unclosed, repeatedKept };
}

/**
 * A live blog's entry times: three or more lines that are only a clock time are the times of
 * its entries, text of the page (two entries may share a minute), never the article's own
 * timestamp or a repeated label.
 */
function entryTimes(texts: readonly string[]): Set<number> {
  const times = new Set<number>();
  texts.forEach((text, index) => CLOCK_TIME.test(text) && times.add(index));
  return times.size >= 3 ? times : new Set();
}

/** A line that ends as a sentence does ("No.", "He left at once!"): text, not a label. */
const SENTENCE_END = /[.!?…]["”’»)]?$/u;

/**
 * Short lines that take turns, each before a paragraph of its own: a transcript's speakers
 * ("HOST", "RHYS"), an interview's "Q" and "A". Two or more repeated lines whose occurrences
 * interleave (A … B … A) and are each followed by unclaimed text are the text's structure,
 * not furniture; a caption printed above and below its picture never interleaves with
 * another.
 */
function turnTakingLabels(texts: readonly string[], groups: Map<string, number[]>, claimedBy: readonly (string | undefined)[]): Set<string> {
  const labelShaped = (text: string) => (groups.get(text)?.length ?? 0) >= 2 && wordCount(text) <= 4 && !SENTENCE_END.test(text);
  const candidates: { text: string; indices: number[] }[] = [];
  for (const [text, indices] of groups) {
    if (!labelShaped(text)) continue;
    const beforeText = indices.every((index) => {
      const next = texts[index + 1];
      return next !== undefined && claimedBy[index + 1] === undefined && !labelShaped(next);
    });
    if (beforeText) candidates.push({ text, indices });
  }
  const labels = new Set<string>();
  for (const a of candidates) {
    for (const b of candidates) {
      if (a === b) continue;
      // some occurrence of b lies between two occurrences of a
      const first = a.indices[0]!;
      const last = a.indices[a.indices.length - 1]!;
      if (b.indices.some((index) => index > first && index < last)) {
        labels.add(a.text);
        labels.add(b.text);
      }
    }
  }
  return labels;
}

/** The label above a table of contents, or a live blog's list of its key entries. */
const CONTENTS_LABEL = /^(?:(?:Table of )?[Cc]ontents|CONTENTS|In this (?:report|paper|article|issue|story)|On this page|Jump to(?: a section)?|Key (?:events|moments|updates|developments)|KEY EVENTS)$/;

/**
 * A table of contents: a run of consecutive lines each printed again later, in the same order
 * (the section headings of a report, the titles of a live blog's key entries) — three or more,
 * or any number under a contents label ("Contents", "Key events"), which then goes with them.
 * The run is furniture; the headings themselves are kept. Returns each listed line's index.
 */
function contentsList(texts: readonly string[], groups: Map<string, number[]>, claimedBy: readonly (string | undefined)[]): Map<string, number> {
  const listed = new Map<string, number>();
  let run: number[] = [];
  const close = () => {
    const label = run.length ? run[0]! - 1 : -1;
    const labelled = label >= 0 && claimedBy[label] === undefined && CONTENTS_LABEL.test(texts[label]!);
    if (run.length >= 3 || (run.length >= 1 && labelled)) {
      for (const index of run) listed.set(texts[index]!, index);
      if (labelled) listed.set(texts[label]!, label);
    }
    run = [];
  };
  const laterOccurrence = (index: number) => groups.get(texts[index]!)?.find((k) => k > index);
  for (let index = 0; index < texts.length; index++) {
    const later = claimedBy[index] === undefined && wordCount(texts[index]!) <= MAX_REPEATED_FURNITURE_WORDS ? laterOccurrence(index) : undefined;
    if (later === undefined) {
      close();
      continue;
    }
    const previous = run.length ? laterOccurrence(run[run.length - 1]!)! : -1;
    if (later <= previous) close(); // out of order: a new run may start here
    run.push(index);
  }
  close();
  return listed;
}

/** The longest standfirst the layout heuristic will propose, in words. */
export const MAX_STANDFIRST_WORDS = 60;

export interface StandfirstCandidate {
  index: number;
  /** why it looks like one, for the manifest's note */
  reason: string;
}

/**
 * A standfirst the manifest does not record, found by the layout: the first paragraph
 * right under the headline line, a sentence or two that stands apart from the body —
 * followed by the byline or date block, or by the first section heading. A paragraph
 * printed after the byline or date is the article's lead, never its standfirst. Null when nothing fits
 * (no headline line in the text, or the first paragraph runs straight into the body).
 *
 * @param claims which rule claimed each paragraph (undefined: body text)
 * @param isHeading whether a paragraph is shaped like a section heading
 */
export function findStandfirst(
  texts: readonly string[],
  claims: readonly (string | undefined)[],
  isHeading: (text: string) => boolean,
): StandfirstCandidate | null {
  const headline = claims.indexOf('headline');
  if (headline < 0) return null;
  const metadataRules = new Set(['byline', 'author-names', 'staff-byline', 'update-line', 'timestamp', 'dateline']);
  let index = headline + 1;
  while (index < texts.length && claims[index] !== undefined) {
    // a paragraph after the byline or date is the article's lead, not its standfirst
    if (metadataRules.has(claims[index]!)) return null;
    index++;
  }
  const text = texts[index];
  if (text === undefined || isHeading(text) || wordCount(text) > MAX_STANDFIRST_WORDS || !/[.!?…”’"]$/u.test(text)) return null;
  let next = index + 1;
  let metadataBetween = false;
  while (next < texts.length && claims[next] !== undefined) {
    if (metadataRules.has(claims[next]!)) metadataBetween = true;
    next++;
  }
  if (metadataBetween) return { index, reason: 'the paragraph between the headline and the byline or date' };
  if (next < texts.length && isHeading(texts[next]!)) {
    return { index, reason: 'the one paragraph between the headline and the first section heading' };
  }
  return null;
}
