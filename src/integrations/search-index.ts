/**
 * Pagefind's index of the search records (src/corpus/search-records.ts), written to a folder.
 *
 * Each record is handed to Pagefind as a small HTML document (`recordDocument`) in a scratch
 * folder that its `addDirectory` reads, not through `addCustomRecord`: in Pagefind 1.6 every
 * added record is first looked for among all those added before it (a scan of its page list),
 * so adding 30,000 records took 10–12 s and grew with their square, where reading 30,000 small
 * documents from a folder takes 2.5 s and grows with their number. The document carries
 * exactly the record: its text as the only indexed content (runs of white space read as one
 * space, as in any HTML), its filters as attributes (`key[data-value]`, so that no value is
 * ever parsed for commas or colons), and its URL and meta in its file's name
 * (src/contract/search.ts): a document's own URL is its file's, and Pagefind would search
 * the words of meta fields.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { escapeAttribute, escapeText } from 'entities';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../corpus/search-records';
import { FACET_TABLE_FILE, facetTableOf, type IndexedPage } from '../contract/facet-table';
import { recordDocumentPath } from '../contract/search';

/** Documents written to the scratch folder at a time. */
const BATCH = 200;

/** An empty element giving Pagefind one filter value, from its `data-value`. */
const filterTag = (key: string, value: string) =>
  `<span data-pagefind-filter="${escapeAttribute(key)}[data-value]" data-value="${escapeAttribute(value)}"></span>`;

/**
 * The HTML document Pagefind indexes for one record. Written as a string, escaped by
 * `entities`: building and serialising a hast tree per record took 1.7 s for 30,000 records,
 * this takes 0.13 s.
 */
export function recordDocument(record: SearchRecord): string {
  let tags = '';
  for (const [key, values] of Object.entries(record.filters)) for (const value of values) tags += filterTag(key, value);
  // the text in an inline element: at the end of a block Pagefind adds a full stop the text lacks
  return `<!doctype html><html lang="${escapeAttribute(record.language)}"><body>${tags}<span>${escapeText(record.content)}</span></body></html>`;
}

export interface IndexTimes {
  /** Records indexed. */
  indexed: number;
  /** Writing the documents and Pagefind reading them, ms. */
  addMs: number;
  /** Pagefind writing its index, ms. */
  writeMs: number;
  /** Reading Pagefind's fragments back and writing the facet table, ms. */
  tableMs: number;
}

/** Indexes `records` and writes Pagefind's files to `outputPath` (its `pagefind/` folder). */
export async function writeSearchIndex(records: readonly SearchRecord[], outputPath: string): Promise<IndexTimes> {
  const started = performance.now();
  const scratch = await mkdtemp(join(tmpdir(), 'dossier-records-'));
  try {
    for (let i = 0; i < records.length; i += BATCH) {
      await Promise.all(
        records.slice(i, i + BATCH).map(async (record) => {
          const path = join(scratch, recordDocumentPath(record));
          if (dirname(path) !== scratch) await mkdir(dirname(path), { recursive: true });
          await writeFile(path, recordDocument(record));
        }),
      );
    }
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: scratch });
    if (added.errors.length) throw new Error(`Pagefind could not index the search records: ${added.errors.slice(0, 5).join('; ')}`);
    if (added.page_count !== records.length) {
      throw new Error(`Pagefind indexed ${added.page_count} of the ${records.length} search records`);
    }
    const addedAt = performance.now();
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    const writtenAt = performance.now();
    const table = facetTableOf(indexedPages(join(outputPath, 'fragment')));
    await writeFile(join(outputPath, FACET_TABLE_FILE), JSON.stringify(table));
    return { indexed: records.length, addMs: addedAt - started, writeMs: writtenAt - addedAt, tableMs: performance.now() - writtenAt };
  } finally {
    await pagefind.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Pagefind's header before a decompressed file's content. */
const DECOMPRESSED = 'pagefind_dcd';

/**
 * Each result's id and filters, from the fragments Pagefind wrote (one file per result,
 * named by its id, gzipped JSON after Pagefind's header). Read one at a time, synchronously:
 * the files were just written, and 30,000 of them read in 0.5–0.7 s so, against 2.0–2.5 s
 * through `fs/promises` in batches.
 */
function indexedPages(folder: string): IndexedPage[] {
  // sorted: the table's order is the same from one build to the next
  const files = readdirSync(folder).filter((name) => name.endsWith('.pf_fragment')).sort();
  return files.map((name) => {
    const text = gunzipSync(readFileSync(join(folder, name))).toString('utf8');
    if (!text.startsWith(DECOMPRESSED)) throw new Error(`Pagefind fragment ${name}: not in the format this build reads`);
    const fragment = JSON.parse(text.slice(DECOMPRESSED.length)) as { filters?: IndexedPage['filters'] };
    if (!fragment.filters) throw new Error(`Pagefind fragment ${name} has no filters: one file per result was expected`);
    return { id: basename(name, '.pf_fragment'), filters: fragment.filters };
  });
}
