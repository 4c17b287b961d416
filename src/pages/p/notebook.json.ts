/**
 * /p/notebook.json: the notebook's index (src/contract/endpoints.ts, NotebookIndexJson): every
 * article with its outlet and headline, the themes and the retired ids. No passage text: the
 * notebook loads that per article (/p/passages/<slug>.json), for the articles it needs.
 */
import type { APIRoute } from 'astro';
import { getCorpus } from '../../corpus/model';
import type { NotebookIndexJson } from '../../contract/endpoints';

export const GET: APIRoute = async () => {
  const { articles, themes, retiredIds } = await getCorpus();
  const index: NotebookIndexJson = {
    articles: articles.map((a) => ({ slug: a.slug, url: a.url, outlet: a.meta.outlet, headline: a.headline })),
    themes: themes.map((t) => ({ id: t.id, label: t.label })),
    retiredIds: Object.fromEntries(retiredIds),
  };
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } });
};
