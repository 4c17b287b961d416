/**
 * Ready-made views of the corpus for pages: each function takes the model and returns
 * exactly what one page region renders, so components stay free of data work.
 */
import type { EntityKind, ThemesFile } from './analysis-schema';
import { buildDossierJson } from './dossier-json';
import { keywordInContext } from './entities';
import {
  articleUrl,
  passageUrl,
  summarize,
  themeUrl,
  type Article,
  type Corpus,
  type EntityInfo,
  type Passage,
  type PassageSummary,
  type ThemeInfo,
} from './model';
import { RAIL_PASSAGES_PER_THEME, SOURCE_NAV_SIZE } from './site';
import { ENTITY_KIND_LABEL } from './entity-kinds';
import { lookups, passagesOnTheme } from './lookups';

export interface ThemeInArticle {
  theme: ThemeInfo;
  /** Passages of this article on the theme. */
  count: number;
  /**
   * Passages on the theme in the other sources, taken in turn from each source (so a
   * prolific one does not crowd out the rest), at most RAIL_PASSAGES_PER_THEME, and then
   * in publication order.
   */
  elsewhere: PassageSummary[];
  /** All passages on the theme in the other sources (the theme page lists them). */
  elsewhereTotal: number;
}

/** The themes an article touches, in taxonomy order, with where else each is discussed. */
export function themesInArticle(corpus: Corpus, article: Article): ThemeInArticle[] {
  return corpus.themes.flatMap((theme) => {
    const count = passagesOnTheme(corpus, theme.id, article).length;
    if (count === 0) return [];
    // Only the sources that speak to the theme: a silent one adds nothing to pick from.
    const bySource = [...lookups(corpus).themePassages.get(theme.id)!.entries()]
      .filter(([slug]) => slug !== article.slug)
      .map(([, list]) => list);
    const picked = takeInTurn(bySource, RAIL_PASSAGES_PER_THEME);
    const elsewhere = bySource.flatMap((list) => list.filter((p) => picked.has(p))).map((p) => summarize(corpus, p.id, 12));
    const elsewhereTotal = lookups(corpus).themeTotals.get(theme.id)! - count;
    return [{ theme, count, elsewhere, elsewhereTotal }];
  });
}

/** The article rail's sources: `size` around the current one in publication order, and how many there are in all. */
export function nearbySources(articles: readonly Article[], current: Article, size = SOURCE_NAV_SIZE) {
  const at = articles.indexOf(current);
  const start = Math.max(0, Math.min(at - Math.floor(size / 2), articles.length - size));
  return { shown: articles.slice(start, start + size), total: articles.length };
}

/** Up to `max` items, one from each list in turn (first items first). */
function takeInTurn<T>(lists: T[][], max: number): Set<T> {
  const picked = new Set<T>();
  for (let round = 0; picked.size < max && lists.some((l) => l.length > round); round++) {
    for (const list of lists) {
      const item = list[round];
      if (item !== undefined && picked.size < max) picked.add(item);
    }
  }
  return picked;
}

/** Per passage of an article: its themes as objects and its related passages as summaries. */
export function passageDetails(corpus: Corpus, article: Article) {
  return new Map(
    article.passages.map((p) => [
      p.id,
      {
        themes: p.themes.map((id) => corpus.themesById.get(id)!),
        related: p.related.map((r) => summarize(corpus, r.id, 14)),
      },
    ]),
  );
}

/** Passages per source and theme: the home page's coverage matrix and the theme pages. */
export function coverage(corpus: Corpus): Map<string, Map<string, number>> {
  return new Map(
    corpus.articles.map((a) => [
      a.slug,
      new Map(corpus.themes.map((t) => [t.id, passagesOnTheme(corpus, t.id, a).length])),
    ]),
  );
}

/* ---------- Theme, entity, coverage and search views (analysis pages) ---------- */

/** The anchor of a source's column on a theme page (the home matrix links to it). */
export const sourceAnchor = (slug: string) => `source-${slug}`;

/** Shading step of a coverage cell: 0 for none, else 1–4 by its share of the largest cell. */
export function coverageLevel(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4))) as 1 | 2 | 3 | 4;
}

export interface SourceRef {
  slug: string;
  outlet: string;
  headline: string;
  url: string;
  /** `source-<slug>`: the source's column on a theme page. */
  anchor: string;
}

const sourceRef = (article: Article): SourceRef => ({
  slug: article.slug,
  outlet: article.meta.outlet,
  headline: article.headline,
  url: article.url,
  anchor: sourceAnchor(article.slug),
});

export interface ThemeSummary {
  theme: ThemeInfo;
  total: number;
  /** Every source in publication order, with its passages on the theme. */
  perSource: { source: SourceRef; count: number }[];
}

/** /themes/: every theme with its passage count per source. */
export function themeIndex(corpus: Corpus): ThemeSummary[] {
  const counts = coverage(corpus);
  return corpus.themes.map((theme) => {
    const perSource = corpus.articles.map((a) => ({ source: sourceRef(a), count: counts.get(a.slug)!.get(theme.id)! }));
    return { theme, total: perSource.reduce((n, s) => n + s.count, 0), perSource };
  });
}

export interface ThemePassage {
  id: string;
  url: string;
  section: string | null;
  text: string;
  /** The passage's other themes. */
  otherThemes: ThemeInfo[];
}

export interface ThemePage {
  theme: ThemeInfo;
  total: number;
  /** One column per source, in publication order; a silent source has no passages. */
  columns: { source: SourceRef; passages: ThemePassage[] }[];
  /** The taxonomy's other themes, for moving on. */
  otherThemes: ThemeInfo[];
}

/** /themes/<id>/: the theme's passages from every source, grouped by source. */
export function themePage(corpus: Corpus, themeId: string): ThemePage {
  const theme = corpus.themesById.get(themeId);
  if (!theme) throw new Error(`No theme "${themeId}" in content/themes.yaml`);
  const columns = corpus.articles.map((a) => ({
    source: sourceRef(a),
    passages: passagesOnTheme(corpus, themeId, a).map((p) => ({
        id: p.id,
        url: passageUrl(p),
        section: p.section?.title ?? null,
        text: p.text,
        otherThemes: p.themes.filter((t) => t !== themeId).map((t) => corpus.themesById.get(t)!),
      })),
  }));
  return {
    theme,
    total: columns.reduce((n, c) => n + c.passages.length, 0),
    columns,
    otherThemes: corpus.themes.filter((t) => t.id !== themeId),
  };
}

export interface CoverageMatrix {
  sources: SourceRef[];
  rows: {
    theme: ThemeInfo;
    total: number;
    cells: { source: SourceRef; count: number; level: 0 | 1 | 2 | 3 | 4; href: string }[];
  }[];
  /** The largest cell: what level 4 stands for. */
  max: number;
}

/** The home page's source × theme table: passages per cell, each linking to the theme page's column. */
export function coverageMatrix(corpus: Corpus): CoverageMatrix {
  const counts = coverage(corpus);
  const sources = corpus.articles.map(sourceRef);
  let max = 0;
  for (const perTheme of counts.values()) for (const n of perTheme.values()) max = Math.max(max, n);
  return {
    sources,
    max,
    rows: corpus.themes.map((theme) => {
      const cells = sources.map((source) => {
        const count = counts.get(source.slug)!.get(theme.id)!;
        return { source, count, level: coverageLevel(count, max), href: `${themeUrl(theme.id)}#${source.anchor}` };
      });
      return { theme, total: cells.reduce((n, c) => n + c.count, 0), cells };
    }),
  };
}

export { ENTITY_KIND_LABEL };
const ENTITY_KIND_ORDER: EntityKind[] = ['person', 'organization', 'place'];

export interface EntitySummary {
  entity: EntityInfo;
  total: number;
  /** Mentions per source, every source in publication order. */
  perSource: { source: SourceRef; count: number }[];
}

/** /entities/: people, organisations and places, most mentioned first, with mentions per source. */
export function entityIndex(corpus: Corpus): {
  sources: SourceRef[];
  groups: { kind: EntityKind; label: string; entities: EntitySummary[] }[];
} {
  const sources = corpus.articles.map(sourceRef);
  const groups = ENTITY_KIND_ORDER.map((kind) => ({
    kind,
    label: ENTITY_KIND_LABEL[kind].plural,
    entities: corpus.entities
      .filter((e) => e.kind === kind)
      .map((entity) => {
        const perSource = sources.map((source) => ({
          source,
          count: lookups(corpus).mentionsPerSource.get(entity.id)?.get(source.slug) ?? 0,
        }));
        return { entity, total: entity.mentions.length, perSource };
      }),
  })).filter((group) => group.entities.length > 0);
  return { sources, groups };
}

export interface MentionLine {
  passageId: string;
  url: string;
  section: string | null;
  before: string;
  match: string;
  after: string;
}

export interface EntityPage {
  entity: EntityInfo;
  kindLabel: string;
  /** Other spellings seen or curated, without the name itself. */
  aliases: string[];
  passageCount: number;
  /** Sources that mention it, in publication order, each with its keyword-in-context lines. */
  groups: { source: SourceRef; lines: MentionLine[] }[];
  /** Sources that never name it. */
  silent: SourceRef[];
}

/** /entities/<id>/: every mention as a keyword-in-context line, grouped by source. */
export function entityPage(corpus: Corpus, entityId: string, width = 48): EntityPage {
  const entity = corpus.entitiesById.get(entityId);
  if (!entity) throw new Error(`No entity "${entityId}"`);
  const bySource = new Map<string, MentionLine[]>();
  for (const m of entity.mentions) {
    const passage = corpus.passagesById.get(m.passageId)!;
    const kwic = keywordInContext(passage.text, m, width);
    const lines = bySource.get(passage.article) ?? [];
    lines.push({ passageId: passage.id, url: passageUrl(passage), section: passage.section?.title ?? null, ...kwic });
    bySource.set(passage.article, lines);
  }
  const sources = corpus.articles.map(sourceRef);
  return {
    entity,
    kindLabel: ENTITY_KIND_LABEL[entity.kind].singular,
    aliases: entity.aliases.filter((a) => a.toLowerCase() !== entity.name.toLowerCase()),
    passageCount: new Set(entity.mentions.map((m) => m.passageId)).size,
    groups: sources.filter((s) => bySource.has(s.slug)).map((source) => ({ source, lines: bySource.get(source.slug)! })),
    silent: sources.filter((s) => !bySource.has(s.slug)),
  };
}

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
  /** The filter value in the index (outlet, theme label, entity name). */
  value: string;
  /** What the URL carries: outlet, theme id, entity id. */
  param: string;
  label: string;
  /** Passages carrying it in the whole dossier. */
  passages: number;
  /** A theme option's theme, for its colour dot. */
  theme?: ThemeInfo;
  /** A source option's article: results show its headline and link into it. */
  article?: { url: string; headline: string };
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
  return {
    source: corpus.articles.map((a) => ({
      value: a.meta.outlet,
      param: a.meta.outlet,
      label: a.meta.outlet,
      passages: a.passages.length,
      article: { url: a.url, headline: a.headline },
    })),
    theme: corpus.themes.map((theme) => ({
      value: theme.label,
      param: theme.id,
      label: theme.label,
      passages: themeTotals.get(theme.id)!,
      theme,
    })),
    entity: corpus.entities
      .map((e) => ({
        value: values.get(e.id)!,
        param: e.id,
        label: e.name,
        passages: passagesPerEntity.get(e.id)!,
      }))
      .sort((a, b) => b.passages - a.passages || a.label.localeCompare(b.label)),
  };
}

/** /data/dossier.json: the whole dossier as data, from the same model the pages render. */
export function dossierData(corpus: Corpus, info: { title: string; description: string }, themesFile: ThemesFile) {
  const passages = [...corpus.passagesById.values()];
  return buildDossierJson({
    title: info.title,
    description: info.description,
    articles: corpus.articles,
    themes: themesFile,
    passageThemes: new Map(passages.map((p) => [p.id, p.themes])),
    related: new Map(passages.map((p) => [p.id, p.related])),
    entities: { entities: corpus.entities },
    articleUrl,
  });
}
