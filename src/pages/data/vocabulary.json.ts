/**
 * /data/vocabulary.json: the dossier's words and entity names, most frequent first, for the
 * search page's "Did you mean …" (loaded only when a search finds little). Compact JSON:
 * every byte is downloaded by a reader who mistyped.
 */
import type { APIRoute } from 'astro';
import { getCorpus } from '../../corpus/model';

export const GET: APIRoute = async () => {
  const { vocabulary } = await getCorpus();
  return new Response(JSON.stringify(vocabulary), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
