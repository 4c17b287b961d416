/**
 * The rule engine behind remove-boilerplate: which paragraphs the rules claim.
 * Pure and linear: each rule looks at each paragraph at most a couple of times.
 */
import type { SourceEntry } from '../../src/corpus/schema.ts';
import { normalizeSpace } from './text.ts';
import { isSpanRule, type LineMatcher, type Rule } from './rules.ts';

type Test = (text: string, index: number) => boolean;
const never: Test = () => false;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Replaces `{headline}`-style placeholders; null when a field it needs is empty. */
function fillLine(template: string, entry: SourceEntry): string | null {
  const fields: Record<string, string | null> = {
    headline: entry.headline.value,
    standfirst: entry.standfirst,
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
  const names = (people: { name: string }[]) =>
    people.length ? people.map((p) => escapeRegExp(normalizeSpace(p.name))).join('|') : '(?!)';
  const source = pattern
    .replaceAll('{authors}', names(entry.authors))
    .replaceAll('{contributors}', names(entry.contributors));
  return new RegExp(source, 'u');
}

function compileMatcher(matcher: LineMatcher, entry: SourceEntry, texts: readonly string[]): Test {
  if ('repeated' in matcher) {
    const counts = new Map<string, number>();
    for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
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

export interface Claim {
  /** index of the paragraph */
  index: number;
  rule: string;
}

export interface BoilerplateResult {
  claims: Claim[];
  /** span rules that opened and never closed (nothing removed for them) */
  unclosed: { rule: string; index: number }[];
}

/**
 * Decides which paragraphs are boilerplate. `texts` are whitespace-normalised paragraphs.
 * Span rules are applied first (a span runs from a `from` line to the next `to` line,
 * inclusive; an unclosed span removes nothing), then line rules in list order.
 */
export function findBoilerplate(texts: readonly string[], rules: readonly Rule[], entry: SourceEntry): BoilerplateResult {
  const claimedBy: (string | undefined)[] = new Array(texts.length);
  const unclosed: BoilerplateResult['unclosed'] = [];

  for (const rule of rules.filter(isSpanRule)) {
    const opens = compileMatcher(rule.from, entry, texts);
    const closes = compileMatcher(rule.to, entry, texts);
    let i = 0;
    while (i < texts.length) {
      if (claimedBy[i] !== undefined || !opens(texts[i]!, i)) {
        i++;
        continue;
      }
      let end = i;
      while (end < texts.length && !closes(texts[end]!, end)) end++;
      if (end === texts.length) {
        unclosed.push({ rule: rule.name, index: i });
        break; // no later `to` exists either
      }
      for (let k = i; k <= end; k++) claimedBy[k] ??= rule.name;
      i = end + 1;
    }
  }

  const lineRules = rules
    .filter((rule) => !isSpanRule(rule))
    .map((rule) => ({ name: rule.name, test: compileMatcher((rule as { match: LineMatcher }).match, entry, texts) }));
  texts.forEach((text, index) => {
    if (claimedBy[index] !== undefined) return;
    claimedBy[index] = lineRules.find((rule) => rule.test(text, index))?.name;
  });

  const claims: Claim[] = [];
  claimedBy.forEach((rule, index) => {
    if (rule !== undefined) claims.push({ index, rule });
  });
  return { claims, unclosed };
}
