/**
 * A build replaces the site only when it succeeds: Astro writes into a sibling folder
 * (`dist.building/` for `dist/`), and the finished site (pages and search index) is swapped
 * in as the build's very last step. A build that fails leaves the previous site untouched
 * and its partial output in the sibling folder, for a look, until the next build. The old
 * site is moved aside and deleted by a process of its own, which the build does not wait
 * for: deleting a large site's tens of thousands of files takes seconds.
 *
 * It also gives the build's own caches a home inside Astro's cacheDir ($DOSSIER_CACHE_DIR,
 * read by src/corpus/analysis-cache.ts), so a scratch project with its own cacheDir has its
 * own analysis cache too.
 */
import type { AstroIntegration } from 'astro';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const withoutSlash = (dir: string) => dir.replace(/[\\/]+$/, '');

/** The folder a build writes into before it is swapped in. */
export const buildingDir = (outDir: string) => `${withoutSlash(outDir)}.building`;

const ASIDE = '.previous-';

/**
 * Puts `from` in the place of `to`. The old `to` is moved aside, to a name of its own
 * (`dist.previous-<time>`), which is returned for the caller to delete; null if there was none.
 */
export function swapIn(from: string, to: string): string | null {
  const target = withoutSlash(to);
  const aside = existsSync(target) ? `${target}${ASIDE}${Date.now()}-${process.pid}` : null;
  if (aside) renameSync(target, aside);
  renameSync(from, target);
  return aside;
}

/** Deletes folders in a detached process that outlives this one. */
export function removeInBackground(dirs: readonly string[]): void {
  if (!dirs.length) return;
  const code = `for (const d of ${JSON.stringify(dirs)}) require('node:fs').rmSync(d, { recursive: true, force: true })`;
  spawn(process.execPath, ['-e', code], { detached: true, stdio: 'ignore' }).unref();
}

/** Sites moved aside by earlier builds whose deletion did not finish (the machine stopped meanwhile). */
export function leftAside(outDir: string): string[] {
  const target = withoutSlash(outDir);
  const parent = dirname(target);
  const prefix = `${basename(target)}${ASIDE}`;
  return existsSync(parent) ? readdirSync(parent).filter((name) => name.startsWith(prefix)).map((name) => join(parent, name)) : [];
}

/** Must come after every integration that writes into the output in `astro:build:done` (Pagefind). */
export default function atomicOutput(): AstroIntegration {
  let finalDir = '';
  return {
    name: 'dossier:atomic-output',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        process.env.DOSSIER_CACHE_DIR ??= join(fileURLToPath(config.cacheDir), 'dossier');
        if (command !== 'build') return;
        finalDir = fileURLToPath(config.outDir);
        const temp = buildingDir(finalDir);
        rmSync(temp, { recursive: true, force: true });
        removeInBackground(leftAside(finalDir));
        updateConfig({ outDir: pathToFileURL(`${temp}/`) });
      },
      'astro:build:done': ({ dir, logger }) => {
        const aside = swapIn(fileURLToPath(dir), finalDir);
        if (aside) removeInBackground([aside]);
        logger.info(`site written to ${finalDir}${aside ? ' (the previous one is being deleted in the background)' : ''}`);
      },
    },
  };
}
