/** /data/dossier.schema.json: the JSON Schema (draft 2020-12) that /data/dossier.json follows. */
import type { APIRoute } from 'astro';
import { dossierJsonSchema } from '../../corpus/dossier-json';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(dossierJsonSchema(), null, 2)}\n`, {
    headers: { 'content-type': 'application/schema+json; charset=utf-8' },
  });
