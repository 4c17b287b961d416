/**
 * The notebook's list logic, pure: which annotations a filter shows, in what
 * order, under which headings. <dossier-notebook> draws what this returns.
 */
import { articlePathOf, colourOf, tagsOf, type Annotation } from '../../annotations/model';
import type { Placement } from '../../annotations/anchoring/types';
import type { PassagesJson } from '../../contract/endpoints';

export interface Entry {
  annotation: Annotation;
  /** Null for an orphan: it could not be placed on the current text. */
  placement: Placement | null;
  /** The article's slug, when the annotation is about an article page. */
  slug: string | null;
}

export interface Filters {
  source?: string;
  colour?: string;
  tag?: string;
}

export type GroupBy = 'source' | 'theme' | 'tag';

export function filterEntries(entries: readonly Entry[], { source, colour, tag }: Filters): Entry[] {
  return entries.filter(
    (e) => (!source || e.slug === source) && (!colour || colourOf(e.annotation) === colour) && (!tag || tagsOf(e.annotation).includes(tag)),
  );
}

/** Placed entries in reading order: articles in the site's order, then passage order, then position. */
export function sortByPlace(entries: readonly Entry[], index: PassagesJson | null): Entry[] {
  const articleOrder = new Map((index?.articles ?? []).map((a, i) => [a.slug, i]));
  const passageOrder = new Map((index?.passages ?? []).map((p) => [p.id, p.order]));
  const order = (e: Entry) => passageOrder.get(e.placement?.passageId ?? '') ?? 0;
  return [...entries].sort(
    (a, b) =>
      (articleOrder.get(a.slug ?? '') ?? Number.MAX_SAFE_INTEGER) - (articleOrder.get(b.slug ?? '') ?? Number.MAX_SAFE_INTEGER) ||
      order(a) - order(b) ||
      (a.placement?.start ?? 0) - (b.placement?.start ?? 0),
  );
}

/** Headings and their entries, in the order shown. An entry with two tags or themes is listed under each. */
export function groupEntries(entries: readonly Entry[], by: GroupBy, index: PassagesJson | null): [string, Entry[]][] {
  const groups = new Map<string, Entry[]>();
  const add = (key: string, e: Entry) => {
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  };
  const themes = index?.themes ?? [];
  const themeLabels = new Map(themes.map((t) => [t.id, t.label]));
  const articles = new Map((index?.articles ?? []).map((a) => [a.slug, a]));
  const passages = new Map((index?.passages ?? []).map((p) => [p.id, p]));
  for (const e of entries) {
    if (by === 'tag') {
      const tags = tagsOf(e.annotation);
      if (tags.length) tags.forEach((t) => add(`Tag: ${t}`, e));
      else add(NO_TAGS, e);
    } else if (by === 'theme') {
      const ids = passages.get(e.placement?.passageId ?? '')?.themes ?? [];
      if (ids.length) ids.forEach((t) => add(themeLabels.get(t) ?? t, e));
      else add(NO_THEME, e);
    } else {
      const article = articles.get(e.slug ?? '');
      add(article ? `${article.outlet}: ${article.headline}` : articlePathOf(e.annotation), e);
    }
  }
  const keys = [...groups.keys()];
  if (by === 'tag') keys.sort((a, b) => (a === NO_TAGS ? 1 : b === NO_TAGS ? -1 : a.localeCompare(b)));
  if (by === 'theme') {
    const order = themes.map((t) => t.label);
    const rank = (label: string) => (label === NO_THEME ? Number.MAX_SAFE_INTEGER : (order.indexOf(label) + 1 || Number.MAX_SAFE_INTEGER - 1));
    keys.sort((a, b) => rank(a) - rank(b));
  }
  return keys.map((k) => [k, groups.get(k)!]);
}

export const NO_TAGS = 'No tags';
export const NO_THEME = 'No theme';

/** Every tag in use, alphabetically. */
export const tagsInUse = (entries: readonly Entry[]) =>
  [...new Set(entries.flatMap((e) => tagsOf(e.annotation)))].sort((a, b) => a.localeCompare(b));

/** The articles annotated, in the site's order (unknown ones last, by slug). */
export function sourcesInUse(entries: readonly Entry[], index: PassagesJson | null): string[] {
  const order = new Map((index?.articles ?? []).map((a, i) => [a.slug, i]));
  const rank = (slug: string) => order.get(slug) ?? Number.MAX_SAFE_INTEGER;
  const slugs = new Set(entries.flatMap((e) => (e.slug ? [e.slug] : [])));
  return [...slugs].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
