/**
 * Builds the Pagefind index as the last step of `astro build`, so one command produces the
 * site and its search. The documents are the search records — one per passage, pointing at
 * its anchor in the article, and one per editors' note — that the build wrote to
 * /search/records.json (src/corpus/search-records.ts); no page of the site is read. They are
 * indexed by src/integrations/search-index.ts, and the file is deleted once indexed. See the
 * README's "Search contract".
 */
import type { AstroIntegration } from 'astro';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { SearchRecord } from '../corpus/search-records';
import { writeSearchIndex } from './search-index';

/** Where the build leaves the records, relative to the output folder. */
export const RECORDS_FILE = 'search/records.json';

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
        const read = performance.now() - started;
        const outputPath = `${site}pagefind`;
        const { addMs, writeMs, tableMs } = await writeSearchIndex(records, outputPath);
        await rm(recordsFile);
        const ms = Math.round(performance.now() - started);
        // "indexed N pages in T ms": the wording the bench reads (scripts/bench/pipeline.ts)
        logger.info(
          `indexed ${records.length} pages in ${ms} ms (records read in ${Math.round(read)} ms, ` +
            `added in ${Math.round(addMs)} ms, index written in ${Math.round(writeMs)} ms, facet table in ${Math.round(tableMs)} ms) → ${outputPath}`,
        );
      },
    },
  };
}
