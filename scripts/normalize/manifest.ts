/** Reads and validates content/sources/sources.yaml; errors name the line and the field. */
import { manifestSchema, type Manifest } from '../../src/corpus/schema.ts';
import { parseYamlWithSchema } from '../../src/corpus/yaml.ts';

export { formatPath } from '../../src/corpus/yaml.ts';

/**
 * @param text  the manifest's text
 * @param where how to name the manifest in messages
 * @throws InputError naming the line, and the field when the schema rejects one
 */
export function parseManifest(text: string, where: string): Manifest {
  return parseYamlWithSchema(text, manifestSchema, where, 'Fix it (the schema is in src/corpus/schema.ts).');
}
