/** remove-boilerplate: drop the paragraphs the rules (rules.ts) say are not article text. */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { findBoilerplate, findStandfirst } from '../boilerplate.ts';
import { looksLikeHeading } from './detect-headings.ts';
import { NormalizeError } from '../errors.ts';
import { plural } from '../text.ts';
import type { RemovedLine, Stage } from '../types.ts';

/** "6 lines removed: dateline 1, image-token 3" (rules in list order). */
export function summarizeRemovals(removed: readonly RemovedLine[], ruleOrder: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const { rule } of removed) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  const parts = ruleOrder.filter((name) => counts.has(name)).map((name) => `${name} ${counts.get(name)}`);
  const total = `${plural(removed.length, 'line')} removed`;
  return parts.length ? `${total}: ${parts.join(', ')}` : total;
}

const removeBoilerplate: Stage = {
  name: 'remove-boilerplate',
  description: 'Remove captions, credits, page furniture, promotions, bylines and the like, as the rules in rules.ts say.',
  transform(tree, file, { log, rules, verbose }) {
    const entry = file.data.entry!;
    const lines = file.data.lines ?? [];
    const texts = tree.children.map((node) => toString(node));
    const { claims, unclosed, repeatedKept } = findBoilerplate(texts, rules, entry);

    const removed: RemovedLine[] = [];
    const drop = new Set<RootContent>();
    for (const { index, rule } of claims) {
      const node = tree.children[index]!;
      drop.add(node);
      const start = node.position?.start.line ?? 0;
      const end = node.position?.end.line ?? start;
      for (let line = start; line <= end; line++) removed.push({ rule, line, text: lines[line - 1] ?? '' });
    }
    for (const { rule, index } of unclosed) {
      const line = tree.children[index]?.position?.start.line ?? '?';
      log(`warning: span rule ${rule} opens at line ${line} but never closes; nothing removed for it`);
    }
    for (const indices of repeatedKept) {
      const at = indices.map((index) => tree.children[index]?.position?.start.line ?? '?').join(' and ');
      const text = texts[indices[0]!]!;
      log(
        `warning: lines ${at} are the same paragraph ("${text.length > 60 ? `${text.slice(0, 60)}…` : text}"); both kept, since a repeated body paragraph is never removed. If it is page furniture, add a rule for it to scripts/normalize/rules.ts.`,
      );
    }
    // Only a plain-text copy is read for a standfirst by its layout: a file with markup (Markdown,
    // a web page, a PDF's type sizes) says what its standfirst is, and a paragraph under its
    // title is its introduction.
    if (entry.standfirst === null && !file.data.knownHeadings) {
      const claimed: (string | undefined)[] = new Array(texts.length);
      for (const { index, rule } of claims) claimed[index] = rule;
      const candidate = findStandfirst(texts, claimed, looksLikeHeading);
      if (candidate) {
        const line = tree.children[candidate.index]?.position?.start.line ?? '?';
        file.data.standfirstCandidate = { text: texts[candidate.index]!, line, reason: candidate.reason };
        log(`note: line ${line} looks like a standfirst (${candidate.reason}) but sources.yaml has none; if it is one, record it there (status: inferred) and it leaves the body.`);
      }
    }
    tree.children = tree.children.filter((node) => !drop.has(node));
    file.data.removed = removed;

    log(summarizeRemovals(removed, rules.map((rule) => rule.name)));
    if (verbose) for (const { line, rule, text } of removed) log(`  line ${line} [${rule}] ${text}`);

    if (!tree.children.some((node) => node.type === 'paragraph')) {
      throw new NormalizeError(
        file.path ?? entry.file,
        'no article text is left once boilerplate is removed. Check the file, or the rules in scripts/normalize/rules.ts (run with --verbose to see what they removed).',
      );
    }
  },
};

export default removeBoilerplate;
