/** The entity index (/entities/) and an entity's page (/entities/<id>/). */
import type { MentionPlaces } from '../../contract/routes';
import type { EntityKind } from '../analysis-schema';
import { keywordInContext } from '../entities';
import { ENTITY_KIND_LABEL } from '../entity-kinds';
import { lookups } from '../lookups';
import { passageUrl, type Corpus, type EntityInfo } from '../model';
import { pageOf, pageSize, paginate, type Paged } from '../paging';
import { ENTITIES_PER_PAGE, ENTITY_MENTIONS_PER_PAGE, SOURCE_COLUMNS_MAX, SOURCES_NAMED_MAX } from '../site';
import { sourceDate, sourceNamer, sourceRef, yearStarts, type SourceDate, type SourceRef, type YearStart } from './sources';

export { ENTITY_KIND_LABEL };
const ENTITY_KIND_ORDER: EntityKind[] = ['person', 'organization', 'place'];

export interface EntitySummary {
  entity: EntityInfo;
  total: number;
  /** Sources that name it. */
  sourceCount: number;
  /** Mentions per source, every source in publication order (only when the index has a column per source). */
  perSource: { source: SourceRef; count: number }[];
}

export interface EntityIndexPage {
  /** A column per source, or null when there are more than SOURCE_COLUMNS_MAX sources. */
  sources: SourceRef[] | null;
  /** Entities in the whole dossier, and per kind with where the kind's list starts. */
  count: number;
  /** Each kind, with the page its list starts on and the anchor of its table there. */
  kinds: { kind: EntityKind; label: string; count: number; page: number; anchor: string }[];
  /** This page's entities, by kind. */
  groups: { kind: EntityKind; label: string; entities: EntitySummary[] }[];
  paging: Omit<Paged<unknown>, 'items'>;
}

/**
 * /entities/, /entities/page/2/…: people, organisations and places (in that order), the most
 * mentioned first, ENTITIES_PER_PAGE a page, with their mentions per source.
 */
export function entityIndexPages(corpus: Corpus): EntityIndexPage[] {
  const all = corpus.articles.map(sourceRef);
  const sources = all.length <= SOURCE_COLUMNS_MAX ? all : null;
  const { mentionsPerSource } = lookups(corpus);
  const ordered = ENTITY_KIND_ORDER.flatMap((kind) => corpus.entities.filter((e) => e.kind === kind));
  const size = pageSize(ENTITIES_PER_PAGE);
  const kinds = ENTITY_KIND_ORDER.map((kind) => {
    const first = ordered.findIndex((e) => e.kind === kind);
    return { kind, label: ENTITY_KIND_LABEL[kind].plural, count: ordered.filter((e) => e.kind === kind).length, first };
  })
    .filter((k) => k.count > 0)
    .map(({ first, ...k }) => ({ ...k, page: pageOf(first, size), anchor: `${k.kind}-title` }));
  return paginate(ordered, size).map(({ items, ...paging }) => ({
    sources,
    count: ordered.length,
    kinds,
    paging,
    groups: ENTITY_KIND_ORDER.map((kind) => ({
      kind,
      label: ENTITY_KIND_LABEL[kind].plural,
      entities: items
        .filter((e) => e.kind === kind)
        .map((entity) => {
          const counts = mentionsPerSource.get(entity.id) ?? new Map<string, number>();
          return {
            entity,
            total: entity.mentions.length,
            sourceCount: counts.size,
            perSource: (sources ?? []).map((source) => ({ source, count: counts.get(source.slug) ?? 0 })),
          };
        }),
    })).filter((group) => group.entities.length > 0),
  }));
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
  /** Sources in the dossier, and how many name it. */
  sources: number;
  naming: number;
  /** This page's mentions, grouped by source in publication order, each with the source's mentions in all. */
  groups: { source: SourceRef; date: SourceDate; mentions: number; lines: MentionLine[] }[];
  /** Sources that never name it: their outlets when few enough to name, and how many. */
  silent: { named: string[] | null; count: number };
  /** Where each year's mentions start (at their source's lines). */
  years: YearStart[];
  /** Which page of the entity's mentions this is (ENTITY_MENTIONS_PER_PAGE lines a page). */
  paging: Omit<Paged<unknown>, 'items'>;
}

/** /entities/<id>/, /entities/<id>/2/…: every mention as a keyword-in-context line, grouped by source. */
export function entityPages(corpus: Corpus, entityId: string, width = 48): EntityPage[] {
  const entity = corpus.entitiesById.get(entityId);
  if (!entity) throw new Error(`No entity "${entityId}"`);
  // Mentions come in corpus order (articles by date, passages in order), so a source's lines are together.
  const lines = entity.mentions.map((m) => {
    const passage = corpus.passagesById.get(m.passageId)!;
    const kwic = keywordInContext(passage.text, m, width);
    return { article: passage.article, passageId: passage.id, url: passageUrl(passage), section: passage.section?.title ?? null, ...kwic };
  });
  const perSource = lookups(corpus).mentionsPerSource.get(entity.id) ?? new Map<string, number>();
  const silent = corpus.articles.filter((a) => !perSource.has(a.slug)).map(sourceNamer(corpus.articles));
  const whole = {
    entity,
    kindLabel: ENTITY_KIND_LABEL[entity.kind].singular,
    aliases: entity.aliases.filter((a) => a.toLowerCase() !== entity.name.toLowerCase()),
    passageCount: new Set(entity.mentions.map((m) => m.passageId)).size,
    sources: corpus.articles.length,
    naming: perSource.size,
    silent: { named: silent.length <= SOURCES_NAMED_MAX ? silent : null, count: silent.length },
  };
  const size = pageSize(ENTITY_MENTIONS_PER_PAGE);
  const years = yearStarts(lines.map((line) => corpus.articlesBySlug.get(line.article)!), size);
  return paginate(lines, size).map(({ items, ...paging }) => {
    const groups: EntityPage['groups'] = [];
    for (const { article, ...line } of items) {
      const last = groups.at(-1);
      if (last?.source.slug === article) last.lines.push(line);
      else {
        const source = corpus.articlesBySlug.get(article)!;
        groups.push({ source: sourceRef(source), date: sourceDate(source), mentions: perSource.get(article) ?? 0, lines: [line] });
      }
    }
    return { ...whole, groups, years, paging };
  });
}

/**
 * Where an entity's pages hold the sources that name it: each one's place in publication order
 * and the page its mentions begin on (a page one source's mentions fill begins none). Null when
 * the mentions fit one page. Its pages' "Find a source" reads it (/entities/<id>/places.json).
 */
export function mentionPlaces(corpus: Corpus, entityId: string): MentionPlaces | null {
  const entity = corpus.entitiesById.get(entityId);
  if (!entity) throw new Error(`No entity "${entityId}"`);
  const size = pageSize(ENTITY_MENTIONS_PER_PAGE);
  if (entity.mentions.length <= size) return null;
  const { articleIndex } = lookups(corpus);
  const sourceOf = (k: number) => corpus.passagesById.get(entity.mentions[k]!.passageId)!.article;
  const places = { naming: [] as number[], starts: new Array<number>(Math.ceil(entity.mentions.length / size)).fill(0) };
  entity.mentions.forEach((_, k) => {
    if (k > 0 && sourceOf(k - 1) === sourceOf(k)) return;
    places.naming.push(articleIndex.get(sourceOf(k))!);
    places.starts[pageOf(k, size) - 1]!++;
  });
  return places;
}
