/**
 * Builds the Pagefind index as the last step of `astro build`, so one command produces the
 * site and its search. The documents are custom records — one per passage, pointing at its
 * anchor in the article, and one per editors' note — that the build wrote to
 * /search/records.json (src/corpus/search-records.ts); no HTML page is read. The file is
 * deleted once indexed. See the README's "Search contract".
 */
import type { AstroIntegration } from 'astro';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../corpus/search-records';

/** Where the build leaves the records, relative to the output folder. */
export const RECORDS_FILE = 'search/records.json';

/** Records sent to Pagefind at a time: its service takes them in parallel. */
const BATCH = 500;

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'dossier:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const recordsFile = `${site}${RECORDS_FILE}`;
        const started = performance.now();
        let records: SearchRecord[];
        try {
          records = JSON.parse(await readFile(recordsFile, 'utf8')) as SearchRecord[];
        } catch (error) {
          throw new Error(`Pagefind: cannot read the search records ${recordsFile} (src/pages/search/records.json.ts): ${String(error)}`);
        }
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        for (let i = 0; i < records.length; i += BATCH) {
          const added = await Promise.all(records.slice(i, i + BATCH).map((record) => index.addCustomRecord(record)));
          const failed = added.flatMap((a, j) => a.errors.map((e) => `${records[i + j]!.url}: ${e}`));
          if (failed.length) throw new Error(`Pagefind could not index ${failed.length} records: ${failed.slice(0, 5).join('; ')}`);
        }
        const added = performance.now();
        const written = await index.writeFiles({ outputPath: `${site}pagefind` });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        await rm(recordsFile);
        const ms = Math.round(performance.now() - started);
        // "indexed N pages in T ms": the wording the bench reads (scripts/bench/pipeline.ts)
        logger.info(
          `indexed ${records.length} pages in ${ms} ms (custom records: read and added in ${Math.round(added - started)} ms, ` +
            `index written in ${Math.round(performance.now() - added)} ms) → ${written.outputPath}`,
        );
      },
    },
  };
}
