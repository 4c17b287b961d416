/**
 * The one way the project reads a YAML input (the manifest, themes, entities, overrides,
 * claims, article frontmatter): parse, validate with a zod schema, and on any problem throw
 * an InputError naming the file, the line and the field.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { InputError } from './input-error';

export type YamlPath = readonly (string | number)[];

export interface YamlInput<T> {
  data: T;
  /** `file:line` of the node at a path (or of its nearest existing parent), for later checks. */
  where(path: YamlPath): string;
}

/** `articles[2].idPrefix` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('');
}

/**
 * Parses and validates; every schema problem is listed, each with its own line.
 * @param file how to name the file in messages (a path relative to the project)
 * @param hint what to do, after the problems (default: fix the file and run again)
 */
export function parseYamlInput<S extends z.ZodType>(text: string, schema: S, file: string, hint?: string): YamlInput<z.infer<S>> {
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0].line ?? 1;
    const reason = yamlError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError(`${file}:${line}`, `invalid YAML: ${reason}. Fix the syntax on that line.`);
  }
  const where = (path: YamlPath) => `${file}:${lineOf(doc, lines, path)}`;

  // An empty document (or only comments) reads as null; schemas with defaults then see {}.
  const result = schema.safeParse(doc.contents === null ? {} : doc.toJS());
  if (result.success) return { data: result.data, where };

  const problems = result.error.issues.map((issue) => {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    if (issue.code === 'unrecognized_keys' && issue.keys[0]) path.push(issue.keys[0]);
    return { path, message: issue.message };
  });
  const [first, ...rest] = problems;
  const describe = (p: { path: (string | number)[]; message: string }) =>
    `field ${p.path.length ? formatPath(p.path) : '(top level)'}: ${p.message}`;
  // One line, so command-line tools can print it as it is.
  const more = rest.map((p) => `; line ${where(p.path).slice(file.length + 1)}, ${describe(p)}`).join('');
  throw new InputError(where(first!.path), `${describe(first!)}${more}.${hint === '' ? '' : ` ${hint ?? 'Fix the file and run again.'}`}`);
}

/** parseYamlInput's data alone. */
export function parseYamlWithSchema<S extends z.ZodType>(text: string, schema: S, file: string, hint?: string): z.infer<S> {
  return parseYamlInput(text, schema, file, hint).data;
}

/** The line of a path's node, or of its nearest existing parent (1 when none has a position). */
function lineOf(doc: Document, lines: LineCounter, path: YamlPath): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return 1;
}
