/** assign-passage-ids: give every paragraph a stable id (see passage-ids.ts for the rules). */
import { toString } from 'mdast-util-to-string';
import { assignPassageIds as assign } from '../passage-ids.ts';
import type { Stage } from '../types.ts';

const assignPassageIds: Stage = {
  name: 'assign-passage-ids',
  description: 'Match paragraphs to the previous passages (same text, then similar text nearby), hash new ones, retire the rest.',
  transform(tree, file, { log }) {
    const texts = tree.children.filter((node) => node.type === 'paragraph').map((node) => toString(node));
    const { ids, retiredIds, report } = assign({
      prefix: file.data.entry!.idPrefix,
      texts,
      previous: file.data.previous ?? null,
    });
    file.data.passageIds = ids;
    file.data.retiredIds = retiredIds;
    file.data.idReport = report;
    const retired = report.retired.length ? ` (${report.retired.join(', ')})` : '';
    log(`${ids.length} passages: ${report.exact} unchanged, ${report.similar} edited, ${report.fresh} new; ${report.retired.length} retired${retired}`);
  },
};

export default assignPassageIds;
