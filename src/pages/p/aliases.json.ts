/**
 * /p/aliases.json: retired passage id → the surviving passage (the normaliser's
 * alias map), for the article page to follow an old `#id` link. Fetched only
 * when a link names a passage the page does not have.
 */
import type { APIRoute } from 'astro';
import { getCorpus } from '../../corpus/model';

export const GET: APIRoute = async () => {
  const { retiredIds } = await getCorpus();
  return new Response(JSON.stringify(Object.fromEntries([...retiredIds].sort())), {
    headers: { 'Content-Type': 'application/json' },
  });
};
