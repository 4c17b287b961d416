/**
 * Which sources the compare view shows, and how that choice reads and writes in the URL
 * (`?sources=slug,slug,…`). Pure: no DOM, so the same rules hold in tests and pages.
 */

export const MIN_SOURCES = 2;
export const MAX_SOURCES = 5;
export { COMPARE_SOURCES_PARAM as SOURCES_PARAM } from '../../contract/routes';

/** The default on narrow screens: the earliest and the latest source (the dossier's span). */
export function defaultSelection(all: readonly string[], narrow: boolean): string[] {
  if (!narrow || all.length <= MIN_SOURCES) return all.slice(0, MAX_SOURCES);
  return [all[0]!, all.at(-1)!];
}

/**
 * How a source's column is drawn before the script runs, so that nothing moves when it does:
 * the first source is the tab shown on narrow screens, and a narrow screen shows only the
 * default selection. (The script takes over from there; the stylesheet applies this only when
 * scripting is enabled.)
 */
export function initialColumn(slug: string, available: readonly string[]): { offTab: boolean; narrowOff: boolean } {
  return { offTab: slug !== available[0], narrowOff: !defaultSelection(available, true).includes(slug) };
}

/**
 * The selection a URL parameter asks for, in the corpus's order: unknown slugs and repeats
 * are dropped; fewer than two known sources means the parameter is unusable (null).
 */
export function parseSelection(param: string | null, all: readonly string[]): string[] | null {
  if (!param) return null;
  const wanted = new Set(param.split(',').map((s) => s.trim()));
  const chosen = all.filter((slug) => wanted.has(slug)).slice(0, MAX_SOURCES);
  return chosen.length >= MIN_SOURCES ? chosen : null;
}

export const formatSelection = (selected: readonly string[]) => selected.join(',');

export type ToggleResult = { ok: true; selected: string[] } | { ok: false; reason: string };

/** Adds or removes one source, refusing to go below two or above five. */
export function toggleSource(selected: readonly string[], all: readonly string[], slug: string, on: boolean): ToggleResult {
  if (!all.includes(slug)) return { ok: false, reason: `Unknown source “${slug}”.` };
  const next = new Set(selected);
  if (on) next.add(slug);
  else next.delete(slug);
  const ordered = all.filter((s) => next.has(s));
  if (ordered.length < MIN_SOURCES) return { ok: false, reason: `Compare at least ${MIN_SOURCES} sources.` };
  if (ordered.length > MAX_SOURCES) return { ok: false, reason: `Compare at most ${MAX_SOURCES} sources at once: untick one to add another.` };
  return { ok: true, selected: ordered };
}

/** True when every chosen source is on the current page (a pair page holds only its two). */
export const isAvailable = (selected: readonly string[], available: readonly string[]) =>
  selected.every((slug) => available.includes(slug));
