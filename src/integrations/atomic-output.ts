/**
 * A build replaces the site only when it succeeds: Astro writes into a sibling folder
 * (`dist.building/` for `dist/`), and the finished site (pages and search index) is swapped
 * in as the build's very last step. A build that fails leaves the previous site untouched
 * and its partial output in the sibling folder, for a look, until the next build.
 *
 * It also gives the build's own caches a home inside Astro's cacheDir ($DOSSIER_CACHE_DIR,
 * read by src/corpus/analysis-cache.ts), so a scratch project with its own cacheDir has its
 * own analysis cache too.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The folder a build writes into before it is swapped in. */
export const buildingDir = (outDir: string) => `${outDir.replace(/[\\/]+$/, '')}.building`;

/** Puts `from` in the place of `to`: the old `to` is moved aside first and removed last. */
export function swapIn(from: string, to: string): void {
  const aside = `${to.replace(/[\\/]+$/, '')}.previous`;
  rmSync(aside, { recursive: true, force: true });
  if (existsSync(to)) renameSync(to, aside);
  renameSync(from, to);
  rmSync(aside, { recursive: true, force: true });
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
        updateConfig({ outDir: pathToFileURL(`${temp}/`) });
      },
      'astro:build:done': ({ dir, logger }) => {
        swapIn(fileURLToPath(dir), finalDir);
        logger.info(`site written to ${finalDir}`);
      },
    },
  };
}
