/** /data/dossier.json: the whole dossier as data, from the same model the pages render. */
import type { ThemesFile } from '../analysis-schema';
import { buildDossierJson } from '../dossier-json';
import { articleUrl, type Corpus } from '../model';

export function dossierData(corpus: Corpus, themesFile: ThemesFile) {
  const passages = [...corpus.passagesById.values()];
  return buildDossierJson({
    title: corpus.title,
    description: corpus.description,
    articles: corpus.articles,
    themes: themesFile,
    passageThemes: new Map(passages.map((p) => [p.id, p.themes])),
    related: new Map(passages.map((p) => [p.id, p.related])),
    entities: { entities: corpus.entities },
    articleUrl,
  });
}
