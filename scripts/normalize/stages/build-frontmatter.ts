/** build-frontmatter: the manifest entry (minus `file`) plus the computed fields, validated. */
import { articleFrontmatterSchema } from '../../../src/corpus/schema.ts';
import type { Stage } from '../types.ts';

const buildFrontmatter: Stage = {
  name: 'build-frontmatter',
  description: 'Assemble the frontmatter from the manifest entry and the computed fields, and validate it against the schema.',
  transform(_tree, file) {
    const { file: _file, ...entry } = file.data.entry!;
    // Validating here means a bug in a stage is caught before anything is written.
    file.data.frontmatter = articleFrontmatterSchema.parse({
      ...entry,
      source: file.data.sourcePath,
      ...file.data.stats,
      retiredIds: file.data.retiredIds ?? {},
    });
  },
};

export default buildFrontmatter;
