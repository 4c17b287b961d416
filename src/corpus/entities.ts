/**
 * People, places and organisations named in the passages, with exact character offsets.
 *
 * Two sources, curated first:
 *   1. content/entities.yaml: canonical entities and their aliases ("ISIS", "IS", "Isis",
 *      "ISIL" → Islamic State), and places' demonyms ("Egyptian", "Moroccans" → Egypt,
 *      Morocco). Every alias is searched for directly, as a whole word, so names compromise
 *      misses (Raqqa, ISNS) are still found.
 *   2. compromise's people(), places() and organizations() for everything else, its spans
 *      trimmed of punctuation and possessives, split at commas and dashes; a span that
 *      overlaps a curated mention or is a stop-entity is dropped, and one that equals a
 *      curated alias joins that entity.
 * Overlapping curated mentions keep the longest ("Islamic State in Northern Sinai" beats
 * "Islamic State").
 */
import nlp from 'compromise';
import type { EntitiesFile, EntityKind } from './analysis-schema';
import type { PassageLike } from './analysis-types';
import { STOP_WORDS } from './text';

export interface EntityMention {
  passageId: string;
  /** Offsets into the passage's text: `text.slice(start, end) === mention.text`. */
  start: number;
  end: number;
  text: string;
}

export interface Entity {
  id: string;
  name: string;
  kind: EntityKind;
  /** Other names for it: the curated aliases and the forms seen in the text. */
  aliases: string[];
  mentions: EntityMention[];
}

export interface EntityIndex {
  /** Most-mentioned first. */
  entities: Entity[];
}

/** A lower-case, hyphenated, ASCII id: "Abu Bakr al-Baghdadi" → "abu-bakr-al-baghdadi". */
export function entityId(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

interface Span {
  start: number;
  end: number;
  key: string; // entity key (id)
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-word matcher for an alias; spaces and hyphens in an alias match either. */
function aliasPattern(alias: string, caseSensitive: boolean): RegExp {
  const body = alias
    .split(/[\s\-‐–]+/)
    .map((part) => escapeRegExp(part).replace(/['’]/g, "['’]"))
    .join('[\\s\\u00a0\\-‐]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, caseSensitive ? 'gu' : 'giu');
}

const COMPROMISE_KINDS = [
  ['people', 'person'],
  ['places', 'place'],
  ['organizations', 'organization'],
] as const;

/** Trim a compromise span to the name itself: no punctuation, dashes or possessive at the ends. */
function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  const edge = /[\s.,;:!?()[\]"“”‘'’«»—–\-]/;
  while (s < e && edge.test(text[s]!)) s++;
  while (e > s && edge.test(text[e - 1]!)) e--;
  if (/['’]s$/.test(text.slice(s, e))) e -= 2;
  while (e > s && edge.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

/** One name found in a passage: its span, the entity key it joins, and for a name the curated list does not know, what to call it. */
export interface NameSpan {
  start: number;
  end: number;
  /** A curated entity's id, or `<kind>:<id>` for a name compromise found. */
  key: string;
  /** For a found name: its kind (its name is the text of the span). */
  kind?: EntityKind;
}

/** The names in one text, in the order they were found (curated first, then compromise's). */
export type NameFinder = (text: string) => NameSpan[];

// A capitalised word ("Berlin", "al-Sham"), or "al-" before one.
const CAPITALISED = /(?<![\p{L}\p{N}])(?:al[-‐ ])?\p{Lu}[\p{L}\p{N}'’.-]*/gu;
const SENTENCE_START = /(?:^|[.!?:;]["”’)]?\s+|["“‘(]\s*)$/u;

/**
 * Would compromise find anything the curated list has not? Only where a capitalised word is
 * left outside every curated mention, leaving aside a sentence's common first word ("The",
 * "But"). Most passages of a dossier name only what its list knows, and skip the parser.
 */
export function needsParser(text: string, taken: readonly { start: number; end: number }[]): boolean {
  for (const m of text.matchAll(CAPITALISED)) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken.some((t) => start < t.end && t.start < end)) continue;
    if (SENTENCE_START.test(text.slice(Math.max(0, start - 4), start)) && STOP_WORDS.has(m[0].toLowerCase())) continue;
    return true;
  }
  return false;
}

/**
 * How to find names with a given curated list: a pure function of the text, so its results
 * can be cached by the text's hash (src/corpus/analysis-cache.ts).
 */
export function nameFinder(aliases: EntitiesFile): NameFinder {
  const curated = aliases.entities.map((e) => ({
    id: entityId(e.name),
    patterns: [
      ...[...(e.matchName ? [e.name] : []), ...e.aliases]
        .filter((a) => !e.caseSensitive.includes(a))
        .map((a) => aliasPattern(a, false)),
      ...[...e.caseSensitive, ...e.demonyms].map((a) => aliasPattern(a, true)),
    ],
  }));
  const byAlias = new Map<string, string>();
  for (const e of aliases.entities) {
    for (const a of [e.name, ...e.aliases]) if (!e.caseSensitive.includes(a)) byAlias.set(a.toLowerCase(), entityId(e.name));
  }
  const caseSensitiveAlias = new Map<string, string>();
  for (const e of aliases.entities) for (const a of [...e.caseSensitive, ...e.demonyms]) caseSensitiveAlias.set(a, entityId(e.name));
  const stop = new Set(aliases.stopEntities.map((s) => s.toLowerCase()));

  return (text) => {
    // 1. Curated aliases, longest first when they overlap.
    const candidates: Span[] = [];
    for (const c of curated) {
      for (const pattern of c.patterns) {
        for (const m of text.matchAll(pattern)) candidates.push({ start: m.index, end: m.index + m[0].length, key: c.id });
      }
    }
    candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
    const taken: NameSpan[] = [];
    for (const span of candidates) {
      if (!taken.some((t) => span.start < t.end && t.start < span.end)) taken.push(span);
    }

    // 2. compromise, for what the curated list does not know (and only where there may be some).
    if (!needsParser(text, taken)) return taken;
    const doc = nlp(text);
    for (const [method, kind] of COMPROMISE_KINDS) {
      const matches = (doc[method]() as { json(o: object): { offset: { start: number; length: number } }[] }).json({
        offset: true,
      });
      for (const m of matches) {
        const { start, length } = m.offset;
        // A span may hold several names ("Yemen, Libya, West Africa"): split it.
        const raw = text.slice(start, start + length);
        let at = 0;
        for (const piece of raw.split(/(?:,|—|–|\s-\s)/)) {
          const pieceStart = start + raw.indexOf(piece, at);
          at = pieceStart - start + piece.length;
          const trimmed = trimSpan(text, pieceStart, pieceStart + piece.length);
          if (!trimmed) continue;
          const name = text.slice(trimmed.start, trimmed.end);
          if (!/^\p{Lu}/u.test(name) && !/^al[- ]\p{Lu}/u.test(name)) continue;
          if (stop.has(name.toLowerCase())) continue;
          if (taken.some((t) => trimmed.start < t.end && t.start < trimmed.end)) continue;
          const curatedKey = caseSensitiveAlias.get(name) ?? byAlias.get(name.toLowerCase());
          taken.push(curatedKey ? { ...trimmed, key: curatedKey } : { ...trimmed, key: `${kind}:${entityId(name)}`, kind });
        }
      }
    }
    return taken;
  };
}

export interface ExtractOptions {
  /** Finds the names in one passage (default: nameFinder(aliases)); the build passes a cached one. */
  findNames?: NameFinder;
}

export function extractEntities(passages: readonly PassageLike[], aliases: EntitiesFile, options: ExtractOptions = {}): EntityIndex {
  const findNames = options.findNames ?? nameFinder(aliases);
  const entities = new Map<string, Entity>();
  for (const e of aliases.entities) {
    entities.set(entityId(e.name), { id: entityId(e.name), name: e.name, kind: e.kind, aliases: [...e.aliases, ...e.caseSensitive], mentions: [] });
  }
  // A found name's entity is called by the first form seen in the corpus.
  const found = new Map<string, { name: string; kind: EntityKind }>();

  for (const passage of passages) {
    const text = passage.text;
    const taken = findNames(text);
    for (const span of taken) {
      if (span.kind && !entities.has(span.key) && !found.has(span.key)) found.set(span.key, { name: text.slice(span.start, span.end), kind: span.kind });
    }
    for (const span of [...taken].sort((a, b) => a.start - b.start)) {
      let entity = entities.get(span.key);
      if (!entity) {
        const f = found.get(span.key)!;
        entity = { id: entityId(f.name), name: f.name, kind: f.kind, aliases: [], mentions: [] };
        entities.set(span.key, entity);
      }
      entity.mentions.push({ passageId: passage.id, start: span.start, end: span.end, text: text.slice(span.start, span.end) });
    }
  }

  const result = [...entities.values()].filter((e) => e.mentions.length > 0);
  // Ids must be unique even if a found name collides with a curated one of another kind.
  const ids = new Set<string>();
  for (const e of result) {
    let id = e.id;
    for (let n = 2; ids.has(id); n++) id = `${e.id}-${n}`;
    ids.add(id);
    e.id = id;
    const seen = new Set([e.name.toLowerCase()]);
    e.aliases = [...e.aliases, ...e.mentions.map((m) => m.text)].filter((a) => {
      const k = a.toLowerCase();
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }
  return {
    entities: result.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name)),
  };
}

/** The first mention of each entity in each passage (the page links these). */
export function firstMentions(index: EntityIndex): Map<string, (EntityMention & { entityId: string })[]> {
  const byPassage = new Map<string, (EntityMention & { entityId: string })[]>();
  for (const e of index.entities) {
    const seen = new Set<string>();
    for (const m of e.mentions) {
      if (seen.has(m.passageId)) continue;
      seen.add(m.passageId);
      const list = byPassage.get(m.passageId);
      if (list) list.push({ ...m, entityId: e.id });
      else byPassage.set(m.passageId, [{ ...m, entityId: e.id }]);
    }
  }
  for (const list of byPassage.values()) list.sort((a, b) => a.start - b.start);
  return byPassage;
}

/** A keyword-in-context line: `width` characters either side of the mention, cut at word boundaries. */
export function keywordInContext(text: string, mention: Pick<EntityMention, 'start' | 'end'>, width = 60) {
  let from = Math.max(0, mention.start - width);
  let to = Math.min(text.length, mention.end + width);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > mention.end ? text.lastIndexOf(' ', to) : to;
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, mention.start),
    match: text.slice(mention.start, mention.end),
    after: text.slice(mention.end, to) + (to < text.length ? '…' : ''),
  };
}
