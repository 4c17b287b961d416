/** detect-headings: short title-like lines between paragraphs become `##` headings. */
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { plural } from '../text.ts';
import type { Stage } from '../types.ts';

export const MAX_HEADING_WORDS = 10;
export const MAX_HEADING_CHARS = 80;

/**
 * How a sentence or clause ends, in Latin script, in Arabic script (؟ question mark, ، comma,
 * ؛ semicolon, ۔ Urdu full stop) and in full-width CJK punctuation: a line ending so is text.
 */
const TERMINAL_PUNCTUATION = /[.!?:;,…—–\-؟،؛۔。！？，；：．]$/u;

/** Closing quotes and brackets a sentence may end inside ("… soldiers.”", "… « non. »"). */
const CLOSERS = /[”’"')\]»」』\s]+$/u;

/**
 * A line shaped like a section heading: short, starting with a capital (or a digit or
 * an opening quote), and not ending like a sentence ("ISIS is on the back foot." and
 * "So what could ISIS 2.0 look like?" are sentences; "Going to ground" is not).
 * A script without capitals (Arabic, Hebrew, CJK) gives no capital to look for: there a line
 * opening with a letter is heading-shaped on its length and its last character alone.
 */
export function looksLikeHeading(text: string): boolean {
  if (text.length === 0 || text.length > MAX_HEADING_CHARS) return false;
  if (text.split(' ').length > MAX_HEADING_WORDS) return false;
  if (!/^[\p{Lu}\p{N}‘“"'(]/u.test(text) && !startsCaseless(text)) return false;
  return !TERMINAL_PUNCTUATION.test(text.replace(CLOSERS, ''));
}

/** Whether a line opens with a letter of a script that has no capitals (\p{Lo}: Arabic, Hebrew, Chinese…). */
const startsCaseless = (text: string) => /^\p{Lo}/u.test(text);

/**
 * Which of the paragraphs are headings: heading-shaped, with a paragraph after it and
 * none heading-shaped before it. The first line may be one (the headline above it is
 * removed as metadata); the last may not (a heading introduces text).
 */
export function findHeadings(texts: readonly string[]): boolean[] {
  // A section heading names its section once: a line printed again and again (a transcript's
  // speakers, "HOST" and "GUEST") is a label in the text, not a heading.
  const seen = new Map<string, number>();
  for (const text of texts) seen.set(text, (seen.get(text) ?? 0) + 1);
  const shaped = texts.map((text) => looksLikeHeading(text) && seen.get(text) === 1);
  return texts.map((_, i) => shaped[i]! && i < texts.length - 1 && !shaped[i - 1] && !shaped[i + 1]);
}

const detectHeadings: Stage = {
  name: 'detect-headings',
  description: 'Turn short lines without terminal punctuation, standing between paragraphs, into level-2 headings.',
  transform(tree, file, { log }) {
    const texts = tree.children.map((node) => toString(node));
    // A source with its own markup (Markdown, HTML, PDF type sizes) says which blocks are headings.
    const known = file.data.knownHeadings;
    const isHeading = known
      ? tree.children.map((node) => known.has(node.position?.start.line ?? -1) && node !== tree.children.at(-1))
      : findHeadings(texts);
    const headings: string[] = [];
    tree.children = tree.children.map((node, i) => {
      if (!isHeading[i] || node.type !== 'paragraph') return node;
      headings.push(texts[i]!);
      return { type: 'heading', depth: 2, children: node.children, position: node.position } satisfies Heading;
    });
    file.data.headings = headings;
    log(headings.length ? `${plural(headings.length, 'heading')}: ${headings.map((h) => `"${h}"`).join(', ')}` : 'no headings');
  },
};

export default detectHeadings;
