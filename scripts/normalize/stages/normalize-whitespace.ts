/** normalize-whitespace: NBSP → space, runs of whitespace collapsed, ends trimmed. */
import { visit } from 'unist-util-visit';
import { normalizeSpace } from '../text.ts';
import type { Stage } from '../types.ts';

const normalizeWhitespace: Stage = {
  name: 'normalize-whitespace',
  description: 'Turn no-break spaces and other odd spaces into plain spaces, collapse runs, trim: the only change made to the words.',
  transform(tree) {
    visit(tree, 'text', (node) => {
      node.value = normalizeSpace(node.value);
    });
  },
};

export default normalizeWhitespace;
