/** The theme index (/themes/) and a theme's page (/themes/<id>/). */
import { lookups, passagesOnTheme } from '../lookups';
import { passageUrl, themeUrl, type Corpus, type ThemeInfo } from '../model';
import { pageOf, pageSize, paginate, type Paged } from '../paging';
import { SOURCES_NAMED_MAX, THEME_SOURCES_PER_PAGE } from '../site';
import { coverage, sourceAnchor, sourceRef, type SourceRef } from './sources';

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
  /** Sources in the dossier, and how many of them have passages on the theme. */
  sources: number;
  speaking: number;
  /** The sources silent on the theme: their outlets when few enough to name, and how many. */
  silent: { named: string[] | null; count: number };
  /** This page's columns: one per source, in publication order; a silent source has no passages. */
  columns: { source: SourceRef; passages: ThemePassage[] }[];
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
    passages: passagesOnTheme(corpus, themeId, a).map((p) => ({
      id: p.id,
      url: passageUrl(p),
      section: p.section?.title ?? null,
      text: p.text,
      otherThemes: p.themes.filter((t) => t !== themeId).map((t) => corpus.themesById.get(t)!),
    })),
  }));
  const silent = columns.filter((c) => c.passages.length === 0).map((c) => c.source.outlet);
  const whole = {
    theme,
    total: columns.reduce((n, c) => n + c.passages.length, 0),
    sources: columns.length,
    speaking: columns.length - silent.length,
    silent: { named: silent.length <= SOURCES_NAMED_MAX ? silent : null, count: silent.length },
    otherThemes: corpus.themes.filter((t) => t.id !== themeId),
  };
  return paginate(columns, pageSize(THEME_SOURCES_PER_PAGE)).map(({ items, ...paging }) => ({ ...whole, columns: items, paging }));
}

/** Where a source's column on a theme's pages is: its page and anchor. */
export function themeSourceUrl(corpus: Corpus, themeId: string, slug: string): string {
  const at = lookups(corpus).articleIndex.get(slug);
  if (at === undefined) throw new Error(`No article "${slug}"`);
  return `${themeUrl(themeId, pageOf(at, pageSize(THEME_SOURCES_PER_PAGE)))}#${sourceAnchor(slug)}`;
}
