/**
 * /p/share-cards.json: what every share page shows (src/corpus/share-cards.ts), written by the
 * build for src/integrations/share-pages.ts, which writes the pages and then deletes the file:
 * it is a build step's input, not part of the published site.
 */
import type { APIRoute } from 'astro';
import { getCorpus } from '../../corpus/model';
import { shareCards } from '../../corpus/share-cards';

export const GET: APIRoute = async () => new Response(JSON.stringify(shareCards(await getCorpus())), { headers: { 'Content-Type': 'application/json' } });
