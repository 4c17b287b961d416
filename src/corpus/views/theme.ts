/** The theme index (/themes/) and a theme's page (/themes/<id>/). */
import { isAnalysed } from '../../contract/language';
import { themeColumnUrl, type ThemeLayout } from '../../contract/routes';
import { lookups, passagesOnTheme } from '../lookups';
import { passageUrl, type Article, type Corpus, type ThemeInfo } from '../model';
import { pageSize, paginate, type Paged } from '../paging';
import { SOURCE_COLUMNS_MAX, SOURCES_NAMED_MAX, THEME_SOURCES_PER_PAGE } from '../site';
import { coverage, sourceDate, sourceNamer, sourceRef, yearStarts, type SourceDate, type SourceRef, type YearStart } from './sources';

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

/** A source the theme's pages list after their columns: silent on it, or not read for themes. */
export interface ThemeApart {
  source: SourceRef;
  date: SourceDate;
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
   * This page's columns, in publication order, each with its date (a theme read across years
   * changes with them): every source when the dossier fits one page, a silent one with no
   * passages; past one page, the sources with passages on the theme (`layout`).
   */
  columns: { source: SourceRef; date: SourceDate; passages: ThemePassage[] }[];
  /**
   * On the last page of a theme that runs past one page, the sources without a column, silent
   * or unread, listed after the columns; null elsewhere.
   */
  apart: { silent: ThemeApart[]; unread: ThemeApart[] } | null;
  /** Where the sources are on the theme's pages (the find field reckons from it). */
  layout: ThemeLayout;
  /** Where each year's columns start. */
  years: YearStart[];
  /** The taxonomy's other themes, for moving on. */
  otherThemes: ThemeInfo[];
  /** Which page of the theme this is (THEME_SOURCES_PER_PAGE columns a page). */
  paging: Omit<Paged<unknown>, 'items'>;
}

const layouts = new WeakMap<Corpus, Map<string, ThemeLayout>>();

/** How the theme's pages hold the dossier's sources (contract/routes.ts): which have no column. */
export function themeLayout(corpus: Corpus, themeId: string): ThemeLayout {
  const perPage = pageSize(THEME_SOURCES_PER_PAGE);
  let known = layouts.get(corpus);
  if (!known) layouts.set(corpus, (known = new Map()));
  const key = `${perPage} ${themeId}`;
  let layout = known.get(key);
  if (!layout) {
    const apart: number[] = [];
    if (corpus.articles.length > perPage) corpus.articles.forEach((a, i) => passagesOnTheme(corpus, themeId, a).length === 0 && apart.push(i));
    known.set(key, (layout = { perPage, sources: corpus.articles.length, apart }));
  }
  return layout;
}

/**
 * /themes/<id>/, /themes/<id>/2/…: the theme's passages from every source, a column per source.
 * Past one page, the columns are the sources that have something on it, and the last page lists
 * the others: page after page of columns saying "silent on it" would tell less than one list.
 */
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
  const silent = empty.filter((a) => isAnalysed(a.meta.language));
  const unread = empty.filter((a) => !isAnalysed(a.meta.language));
  const named = (sources: Article[]) => ({ named: sources.length <= SOURCES_NAMED_MAX ? sources.map(nameOf) : null, count: sources.length });
  const layout = themeLayout(corpus, themeId);
  const apart = new Set(layout.apart);
  const hasColumn = (_: unknown, i: number) => !apart.has(i);
  const shown = columns.filter(hasColumn);
  const listed = (sources: Article[]) => sources.map((a) => ({ source: sourceRef(a), date: sourceDate(a) }));
  const whole = {
    theme,
    total: columns.reduce((n, c) => n + c.passages.length, 0),
    sources: columns.length,
    speaking: columns.length - empty.length,
    silent: named(silent),
    unread: named(unread),
    layout,
    years: yearStarts(corpus.articles.filter(hasColumn), layout.perPage),
    otherThemes: corpus.themes.filter((t) => t.id !== themeId),
  };
  return paginate(shown, layout.perPage).map(({ items, ...paging }) => ({
    ...whole,
    columns: items,
    apart: apart.size && paging.page === paging.pages ? { silent: listed(silent), unread: listed(unread) } : null,
    paging,
  }));
}

/** Where a source is on a theme's pages: its page and anchor. */
export function themeSourceUrl(corpus: Corpus, themeId: string, slug: string): string {
  const at = lookups(corpus).articleIndex.get(slug);
  if (at === undefined) throw new Error(`No article "${slug}"`);
  return themeColumnUrl(themeId, slug, at, themeLayout(corpus, themeId));
}
