/**
 * Builds the Pagefind index as the last step of `astro build`, so one command
 * produces the site and its search. What gets indexed is decided by the pages'
 * `data-pagefind-*` attributes (see the README's "Search contract").
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'dossier:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        // Only the share pages carry data-pagefind-body (one passage each); reading the
        // rest of the site would only cost time and memory.
        const added = await index.addDirectory({ path: site, glob: 'p/**/*.html' });
        if (added.errors.length) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${site}pagefind` });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        const ms = Math.round(performance.now() - started);
        logger.info(`indexed ${added.page_count} pages in ${ms} ms → ${written.outputPath}`);
      },
    },
  };
}
