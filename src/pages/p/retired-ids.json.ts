/**
 * /p/retired-ids.json: retired passage id → the surviving passage (the normaliser's
 * `retiredIds`), for the article page to follow an old `#id` link. Fetched only
 * when a link names a passage the page does not have.
 */
import type { APIRoute } from 'astro';
import type { RetiredIdsJson } from '../../contract/endpoints';
import { getCorpus } from '../../corpus/model';

export const GET: APIRoute = async () => {
  const { retiredIds } = await getCorpus();
  const json: RetiredIdsJson = Object.fromEntries([...retiredIds].sort());
  return new Response(JSON.stringify(json), { headers: { 'Content-Type': 'application/json' } });
};
