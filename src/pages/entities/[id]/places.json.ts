/**
 * /entities/<id>/places.json (entityPlacesUrl), for each entity whose mentions run past one page:
 * which of the dossier's sources name it and the page where each one's mentions begin, for its
 * pages' "Find a source".
 */
import type { APIRoute } from 'astro';
import type { EntityPlacesJson } from '../../../contract/endpoints';
import { getCorpus } from '../../../corpus/model';
import { mentionPlaces } from '../../../corpus/views/entity';

export async function getStaticPaths() {
  const corpus = await getCorpus();
  return corpus.entities.flatMap((entity) => {
    const places = mentionPlaces(corpus, entity.id);
    return places ? [{ params: { id: entity.id }, props: { places } }] : [];
  });
}

export const GET: APIRoute = ({ props }) => {
  const body: EntityPlacesJson = props.places;
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
