/**
 * /p/passages.json: every passage's id, article and text, with the articles'
 * outlet and headline, the themes and the retired ids. The notebook loads it to
 * re-anchor annotations of every source (finding orphans), to group them by
 * theme and to label exports. Not loaded by article pages.
 */
import type { APIRoute } from 'astro';
import { getCorpus } from '../../corpus/model';
import type { PassagesJson } from '../../contract/endpoints';

export const GET: APIRoute = async () => {
  const { articles, themes, retiredIds } = await getCorpus();
  const index: PassagesJson = {
    articles: articles.map((a) => ({ slug: a.slug, url: a.url, outlet: a.meta.outlet, headline: a.headline })),
    themes: themes.map((t) => ({ id: t.id, label: t.label })),
    passages: articles.flatMap((a) => a.passages.map((p) => ({ id: p.id, article: a.slug, order: p.order, text: p.text, themes: p.themes }))),
    retiredIds: Object.fromEntries(retiredIds),
  };
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } });
};
