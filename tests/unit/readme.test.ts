/**
 * The README is checked against the tree: every path it names exists, the normaliser's stage
 * table is the pipeline's order, and its counts of articles, passages and themes are the dossier's.
 */
import { existsSync, globSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { stages } from '../../scripts/normalize/pipeline';
import { readArticlesFromDisk } from '../../src/corpus/read-articles';

const README = readFileSync('README.md', 'utf8');

/** Build output and caches: named in the README, made by commands, not in the tree. */
const GENERATED = ['dist/', 'bench-results/', 'node_modules/'];
const TOP_DIRS = ['.ci', 'content', 'public', 'scripts', 'src', 'tests'];
const PATH_RE = new RegExp(`(?<![\\w/.:-])((?:${TOP_DIRS.map((d) => d.replace('.', '\\.')).join('|')})/[\\w./<>*@\\[\\]-]*)`, 'g');

/** A README path as a glob: `<slug>` stands for any name, trailing punctuation dropped. */
function asGlob(path: string): string {
  return path.replace(/[.,:;)]+$/, '').replace(/<[^>]+>/g, '*');
}

function exists(glob: string): boolean {
  return glob.includes('*') ? globSync(glob).length > 0 : existsSync(glob);
}

/** Paths written from the project root, anywhere in the README. */
function rootPaths(): string[] {
  return [...README.matchAll(PATH_RE)].map((m) => asGlob(m[1]!));
}

/**
 * The "Project layout" block also names files relative to a row's folder
 * (`src/corpus/  the corpus model: schema.ts (zod), parse.ts…`).
 */
function layoutPaths(): string[] {
  const block = /## Project layout\s+```\n([\s\S]*?)```/.exec(README)?.[1];
  if (!block) throw new Error('README.md has no "Project layout" code block');
  const found: string[] = [];
  let folder = '';
  for (const line of block.split('\n')) {
    const head = /^(\S+)\s/.exec(line)?.[1];
    if (head) folder = head.endsWith('/') ? head : `${dirname(head)}/`;
    const description = head ? line.slice(head.length) : line;
    for (const m of description.matchAll(/(?<![\w/.-])([a-z][\w-]*(?:\.[a-z]+|\/))(?=[\s,):;]|$)/g)) {
      const name = m[1]!;
      if (GENERATED.includes(name) || !/\.(ts|mjs|json|yaml|md)$|\/$/.test(name)) continue;
      found.push(join(folder, name));
    }
  }
  return found;
}

describe('README', () => {
  it('should name only paths that exist', () => {
    const paths = [...new Set([...rootPaths(), ...layoutPaths()])];
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((p) => !GENERATED.some((g) => p.startsWith(g)) && !exists(p))).toEqual([]);
  });

  it('should place each function it names in the file that defines it', () => {
    // "… in `src/corpus/model.ts` (`analyse()`)": the function is defined (exported) there.
    const placed = [...README.matchAll(/`([\w./-]+\.ts)` \(`(\w+)\(\)`\)/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(placed.length).toBeGreaterThan(0);
    const misplaced = placed.filter(([file, fn]) => {
      const source = existsSync(file) ? readFileSync(file, 'utf8') : '';
      return !new RegExp(`export (async )?function\\*? ?${fn}\\b`).test(source);
    });
    expect(misplaced).toEqual([]);
  });

  it("should list the normaliser's stages in the pipeline's order", () => {
    const section = /### The normaliser's stages([\s\S]*?)\n#/.exec(README)?.[1] ?? '';
    const rows = [...section.matchAll(/^\| ([a-z-]+) \|/gm)].map((m) => m[1]).filter((name) => name !== 'stage');
    expect(rows).toEqual(stages.map((s) => s.name));
  });

  // Dated measurements (the benchmark's table, the theme evaluation) keep the counts they were
  // taken on; the sentences that describe the dossier as it is now are checked.
  it("should give the dossier's counts of articles and themes", () => {
    const articles = readArticlesFromDisk();
    const themes = (parse(readFileSync('content/themes.yaml', 'utf8')) as { themes: unknown[] }).themes.length;
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
    expect(README).toContain(`The first dossier holds ${words[articles.length]} articles`);
    expect(README).toContain(`the taxonomy: ${words[themes]} themes`);
  });
});
