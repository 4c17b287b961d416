/**
 * The "tagging and cross-links" stage on its own, for the benchmark: reads the normalised
 * articles of the project it runs in (the bench runs it inside a scratch copy), runs the
 * analysis layer (themes, related passages, entities, vocabulary) once, and prints a
 * one-line JSON summary. The site computes the same during `astro build`.
 */
import { analyse } from '../../src/corpus/analysis';
import { readEntities, readThemeOverrides, readThemes } from '../../src/corpus/analysis-data';
import { readArticlesFromDisk } from '../../src/corpus/read-articles';

const articles = readArticlesFromDisk();
const passages = articles.flatMap((a) => a.passages);
const ids = new Set(passages.map((p) => p.id));
// Hand-made overrides name the real dossier's passages; a synthetic corpus has none of them.
const overrides = Object.fromEntries(Object.entries(readThemeOverrides()).filter(([id]) => ids.has(id)));

const analysis = analyse({ passages, themes: readThemes(), overrides, entityAliases: readEntities() });

const serialised = JSON.stringify({
  passageThemes: [...analysis.passageThemes],
  related: [...analysis.related],
  entities: analysis.entities,
  vocabulary: analysis.vocabulary,
});
console.log(
  JSON.stringify({
    passages: passages.length,
    tagged: [...analysis.passageThemes.values()].filter((t) => t.length).length,
    relatedLinks: [...analysis.related.values()].reduce((n, links) => n + links.length, 0),
    entities: analysis.entities.entities.length,
    words: analysis.vocabulary.words.length,
    bytes: Buffer.byteLength(serialised),
  }),
);
