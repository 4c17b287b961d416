/** mark-passages: put `<!-- passage <id> -->` before each paragraph. */
import type { Html, RootContent } from 'mdast';
import { passageMarker } from '../../../src/contract/passage-id.ts';
import type { Stage } from '../types.ts';

const markerNode = (id: string): Html => ({ type: 'html', value: passageMarker(id) });

const markPassages: Stage = {
  name: 'mark-passages',
  description: 'Insert an HTML comment naming the passage id before every paragraph.',
  transform(tree, file) {
    const ids = file.data.passageIds ?? [];
    let next = 0;
    const children: RootContent[] = [];
    for (const node of tree.children) {
      if (node.type === 'paragraph') children.push(markerNode(ids[next++]!));
      children.push(node);
    }
    tree.children = children;
  },
};

export default markPassages;
