/** The entity index (/entities/) and an entity's page (/entities/<id>/). */
import type { EntityKind } from '../analysis-schema';
import { keywordInContext } from '../entities';
import { ENTITY_KIND_LABEL } from '../entity-kinds';
import { lookups } from '../lookups';
import { passageUrl, type Corpus, type EntityInfo } from '../model';
import { sourceRef, type SourceRef } from './sources';

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
