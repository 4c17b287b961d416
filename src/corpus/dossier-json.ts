/**
 * The whole dossier as open data (/data/dossier.json): articles with their metadata and its
 * certainty, passages with their themes, entity mentions and related passages, the themes and
 * the entities. `dossierSchema` describes it (zod), `dossierJsonSchema()` gives the same as a
 * JSON Schema (/data/dossier.schema.json) for people who use the data elsewhere.
 * Deterministic: no timestamps, stable order, so the file only changes when the dossier does.
 */
import { z } from 'zod';
import type { ThemesFile } from './analysis-schema';
import { entityKindSchema, themeIdSchema } from './analysis-schema';
import type { PassageLike } from './analysis-types';
import type { EntityIndex } from './entities';
import type { RelatedLink } from './related';
import { articleFrontmatterSchema, passageIdSchema, slugSchema, type ArticleFrontmatter } from './schema';

export const DOSSIER_JSON_VERSION = 1;
export const DOSSIER_SCHEMA_URL = '/data/dossier.schema.json';

const section = z.strictObject({ id: z.string(), title: z.string() });
const entityIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const dossierSchema = z
  .strictObject({
    $schema: z.literal(DOSSIER_SCHEMA_URL),
    version: z.literal(DOSSIER_JSON_VERSION),
    title: z.string(),
    description: z.string(),
    articles: z.array(
      z.strictObject({
        slug: slugSchema,
        /** Site path of the article page. */
        url: z.string(),
        /** The normalised frontmatter: metadata, each uncertain value with its status. */
        meta: articleFrontmatterSchema,
        headings: z.array(section),
        /** The article's passages, in reading order. */
        passageIds: z.array(passageIdSchema),
      }),
    ),
    passages: z.array(
      z.strictObject({
        id: passageIdSchema,
        article: slugSchema,
        order: z.number().int().nonnegative(),
        section: section.nullable(),
        text: z.string(),
        /** Site path of the passage (its permalink). */
        url: z.string(),
        themes: z.array(themeIdSchema),
        /** Entity mentions: character offsets into `text`. */
        entities: z.array(
          z.strictObject({ entity: entityIdSchema, start: z.number().int(), end: z.number().int(), text: z.string() }),
        ),
        /** Related passages in other sources, best first. */
        related: z.array(
          z.strictObject({
            id: passageIdSchema,
            score: z.number(),
            similarity: z.number(),
            sharedThemes: z.array(themeIdSchema),
          }),
        ),
      }),
    ),
    themes: z.array(
      z.strictObject({
        id: themeIdSchema,
        label: z.string(),
        description: z.string(),
        color: z.string().regex(/^#[0-9a-f]{6}$/i),
        colorDark: z.string().regex(/^#[0-9a-f]{6}$/i),
        passageCount: z.number().int().nonnegative(),
      }),
    ),
    entities: z.array(
      z.strictObject({
        id: entityIdSchema,
        name: z.string(),
        kind: entityKindSchema,
        aliases: z.array(z.string()),
        mentionCount: z.number().int().positive(),
        /** Passages that mention it, in dossier order. */
        passageIds: z.array(passageIdSchema),
      }),
    ),
  })
  .meta({
    title: 'Dossier',
    description: 'A dossier of articles split into passages, with themes, entities and cross-links.',
  });
export type DossierJson = z.infer<typeof dossierSchema>;

export interface DossierInput {
  title: string;
  description: string;
  articles: readonly {
    slug: string;
    meta: ArticleFrontmatter;
    passages: readonly PassageLike[];
    headings?: readonly { id: string; title: string }[];
  }[];
  themes: ThemesFile;
  /** Passage id → theme ids (tagPassages). */
  passageThemes: ReadonlyMap<string, readonly string[]>;
  /** Passage id → related passages (relatedPassages). */
  related: ReadonlyMap<string, readonly RelatedLink[]>;
  entities: EntityIndex;
  /** Site path of an article (default /articles/<slug>/). */
  articleUrl?: (slug: string) => string;
}

export function buildDossierJson(input: DossierInput): DossierJson {
  const articleUrl = input.articleUrl ?? ((slug: string) => `/articles/${slug}/`);
  const mentionsByPassage = new Map<string, DossierJson['passages'][number]['entities']>();
  for (const e of input.entities.entities) {
    for (const m of e.mentions) {
      const list = mentionsByPassage.get(m.passageId) ?? [];
      list.push({ entity: e.id, start: m.start, end: m.end, text: m.text });
      mentionsByPassage.set(m.passageId, list);
    }
  }

  const passages = input.articles.flatMap((a) =>
    a.passages.map((p) => ({
      id: p.id,
      article: a.slug,
      order: p.order,
      section: p.section ?? null,
      text: p.text,
      url: `${articleUrl(a.slug)}#${p.id}`,
      themes: [...(input.passageThemes.get(p.id) ?? [])],
      entities: (mentionsByPassage.get(p.id) ?? []).sort((x, y) => x.start - y.start || x.end - y.end),
      related: (input.related.get(p.id) ?? []).map((r) => ({
        id: r.id,
        score: r.score,
        similarity: r.similarity,
        sharedThemes: [...r.sharedThemes],
      })),
    })),
  );
  const order = new Map(passages.map((p, i) => [p.id, i]));

  return {
    $schema: DOSSIER_SCHEMA_URL,
    version: DOSSIER_JSON_VERSION,
    title: input.title,
    description: input.description,
    articles: input.articles.map((a) => ({
      slug: a.slug,
      url: articleUrl(a.slug),
      meta: a.meta,
      headings: (a.headings ?? []).map((h) => ({ id: h.id, title: h.title })),
      passageIds: a.passages.map((p) => p.id),
    })),
    passages,
    themes: input.themes.themes.map((t) => ({
      id: t.id,
      label: t.label,
      description: t.description,
      color: t.color,
      colorDark: t.colorDark ?? t.color,
      passageCount: passages.filter((p) => p.themes.includes(t.id)).length,
    })),
    entities: input.entities.entities.map((e) => ({
      id: e.id,
      name: e.name,
      kind: e.kind,
      aliases: [...e.aliases],
      mentionCount: e.mentions.length,
      passageIds: [...new Set(e.mentions.map((m) => m.passageId))].sort(
        (x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0),
      ),
    })),
  };
}

/** The JSON Schema of dossier.json (draft 2020-12), for /data/dossier.schema.json. */
export function dossierJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(dossierSchema, { io: 'output', target: 'draft-2020-12' }),
    $id: DOSSIER_SCHEMA_URL,
  };
}
