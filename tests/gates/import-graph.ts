/**
 * The import graph of src/, for the architecture rules (tests/unit/architecture.test.ts).
 * Imports are read with TypeScript's parser from .ts files and from .astro files' frontmatter
 * and <script> blocks. Type-only imports are left out: they vanish at build time and carry no
 * code across a boundary.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface ImportGraph {
  /** project-relative file → project-relative files it imports (code, not types) */
  edges: Map<string, string[]>;
  /** the same with type-only imports too: two modules that need each other's types are still tangled */
  edgesWithTypes: Map<string, string[]>;
  /** project-relative file → Node built-in modules it imports ('node:fs', 'path'…) */
  nodeBuiltins: Map<string, string[]>;
}

const NODE_BUILTINS = new Set(builtinModules);
const EXTENSIONS = ['', '.ts', '.astro', '.mjs', '.js', '/index.ts'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full);
    return /\.(ts|astro|mjs)$/.test(name) ? [full] : [];
  });
}

/** The code an .astro file runs at build time or in the browser. */
function astroScripts(text: string): string {
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [frontmatter, ...scripts].join('\n');
}

/** Module specifiers imported for their code (static imports, re-exports, dynamic import()). */
export function codeImports(source: string, fileName = 'module.ts', withTypes = false): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (withTypes || !typeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (withTypes || !node.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function resolveRelative(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The graph of every module under `dir` (default src/), with paths relative to `root`. */
export function importGraph(dir = 'src', root = process.cwd()): ImportGraph {
  const edges = new Map<string, string[]>();
  const edgesWithTypes = new Map<string, string[]>();
  const nodeBuiltins = new Map<string, string[]>();
  const rel = (p: string) => relative(root, p).split(sep).join('/');
  for (const file of filesUnder(resolve(root, dir))) {
    const text = readFileSync(file, 'utf8');
    const code = file.endsWith('.astro') ? astroScripts(text) : text;
    const local: string[] = [];
    const builtins: string[] = [];
    for (const specifier of codeImports(code, file)) {
      if (specifier.startsWith('.')) {
        const target = resolveRelative(file, specifier);
        if (target) local.push(rel(target));
      } else if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]!)) {
        builtins.push(specifier);
      }
    }
    edges.set(rel(file), [...new Set(local)]);
    nodeBuiltins.set(rel(file), builtins);
    const withTypes = codeImports(code, file, true)
      .filter((s) => s.startsWith('.'))
      .map((s) => resolveRelative(file, s))
      .filter((t): t is string => t !== null)
      .map(rel);
    edgesWithTypes.set(rel(file), [...new Set(withTypes)]);
  }
  return { edges, edgesWithTypes, nodeBuiltins };
}

/** Every cycle, each once, as the files around it (Tarjan's strongly connected components). */
export function cycles(edges: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) components.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) connect(v);
  return components;
}

/** For each module the `from` files reach, the import chain that reaches it first (breadth-first). */
export function reachable(edges: Map<string, string[]>, from: string[]): Map<string, string[]> {
  const paths = new Map<string, string[]>(from.map((f) => [f, [f]]));
  const queue = [...from];
  while (queue.length) {
    const at = queue.shift()!;
    for (const next of edges.get(at) ?? []) {
      if (paths.has(next)) continue;
      paths.set(next, [...paths.get(at)!, next]);
      queue.push(next);
    }
  }
  return paths;
}
