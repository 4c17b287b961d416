/** The search page's facets and each passage's search filters (the index's records). */
import type { SearchFacetOptionJson } from '../../contract/endpoints';
import { lookups } from '../lookups';
import type { Corpus, Passage, ThemeInfo } from '../model';
import { ENTITY_KIND_LABEL } from '../entity-kinds';
import { sourceNamer } from './sources';

/**
 * The value an entity has in the search index's `entity` filter: its name, or, when two
 * entities share a name, the name with its kind (filter values must tell them apart).
 */
export function entityFilterValues(corpus: Corpus): Map<string, string> {
  return lookups(corpus).entityFilterValue;
}

/** A passage's search filters besides its source: its themes' labels and the entities it names. */
export function passageFilters(corpus: Corpus, passage: Passage): { themes: string[]; entities: string[] } {
  return {
    themes: passage.themes.map((t) => corpus.themesById.get(t)!.label),
    entities: [...(lookups(corpus).entitiesByPassage.get(passage.id) ?? [])],
  };
}

export interface FacetOption {
  /** The filter value in the index (article's passage-id prefix, theme label, entity name). */
  value: string;
  /** What the URL carries: article slug, theme id, entity id. */
  param: string;
  label: string;
  /** Passages carrying it in the whole dossier. */
  passages: number;
  /** A theme option's theme, for its colour dot. */
  theme?: ThemeInfo;
  /** A source option's article: results whose passage id has its prefix show its outlet and headline. */
  article?: { url: string; headline: string; outlet: string };
  /** An entity option's kind, as a reader reads it ("Place"). */
  kind?: string;
}

export interface SearchFacets {
  source: FacetOption[];
  theme: FacetOption[];
  /** Entities named in at least one passage, the most widely named first. */
  entity: FacetOption[];
}

/** The search page's facets: every value of each filter, with its passage count over the dossier. */
export function searchFacets(corpus: Corpus): SearchFacets {
  const values = entityFilterValues(corpus);
  const { themeTotals, passagesPerEntity } = lookups(corpus);
  const nameOf = sourceNamer(corpus.articles);
  return {
    // One value per article, not per outlet: an outlet may have several articles. The index
    // knows an article by its passage-id prefix, the URL by its slug.
    source: corpus.articles.map((a) => ({
      value: a.meta.idPrefix,
      param: a.slug,
      label: nameOf(a),
      passages: a.passages.length,
      article: { url: a.url, headline: a.headline, outlet: a.meta.outlet },
    })),
    theme: corpus.themes.map((theme) => ({
      value: theme.label,
      param: theme.id,
      label: theme.label,
      passages: themeTotals.get(theme.id)!,
      theme,
    })),
    entity: entitiesByReach(corpus).map((e) => ({
      value: values.get(e.id)!,
      param: e.id,
      label: e.name,
      passages: passagesPerEntity.get(e.id)!,
      kind: ENTITY_KIND_LABEL[e.kind].singular,
    })),
  };
}

/**
 * What a search field suggests typing ("e.g. Syria, Mosul"): the names found in the most
 * passages of this dossier, whatever it is about. Two, so the hint fits a phone's field.
 */
export function searchExample(corpus: Corpus, count = 2): string {
  const top = entitiesByReach(corpus).slice(0, count);
  return top.length ? `e.g. ${top.map((e) => e.name).join(', ')}` : 'A word or a name';
}

/** The entities, those found in the most passages first (then by name): the entity facet's order. */
function entitiesByReach(corpus: Corpus): Corpus['entities'] {
  const { passagesPerEntity } = lookups(corpus);
  return [...corpus.entities].sort((a, b) => passagesPerEntity.get(b.id)! - passagesPerEntity.get(a.id)! || a.name.localeCompare(b.name));
}

/** An option as /search/facets.json carries it: what the page needs to add its checkbox. */
export function facetOptionJson(option: FacetOption): SearchFacetOptionJson {
  const { value, param, label, passages } = option;
  if (option.article) return { value, param, label, passages, outlet: option.article.outlet };
  return option.kind ? { value, param, label, passages, kind: option.kind } : { value, param, label, passages };
}
