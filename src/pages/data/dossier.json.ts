/**
 * /data/dossier.json: the whole dossier as open data (articles with their metadata and its
 * certainty, passages with themes, entity mentions and related passages, themes, entities),
 * described by /data/dossier.schema.json. Built from the same model the pages render.
 */
import type { APIRoute } from 'astro';
import { readThemes } from '../../corpus/analysis-data';
import { getCorpus } from '../../corpus/model';
import { dossierData } from '../../corpus/views/data';

export const GET: APIRoute = async () => {
  const data = dossierData(await getCorpus(), readThemes());
  return new Response(`${JSON.stringify(data, null, 1)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
