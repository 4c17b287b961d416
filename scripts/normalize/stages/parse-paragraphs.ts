/** parse-paragraphs: lines → an mdast tree of paragraphs, in either layout. */
import type { Paragraph, Root } from 'mdast';
import { NormalizeError } from '../errors.ts';
import type { Layout, Stage } from '../types.ts';

/**
 * A paragraph longer than this is not a paragraph: the file has lost its line breaks
 * (or is not an article). The longest in the dossier is under 1,000 characters.
 */
export const MAX_PARAGRAPH_CHARS = 20_000;

const isBlank = (line: string) => /^\s*$/.test(line);

/** A list item's first line: a bullet ("- ", "• ", "* ") or a number ("1. ", "2) ") and text. */
const LIST_ITEM = /^\s*(?:[-–•*▪◦]|\d{1,2}[.)])\s+\S/u;

/**
 * A block's lines cut where each list item starts, when the block holds two items or more
 * ("The cities:", "- Birmingham", "- London" are three paragraphs): a list typed without
 * blank lines between its items. A lone line that happens to start with a dash stays
 * where it is.
 */
function splitListItems(lines: readonly string[]): number[] {
  const starts = lines.flatMap((line, i) => (LIST_ITEM.test(line) ? [i] : []));
  if (starts.length < 2) return [0];
  return starts[0] === 0 ? starts : [0, ...starts];
}

/** Blank-line layout as soon as one blank line separates two non-blank lines. */
export function detectLayout(lines: readonly string[]): Layout {
  let seenText = false;
  let blankAfterText = false;
  for (const line of lines) {
    if (isBlank(line)) blankAfterText = seenText;
    else if (blankAfterText) return 'blank-line';
    else seenText = true;
  }
  return 'one-per-line';
}

const parseParagraphs: Stage = {
  name: 'parse-paragraphs',
  description: 'Split the text into paragraphs: blank-line separated blocks (a list typed without blank lines gives a paragraph per item), or one paragraph per line when there are no blank lines.',
  transform(_tree, file, { log }) {
    const lines = file.data.lines ?? [];
    const layout = detectLayout(lines);
    const children: Paragraph[] = [];
    let block: { start: number; lines: string[] } | null = null;
    const close = () => {
      if (!block) return;
      const { start, lines } = block;
      block = null;
      const cuts = layout === 'blank-line' ? splitListItems(lines) : [0];
      cuts.forEach((cut, i) => push({ start: start + cut, lines: lines.slice(cut, cuts[i + 1] ?? lines.length) }));
    };
    const push = (block: { start: number; lines: string[] }) => {
      const value = block.lines.join('\n');
      const endLine = block.start + block.lines.length - 1;
      if (value.length > MAX_PARAGRAPH_CHARS) {
        throw new NormalizeError(
          `${file.path}:${block.start}`,
          `a paragraph of ${value.length.toLocaleString('en')} characters (the limit is ${MAX_PARAGRAPH_CHARS.toLocaleString('en')}); the file has probably lost its line breaks. Re-export it with one paragraph per line or blank lines between paragraphs.`,
        );
      }
      children.push({
        type: 'paragraph',
        children: [{ type: 'text', value }],
        position: {
          start: { line: block.start, column: 1 },
          end: { line: endLine, column: block.lines.at(-1)!.length + 1 },
        },
      });
    };
    lines.forEach((line, index) => {
      if (isBlank(line)) return close();
      if (layout === 'one-per-line') close();
      block ??= { start: index + 1, lines: [] };
      block.lines.push(line);
    });
    close();
    file.data.layout = layout;
    log(`${children.length} paragraphs (${layout} layout)`);
    return { type: 'root', children } satisfies Root;
  },
};

export default parseParagraphs;
