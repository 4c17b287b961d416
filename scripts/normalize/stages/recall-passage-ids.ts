/** recall-passage-ids: read the ids of the previous output, the memory that keeps ids stable. */
import { InputError } from '../../../src/corpus/input-error.ts';
import { NormalizeError } from '../errors.ts';
import { parsePreviousArticle } from '../previous-output.ts';
import type { Stage } from '../types.ts';

const recallPassageIds: Stage = {
  name: 'recall-passage-ids',
  description: 'Parse the previous content/articles/<slug>.md, if any, into its passages (id + text) and retired ids.',
  transform(_tree, file, { log }) {
    const markdown = file.data.previousMarkdown ?? null;
    const where = file.data.previousPath ?? 'the previous output';
    const prefix = file.data.entry!.idPrefix;
    if (markdown === null) {
      file.data.previous = null;
      log('no previous output: every passage gets a fresh id');
      return;
    }
    try {
      const previous = parsePreviousArticle(markdown, where);
      const foreign = [...previous.passages.map((p) => p.id), ...Object.keys(previous.retiredIds)].find(
        (id) => !id.startsWith(`${prefix}-`),
      );
      if (foreign) throw new InputError(where, `passage id ${foreign} does not start with this article's idPrefix "${prefix}"`);
      file.data.previous = previous;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new NormalizeError(
        error.where,
        `cannot read the previous passage ids: ${error.problem.replace(/\.$/, '')}. Restore the file from git (it keeps the ids stable), or delete it to give every passage a fresh id.`,
      );
    }
  },
};

export default recallPassageIds;
