/** The theme index (/themes/) and a theme's page (/themes/<id>/). */
import { isAnalysed } from '../../contract/language';
import { themeColumnUrl } from '../../contract/routes';
import { lookups, passagesOnTheme } from '../lookups';
import { passageUrl, type Corpus, type ThemeInfo } from '../model';
import { pageSize, paginate, type Paged } from '../paging';
import { SOURCE_COLUMNS_MAX, SOURCES_NAMED_MAX, THEME_SOURCES_PER_PAGE } from '../site';
import { coverage, sourceDate, sourceNamer, sourceRef, type SourceDate, type SourceRef } from './sources';

export interface ThemeSummary {
  theme: ThemeInfo;
  total: number;
  /** Sources in the dossier, and how many of them have passages on the theme. */
  sources: number;
  speaking: number;
  /**
   * Sources with their passages on the theme: every source in publication order when the
   * dossier has at most `listMax`; otherwise only the `listMax` with the most (a list of every
   * source on every theme would make /themes/ grow with the dossier; the theme's pages have them all).
   */
  /** Each source with its name in a list (sourceNamer) and its passages on the theme. */
  perSource: { source: SourceRef; name: string; count: number }[];
  /** True when `perSource` is every source. */
  complete: boolean;
}

/** /themes/: every theme with its passage count per source (or its leading sources, in a big dossier). */
export function themeIndex(corpus: Corpus, listMax = SOURCE_COLUMNS_MAX): ThemeSummary[] {
  const counts = coverage(corpus);
  const complete = corpus.articles.length <= listMax;
  const nameOf = sourceNamer(corpus.articles);
  return corpus.themes.map((theme) => {
    const all = corpus.articles.map((a) => ({ source: sourceRef(a), name: nameOf(a), count: counts.get(a.slug)!.get(theme.id)! }));
    const speaking = all.filter((s) => s.count > 0);
    // Most passages first; ties keep publication order (the sort is stable).
    const perSource = complete ? all : [...speaking].sort((a, b) => b.count - a.count).slice(0, listMax);
    return { theme, total: all.reduce((n, s) => n + s.count, 0), sources: all.length, speaking: speaking.length, perSource, complete };
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
  /** Sources in the dossier, and how many of them have passages on the theme. */
  sources: number;
  speaking: number;
  /** The sources silent on the theme: their names (sourceNamer) when few enough to name, and how many. */
  silent: { named: string[] | null; count: number };
  /** The sources not read for themes (in another language) that have no passage on it, the same way. */
  unread: { named: string[] | null; count: number };
  /**
   * This page's columns: one per source, in publication order, with its date (a theme read across
   * years changes with them); a silent source has no passages.
   */
  columns: { source: SourceRef; date: SourceDate; passages: ThemePassage[] }[];
  /** The taxonomy's other themes, for moving on. */
  otherThemes: ThemeInfo[];
  /** Which page of the theme this is (THEME_SOURCES_PER_PAGE sources a page). */
  paging: Omit<Paged<unknown>, 'items'>;
}

/** /themes/<id>/, /themes/<id>/2/…: the theme's passages from every source, a column per source, a page per few sources. */
export function themePages(corpus: Corpus, themeId: string): ThemePage[] {
  const theme = corpus.themesById.get(themeId);
  if (!theme) throw new Error(`No theme "${themeId}" in content/themes.yaml`);
  const columns = corpus.articles.map((a) => ({
    source: sourceRef(a),
    date: sourceDate(a),
    passages: passagesOnTheme(corpus, themeId, a).map((p) => ({
      id: p.id,
      url: passageUrl(p),
      section: p.section?.title ?? null,
      text: p.text,
      otherThemes: p.themes.filter((t) => t !== themeId).map((t) => corpus.themesById.get(t)!),
    })),
  }));
  // named as lists name them: by outlet, with the headline when the outlet has several articles
  const nameOf = sourceNamer(corpus.articles);
  const empty = corpus.articles.filter((_, i) => columns[i]!.passages.length === 0);
  const silent = empty.filter((a) => isAnalysed(a.meta.language)).map(nameOf);
  const unread = empty.filter((a) => !isAnalysed(a.meta.language)).map(nameOf);
  const named = (outlets: string[]) => ({ named: outlets.length <= SOURCES_NAMED_MAX ? outlets : null, count: outlets.length });
  const whole = {
    theme,
    total: columns.reduce((n, c) => n + c.passages.length, 0),
    sources: columns.length,
    speaking: columns.length - empty.length,
    silent: named(silent),
    unread: named(unread),
    otherThemes: corpus.themes.filter((t) => t.id !== themeId),
  };
  return paginate(columns, pageSize(THEME_SOURCES_PER_PAGE)).map(({ items, ...paging }) => ({ ...whole, columns: items, paging }));
}

/** Where a source's column on a theme's pages is: its page and anchor. */
export function themeSourceUrl(corpus: Corpus, themeId: string, slug: string): string {
  const at = lookups(corpus).articleIndex.get(slug);
  if (at === undefined) throw new Error(`No article "${slug}"`);
  return themeColumnUrl(themeId, slug, at, pageSize(THEME_SOURCES_PER_PAGE));
}
