/**
 * The architecture's rules, checked on the import graph of src/:
 * no cycles; pages never reach into the browser's store; the store never reaches into pages
 * or the corpus model; browser code never pulls in Node, however indirectly.
 */
import { describe, expect, it } from 'vitest';
import { codeImports, cycles, importGraph, reachable } from '../gates/import-graph';

/**
 * Breaches being removed under issue 9 (step 3: published notes move out of the browser store
 * and the annotation model stops depending on its schema). Each must still be a breach: when
 * one is fixed this test says so, and its line here goes.
 */
const KNOWN_BREACHES = new Set<string>([]);

const graph = importGraph('src');
const files = [...graph.edges.keys()];
const under = (dir: string) => files.filter((f) => f.startsWith(dir));
function arrows(from: RegExp, to: RegExp): string[] {
  return [...graph.edges]
    .filter(([file]) => from.test(file))
    .flatMap(([file, targets]) => targets.filter((t) => to.test(t)).map((t) => `${file} → ${t}`));
}

/** Each rule's breaches, named so that a message says what imports what. */
const rules = {
  cycles: () => cycles(graph.edgesWithTypes).map((c) => `cycle: ${c.join(' ⇄ ')}`),
  pagesToStore: () => arrows(/^src\/(pages|components|layouts)\//, /^src\/client\/store\//),
  storeToPages: () => arrows(/^src\/client\/store\//, /^src\/(pages|corpus)\//),
  clientToNode: () =>
    [...reachable(graph.edges, under('src/client/'))]
      .filter(([file]) => (graph.nodeBuiltins.get(file) ?? []).length > 0)
      .map(([file, chain]) => `${chain.join(' → ')} imports ${graph.nodeBuiltins.get(file)!.join(', ')}`),
};

const unexpected = (breaches: string[]) => breaches.filter((b) => !KNOWN_BREACHES.has(b));

describe('import graph', () => {
  it('should read code imports and leave type-only imports out', () => {
    const source = [
      "import a from './a';",
      "import type { B } from './b';",
      "import { type C } from './c';",
      "import { type D, e } from './d';",
      "export { f } from './f';",
      "export type { G } from './g';",
      "const h = await import('./h');",
      "import 'node:fs';",
    ].join('\n');
    expect(codeImports(source)).toEqual(['./a', './d', './f', './h', 'node:fs']);
    expect(codeImports(source, 'm.ts', true)).toHaveLength(8);
    expect(cycles(new Map([['a', ['b']], ['b', ['a']], ['c', ['a']]]))).toEqual([['a', 'b']]);
  });

  it('should see the whole of src/, .astro files included', () => {
    expect(under('src/pages/').length).toBeGreaterThan(5);
    expect(under('src/client/').length).toBeGreaterThan(20);
    expect(graph.edges.get('src/components/Passage.astro')?.length).toBeGreaterThan(0);
  });
});

describe('architecture', () => {
  it('should have no import cycles, counting type imports', () => {
    expect(unexpected(rules.cycles())).toEqual([]);
  });

  it('should keep pages, layouts and components out of the browser store (src/client/store/)', () => {
    expect(unexpected(rules.pagesToStore())).toEqual([]);
  });

  it('should keep the browser store free of pages and the corpus model', () => {
    expect(unexpected(rules.storeToPages())).toEqual([]);
  });

  it('should never bring a Node module into browser code (src/client/), however indirectly', () => {
    expect(unexpected(rules.clientToNode())).toEqual([]);
  });

  it('should list only breaches that still exist (remove a fixed one from KNOWN_BREACHES)', () => {
    const all = new Set(Object.values(rules).flatMap((rule) => rule()));
    expect([...KNOWN_BREACHES].filter((b) => !all.has(b))).toEqual([]);
  });
});
