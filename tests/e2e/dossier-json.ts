/**
 * The built /data/dossier.json as the browser tests see it: themes, entities and passages
 * with their analysis, read from the site itself so the tests never hard-code a count.
 */
import type { APIRequestContext } from '@playwright/test';
import type { DossierJson } from '../../src/corpus/dossier-json';

export type { DossierJson };

export async function loadDossier(request: APIRequestContext): Promise<DossierJson> {
  const response = await request.get('/data/dossier.json');
  if (!response.ok()) throw new Error(`/data/dossier.json: HTTP ${response.status()} (is the site built?)`);
  return (await response.json()) as DossierJson;
}

/** Passages of an article on a theme, in reading order. */
export const passagesOn = (dossier: DossierJson, themeId: string, slug?: string) =>
  dossier.passages.filter((p) => p.themes.includes(themeId) && (!slug || p.article === slug));

export const passageById = (dossier: DossierJson) => new Map(dossier.passages.map((p) => [p.id, p]));
