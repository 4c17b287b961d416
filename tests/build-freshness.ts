/**
 * Whether a built site is older than what it is built from, so the browser tests never run
 * against a stale build: the newest input file is compared with the build's last output
 * (Pagefind's index, written at the very end of `npm run build`).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What a build of the site reads: the dossier, the code, static files and the configs. */
export const BUILD_INPUTS = ['content', 'src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** The newest modification time (ms) under these files and folders; 0 when none exists. */
export function newestMtime(paths: readonly string[]): { mtime: number; file: string | null } {
  let newest = { mtime: 0, file: null as string | null };
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if (stat.mtimeMs > newest.mtime) {
      newest = { mtime: stat.mtimeMs, file: path };
    }
  };
  for (const path of paths) visit(path);
  return newest;
}

/** Why the site in `dist` must be (re)built, or null when it is up to date with `inputs`. */
export function whyRebuild(dist: string, inputs: readonly string[] = BUILD_INPUTS): string | null {
  const last = join(dist, 'pagefind', 'pagefind.js');
  if (!existsSync(join(dist, 'index.html')) || !existsSync(last)) return `no built site in ${dist}/`;
  const built = statSync(last).mtimeMs;
  const newest = newestMtime(inputs);
  return newest.mtime > built ? `${newest.file} changed after the last build` : null;
}
