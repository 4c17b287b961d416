/**
 * The built site as the gates see it: every .html file under dist/, with its site path
 * and page type. Reads the file system only; no server, no browser.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pageTypeOf, sampleSizeOf } from './page-types';

export interface BuiltPage {
  /** Absolute path of the .html file. */
  file: string;
  /** Path of the page on the site: "/", "/articles/cnn-isis-2-0/", "/404.html". */
  path: string;
  /** Page type (see page-types.ts). */
  type: string;
}

/** Every file under `dir`, as paths relative to it with "/" separators, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The site path a file is served under: "a/b/index.html" → "/a/b/", "404.html" → "/404.html". */
export function sitePathOf(relativeFile: string): string {
  if (relativeFile === 'index.html') return '/';
  if (relativeFile.endsWith('/index.html')) return `/${relativeFile.slice(0, -'index.html'.length)}`;
  return `/${relativeFile}`;
}

/** Every page of the built site, sorted by path. Throws, saying what to do, when there is no build. */
export function builtPages(dist = 'dist'): BuiltPage[] {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`No built site in ${dist}/ (no index.html): run \`npm run build\` first.`);
  }
  return listFiles(dist)
    .filter((f) => f.endsWith('.html'))
    .map((f) => {
      const path = sitePathOf(f);
      return { file: join(dist, f), path, type: pageTypeOf(path) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The pages the browser gates open: the first few of each type, in path order (see page-types.ts). */
export function samplePages(pages: BuiltPage[]): BuiltPage[] {
  const byType = new Map<string, BuiltPage[]>();
  for (const page of pages) byType.set(page.type, [...(byType.get(page.type) ?? []), page]);
  return [...byType.entries()].flatMap(([type, list]) => list.slice(0, sampleSizeOf(type)));
}
