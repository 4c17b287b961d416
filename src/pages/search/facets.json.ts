/**
 * /search/facets.json (SEARCH_FACETS_URL): every option of the search page's long facets,
 * which the page's HTML lists only the first few of (src/components/FacetGroup.astro).
 */
import type { APIRoute } from 'astro';
import type { SearchFacetsJson } from '../../contract/endpoints';
import { getCorpus } from '../../corpus/model';
import { facetOptionJson, searchFacets } from '../../corpus/views/search';

export const GET: APIRoute = async () => {
  const facets = searchFacets(await getCorpus());
  const body: SearchFacetsJson = { source: facets.source.map(facetOptionJson), entity: facets.entity.map(facetOptionJson) };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
