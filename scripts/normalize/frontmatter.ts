/** Writes an article's frontmatter block with the `yaml` package. */
import { Document, isScalar, visit } from 'yaml';
import type { ArticleFrontmatter } from '../../src/corpus/schema.ts';

const DATE_LIKE = /^\d{4}(?:-\d{2}){0,2}$/;

/** `---\n# <comment>\n<yaml>---\n` with date-like strings double-quoted (so no YAML reader takes them for dates). */
export function formatFrontmatter(frontmatter: ArticleFrontmatter, comment: string): string {
  const doc = new Document(frontmatter);
  // On the map rather than the document, so no blank line separates it from the fields.
  if (doc.contents) doc.contents.commentBefore = ` ${comment}`;
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && DATE_LIKE.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return `---\n${doc.toString({ lineWidth: 0 })}---\n`;
}
