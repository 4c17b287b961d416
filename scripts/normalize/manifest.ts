/** Reads and validates content/sources/sources.yaml; errors name the line and the field. */
import { LineCounter, parseDocument } from 'yaml';
import { manifestSchema, type Manifest } from '../../src/corpus/schema.ts';
import { NormalizeError } from './errors.ts';

/** `articles[2].idPrefix` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('');
}

/**
 * @param text  the manifest's text
 * @param where how to name the manifest in messages
 * @throws NormalizeError naming the line, and the field when the schema rejects one
 */
export function parseManifest(text: string, where: string): Manifest {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: true, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0].line ?? 1;
    const reason = yamlError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new NormalizeError(`${where}:${line}`, `invalid YAML: ${reason}. Fix the syntax on that line.`);
  }

  const result = manifestSchema.safeParse(doc.toJS());
  if (result.success) return result.data;

  const issue = result.error.issues[0]!;
  const path = [...issue.path];
  if (issue.code === 'unrecognized_keys' && issue.keys[0]) path.push(issue.keys[0]);
  // The line of the field, or of the nearest enclosing node that exists.
  let line = 1;
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    if (node?.range) {
      line = lineCounter.linePos(node.range[0]).line;
      break;
    }
  }
  const field = path.length ? formatPath(path) : '(top level)';
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problem${result.error.issues.length > 2 ? 's' : ''})` : '';
  throw new NormalizeError(
    `${where}:${line}`,
    `field ${field}: ${issue.message}${more}. Fix it (the schema is in src/corpus/schema.ts).`,
  );
}
