/**
 * /search/records.json: the search index's documents (src/corpus/search-records.ts), written
 * by the build for src/integrations/pagefind.ts, which indexes them and then deletes the file:
 * it is a build step's input, not part of the published site.
 */
import type { APIRoute } from 'astro';
import { getCorpus } from '../../corpus/model';
import { searchRecords } from '../../corpus/search-records';

export const GET: APIRoute = async () => {
  const corpus = await getCorpus();
  const notes = [...corpus.notesByPassage.values()].flat();
  return new Response(JSON.stringify(searchRecords(corpus, notes)), { headers: { 'Content-Type': 'application/json' } });
};
