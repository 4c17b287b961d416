/**
 * /themes.css: one custom property per theme (its colour in light and dark), generated
 * from content/themes.yaml so a new theme needs no CSS. A file, not inline styles, so the
 * Content-Security-Policy needs no exception.
 */
import type { APIRoute } from 'astro';
import { getCorpus } from '../corpus/model';

export const GET: APIRoute = async () => {
  const { themes } = await getCorpus();
  const rules = themes.map((t) => `.theme-${t.id}{--theme:light-dark(${t.color},${t.colorDark})}`);
  return new Response(`/* generated from content/themes.yaml */\n${rules.join('\n')}\n`, {
    headers: { 'content-type': 'text/css; charset=utf-8' },
  });
};
