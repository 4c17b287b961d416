/**
 * /themes/<id>/places.json (themePlacesUrl), for each theme whose columns run past one page:
 * which of the dossier's sources have no column, for its pages' "Find a source".
 */
import type { APIRoute } from 'astro';
import { themePageCount } from '../../../contract/routes';
import type { ThemePlacesJson } from '../../../contract/endpoints';
import { getCorpus } from '../../../corpus/model';
import { themeLayout } from '../../../corpus/views/theme';

export async function getStaticPaths() {
  const corpus = await getCorpus();
  return corpus.themes
    .map((theme) => ({ theme, layout: themeLayout(corpus, theme.id) }))
    .filter(({ layout }) => themePageCount(layout) > 1)
    .map(({ theme, layout }) => ({ params: { id: theme.id }, props: { layout } }));
}

export const GET: APIRoute = ({ props }) => {
  const body: ThemePlacesJson = props.layout;
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
