/**
 * Indexes over the corpus model that many pages need: built once per corpus (memoised), so a
 * page's view costs what the page shows, never a scan of the whole corpus. Without them a
 * share page looked through every entity's mentions and an article page through every other
 * source's passages: the build grew with the square of the dossier.
 */
import type { Article, Corpus, Passage } from './model';
import { ENTITY_KIND_LABEL } from './entity-kinds';

export interface Lookups {
  /** Entity id → its value in the search index's `entity` filter (see entityFilterValues). */
  entityFilterValue: Map<string, string>;
  /** Passage id → the filter values of the entities it names, in the corpus' entity order. */
  entitiesByPassage: Map<string, string[]>;
  /** Entity id → article slug → mentions in that article. */
  mentionsPerSource: Map<string, Map<string, number>>;
  /** Entity id → distinct passages naming it. */
  passagesPerEntity: Map<string, number>;
  /** Theme id → article slug → the article's passages on the theme, in reading order. */
  themePassages: Map<string, Map<string, Passage[]>>;
  /** Theme id → passages on it in the whole dossier. */
  themeTotals: Map<string, number>;
  /** Article slug → its position in publication order (where its column falls on paginated pages). */
  articleIndex: Map<string, number>;
}

const memo = new WeakMap<Corpus, Lookups>();

export function lookups(corpus: Corpus): Lookups {
  let found = memo.get(corpus);
  if (!found) {
    found = buildLookups(corpus);
    memo.set(corpus, found);
  }
  return found;
}

/**
 * The value an entity has in the search index's `entity` filter: its name, or, when two
 * entities share a name, the name with its kind (filter values must tell them apart).
 */
function filterValues(corpus: Corpus): Map<string, string> {
  const byName = new Map<string, number>();
  for (const e of corpus.entities) byName.set(e.name, (byName.get(e.name) ?? 0) + 1);
  return new Map(
    corpus.entities.map((e) => [
      e.id,
      byName.get(e.name)! > 1 ? `${e.name} (${ENTITY_KIND_LABEL[e.kind].singular.toLowerCase()})` : e.name,
    ]),
  );
}

function buildLookups(corpus: Corpus): Lookups {
  const entityFilterValue = filterValues(corpus);
  const entitiesByPassage = new Map<string, string[]>();
  const mentionsPerSource = new Map<string, Map<string, number>>();
  const passagesPerEntity = new Map<string, number>();
  for (const entity of corpus.entities) {
    const value = entityFilterValue.get(entity.id)!;
    const perSource = new Map<string, number>();
    const passages = new Set<string>();
    for (const m of entity.mentions) {
      const article = corpus.passagesById.get(m.passageId)?.article;
      if (article !== undefined) perSource.set(article, (perSource.get(article) ?? 0) + 1);
      if (passages.has(m.passageId)) continue;
      passages.add(m.passageId);
      const list = entitiesByPassage.get(m.passageId);
      if (list) list.push(value);
      else entitiesByPassage.set(m.passageId, [value]);
    }
    mentionsPerSource.set(entity.id, perSource);
    passagesPerEntity.set(entity.id, passages.size);
  }

  const themePassages = new Map<string, Map<string, Passage[]>>(corpus.themes.map((t) => [t.id, new Map()]));
  const themeTotals = new Map<string, number>(corpus.themes.map((t) => [t.id, 0]));
  for (const article of corpus.articles) {
    for (const passage of article.passages) {
      for (const themeId of passage.themes) {
        const bySource = themePassages.get(themeId);
        if (!bySource) continue;
        const list = bySource.get(article.slug);
        if (list) list.push(passage);
        else bySource.set(article.slug, [passage]);
        themeTotals.set(themeId, themeTotals.get(themeId)! + 1);
      }
    }
  }
  const articleIndex = new Map(corpus.articles.map((a, i) => [a.slug, i]));
  return { entityFilterValue, entitiesByPassage, mentionsPerSource, passagesPerEntity, themePassages, themeTotals, articleIndex };
}

/** An article's passages on a theme (empty when it is silent on it). */
export const passagesOnTheme = (corpus: Corpus, themeId: string, article: Article): Passage[] =>
  lookups(corpus).themePassages.get(themeId)?.get(article.slug) ?? [];
