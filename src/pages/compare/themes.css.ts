/**
 * /compare/themes.css: each theme's colour as a custom property (--theme) on anything marked
 * data-theme="<id>", generated from the taxonomy so colours live in data, not in markup
 * (the CSP forbids inline styles).
 */
import type { APIRoute } from 'astro';
import { themeStylesheet } from '../../corpus/compare';
import { getCorpus } from '../../corpus/model';

export const GET: APIRoute = async () => {
  const { themes } = await getCorpus();
  return new Response(themeStylesheet(themes), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
