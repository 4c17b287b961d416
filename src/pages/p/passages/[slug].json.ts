/**
 * /p/passages/<slug>.json: one article's passages (id, order, text, theme ids), for the
 * notebook to re-anchor and group the annotations on that article. Not loaded by article pages.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus, type Article } from '../../../corpus/model';
import type { ArticlePassagesJson } from '../../../contract/endpoints';

export const getStaticPaths = (async () => {
  const { articles } = await getCorpus();
  return articles.map((article) => ({ params: { slug: article.slug }, props: { article } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: Article }> = ({ props: { article } }) => {
  const body: ArticlePassagesJson = {
    article: article.slug,
    passages: article.passages.map((p) => ({ id: p.id, article: article.slug, order: p.order, text: p.text, themes: p.themes })),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
