/** count-words: wordCount, readingMinutes and passageCount for the frontmatter. */
import { toString } from 'mdast-util-to-string';
import { readingMinutes, words } from '../text.ts';
import type { Stage } from '../types.ts';

const countWords: Stage = {
  name: 'count-words',
  description: 'Count the words of the body (headings and passages), the reading time and the passages.',
  transform(tree, file, { log }) {
    let wordCount = 0;
    let passageCount = 0;
    for (const node of tree.children) {
      if (node.type === 'paragraph') passageCount++;
      if (node.type === 'paragraph' || node.type === 'heading') wordCount += words(toString(node)).length;
    }
    file.data.stats = { wordCount, readingMinutes: readingMinutes(wordCount), passageCount };
    log(`${wordCount} words, ${file.data.stats.readingMinutes} min`);
  },
};

export default countWords;
