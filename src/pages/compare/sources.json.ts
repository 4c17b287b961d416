/**
 * /compare/sources.json (COMPARE_SOURCES_URL): every source of the dossier, in publication
 * order, for the compare view of a dossier larger than its pages hold.
 */
import type { APIRoute } from 'astro';
import type { CompareSourceJson } from '../../contract/endpoints';
import { sourceYear } from '../../corpus/compare';
import { getCorpus } from '../../corpus/model';
import { sourceNamer } from '../../corpus/views/sources';

export const GET: APIRoute = async () => {
  const { articles } = await getCorpus();
  const nameOf = sourceNamer(articles);
  const body: CompareSourceJson[] = articles.map((a) => ({
    slug: a.slug,
    outlet: a.meta.outlet,
    headline: a.headline,
    name: nameOf(a),
    year: sourceYear(a.meta.published),
  }));
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
