/**
 * A note's exported Markdown read back as a Markdown reader reads it (remark with GFM), to
 * check what the escaping in export.ts (noteMarkdown) cannot promise by itself: that nothing in
 * the note is HTML, an image, a heading, or a link or definition off the web. The escaping
 * reasons about Markdown with patterns, and Markdown has more corners than patterns; a note
 * this check refuses is exported as plain text instead (see toMarkdown's `inert`). Loaded by
 * the notebook only when it exports Markdown: the parser is too large for every page.
 */
import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const WEB = /^(https?:\/\/|mailto:)/i;

/** True when `markdown`, read as GFM, holds no HTML, image, heading, or link or definition off the web. */
export function noteIsInert(markdown: string): boolean {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  // A stack, not recursion: a note may nest quotes thousands deep.
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    switch (node.type) {
      case 'html':
      case 'image':
      case 'imageReference':
      case 'heading':
        return false;
      case 'link':
      case 'definition':
        if (!WEB.test(node.url)) return false;
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return true;
}
